"""A draft checked against a loaded corpus: `verify.Checker`, warm.

Generates a corpus (benchmarks/generate.py), takes one of its articles out as the draft
(40 claims, under a new source id), loads the rest once, then times `checker.check` on
the draft: the median of repeated calls, as an editorial tool makes them.

    python benchmarks/draft_check.py 100000
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import generate  # noqa: E402

import verify  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("size", type=int, help="claims in the corpus")
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--draft-claims", type=int, default=40)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        generate.write_corpus(args.size, Path(folder))
        first = sorted(Path(folder).glob("*.toml"))[0]
        text = first.read_text(encoding="utf-8")
        first.unlink()
        blocks = text.split("\n[[")
        draft = "\n[[".join(b for b in blocks[:1 + args.draft_claims] if not b.startswith("check]]"))
        draft = re.sub(r'(?m)^id = "s\d+"', 'id = "draft"', draft, count=1)
        start = time.perf_counter()
        checker = verify.Checker([folder])
        loaded = time.perf_counter() - start
        report = checker.check(draft)
        times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            checker.check(draft)
            times.append(time.perf_counter() - start)
        print(f"corpus {len(checker.corpus.claims)} claims (loaded in {loaded:.1f} s); "
              f"draft {len(report.corpus.claims)} claims, {len(report.findings)} findings; "
              f"warm check: median {statistics.median(times) * 1000:.1f} ms "
              f"(min {min(times) * 1000:.1f}, max {max(times) * 1000:.1f}, {args.repeat} calls)")


if __name__ == "__main__":
    main()
