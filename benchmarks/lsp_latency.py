"""The language server's latency: from an edit to the diagnostics it publishes.

Starts `verify lsp` over stdio, opens one claim file of a corpus, then types: each edit
changes a value, and the time until the file's diagnostics arrive is measured. The
server waits for typing to pause before it checks, so the figure is that pause plus the
check of the whole corpus the file belongs to.

    python benchmarks/lsp_latency.py claims/
    python benchmarks/generate.py 10000 /tmp/corpus-10k && python benchmarks/lsp_latency.py /tmp/corpus-10k
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient


async def measure(folder: Path, edits: int) -> list[float]:
    path = sorted(folder.rglob("*.toml"))[0].resolve()
    text = path.read_text(encoding="utf-8")
    client = LanguageClient("latency", "1")
    published: asyncio.Queue = asyncio.Queue()
    client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)(lambda params: published.put_nowait(time.perf_counter()))
    await client.start_io(sys.executable, "-m", "verify", "lsp")
    await client.initialize_async(types.InitializeParams(capabilities=types.ClientCapabilities(),
                                                         root_uri=folder.resolve().as_uri()))
    client.initialized(types.InitializedParams())
    uri = path.as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id="toml", version=1, text=text)))
    await published.get()  # the first check also loads the rates and warms every cache
    times = []
    for version in range(2, edits + 2):
        edited = text.replace('value = "', 'value = "about ', 1) if version % 2 else text
        start = time.perf_counter()
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=edited)]))
        times.append(await published.get() - start)
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="a folder of claim files")
    parser.add_argument("--edits", type=int, default=7)
    args = parser.parse_args()
    times = asyncio.run(measure(args.folder, args.edits))
    claims = sum(t.read_text(encoding="utf-8").count("[[claim]]") for t in args.folder.rglob("*.toml"))
    print(f"{args.folder}: {claims} claims; edit to diagnostics, median of {len(times)}: "
          f"{statistics.median(times) * 1000:.0f} ms (min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f})")


if __name__ == "__main__":
    main()
