"""`verify lsp`: a language server over stdio for claim files (pygls).

Diagnostics are every problem and finding of the open file, computed against the corpus
it belongs to (found as `verify` finds it, with every open file's unsaved text standing
for what is on disk). They are computed off the event loop, after typing has paused for
DEBOUNCE seconds, and a newer edit supersedes an older computation, so that typing stays
fluid on a large corpus.
"""

from __future__ import annotations

import asyncio
from urllib.parse import unquote, urlparse

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from verify import __version__
from verify.lsp import analysis

DEBOUNCE = 0.25  # seconds of quiet before a file is checked again
MAX_VALUES = 500_000  # value strings kept between checks (about 1 KB each)

_SEVERITY = {"error": types.DiagnosticSeverity.Error, "warning": types.DiagnosticSeverity.Warning,
             "information": types.DiagnosticSeverity.Information}


class ClaimServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("verify", __version__)
        self.analyses: dict[str, analysis.Analysis] = {}  # uri -> the last finished analysis
        self.pending: dict[str, asyncio.Task] = {}
        # Values read so far, shared by every check: a check re-reads only new value strings.
        # Bounded: cleared when it passes MAX_VALUES entries.
        self.read_values: dict = {}

    def lines(self, uri: str) -> list[str]:
        return self.workspace.get_text_document(uri).source.splitlines()

    def texts(self) -> dict[str, str]:
        return {_path(uri): doc.source for uri, doc in self.workspace.text_documents.items()}

    def schedule(self, uri: str, delay: float = DEBOUNCE) -> None:
        task = self.pending.pop(uri, None)
        if task is not None:
            task.cancel()
        self.pending[uri] = asyncio.ensure_future(self._diagnose(uri, delay))

    async def _diagnose(self, uri: str, delay: float) -> None:
        await asyncio.sleep(delay)
        text = self.workspace.get_text_document(uri).source
        if len(self.read_values) > MAX_VALUES:
            self.read_values.clear()
        result = await asyncio.to_thread(_analyse, _path(uri), self.texts(), text, self.read_values)
        if self.pending.get(uri) is not asyncio.current_task():
            return  # a newer edit has its own computation on the way
        self.pending.pop(uri, None)
        found, marks = result
        if found is not None:
            self.analyses[uri] = found
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=uri, diagnostics=[_diagnostic(m) for m in marks]))


def _analyse(path: str, texts: dict[str, str], text: str, read_values: dict):
    try:
        found = analysis.Analysis(path, texts, read_values)
        return found, found.marks(text)
    except Exception as exc:  # the server must outlive any bug: say it where the writer looks
        return None, [analysis.Mark(0, 0, 0, "error", f"verify could not check this file: {exc!r}", "internal-error")]


def _path(uri: str) -> str:
    return unquote(urlparse(uri).path)


def _diagnostic(mark: analysis.Mark) -> types.Diagnostic:
    return types.Diagnostic(
        range=types.Range(start=types.Position(line=mark.line, character=mark.start),
                          end=types.Position(line=mark.line, character=max(mark.end, mark.start))),
        message=mark.message, severity=_SEVERITY[mark.severity], source="verify", code=mark.code)


def build() -> ClaimServer:
    server = ClaimServer()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: ClaimServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, delay=0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: ClaimServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: ClaimServer, params: types.DidSaveTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, delay=0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: ClaimServer, params: types.DidCloseTextDocumentParams) -> None:
        task = ls.pending.pop(params.text_document.uri, None)
        if task is not None:
            task.cancel()
        ls.analyses.pop(params.text_document.uri, None)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: ClaimServer, params: types.HoverParams) -> types.Hover | None:
        uri, pos = params.text_document.uri, params.position
        text = analysis.hover(ls.lines(uri), pos.line, pos.character, ls.analyses.get(uri))
        if text is None:
            return None
        return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text))

    @server.feature(types.TEXT_DOCUMENT_COMPLETION,
                    types.CompletionOptions(trigger_characters=['"', ".", " ", "["]))
    def completion(ls: ClaimServer, params: types.CompletionParams) -> types.CompletionList:
        uri, pos = params.text_document.uri, params.position
        items = analysis.completions(ls.lines(uri), pos.line, pos.character, ls.analyses.get(uri))
        return types.CompletionList(is_incomplete=False, items=[
            types.CompletionItem(label=label, detail=detail or None) for label, detail in items])

    @server.feature(types.TEXT_DOCUMENT_DEFINITION)
    def definition(ls: ClaimServer, params: types.DefinitionParams) -> types.Location | None:
        uri, pos = params.text_document.uri, params.position
        target = analysis.definition(ls.lines(uri), pos.line, pos.character, ls.analyses.get(uri))
        if target is None:
            return None
        from pathlib import Path

        start = types.Position(line=target.line, character=0)
        return types.Location(uri=Path(target.path).resolve().as_uri(), range=types.Range(start=start, end=start))

    return server


def main() -> int:
    build().start_io()
    return 0
