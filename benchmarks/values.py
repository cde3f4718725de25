"""Measure reading values: the median time of one warm `parse_value`, and what import costs.

Prints figures, not pass/fail. The values are the forms the project corpus and the
generator write most (hedged money with scale words, percentages, counts, share prices),
read with a fresh lexicon-free cache so that every call parses (the loader caches
repeated texts itself; this measures the parser, not that cache).

    python benchmarks/values.py                # 2,000 rounds over the sample
    python benchmarks/values.py --rounds 500
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

SAMPLE = (
    "$38.4 billion", "RMB ¥280.2bn", "€36.96bn", "nearly 60%", "over $100 billion",
    "about $144 per share", "8%", "194,000 employees", "up 8 percent", "3 percentage points",
    "between $5bn and $6bn", "5-6%", "HK$12.5m", "around 4,000 people", "down 5%",
)
IMPORTS = ("import verify", "import verify; verify.parse_value('$38.4 billion')")


def warm_median(rounds: int) -> float:
    """Median seconds of one parse_value over `rounds` passes of SAMPLE, after one warm pass."""
    from verify import parse_value

    for text in SAMPLE:
        parse_value(text)
    times = []
    for _ in range(rounds):
        for text in SAMPLE:
            start = time.perf_counter()
            parse_value(text)
            times.append(time.perf_counter() - start)
    return statistics.median(times)


def import_cost(statement: str) -> tuple[float, int]:
    """Median wall seconds of a fresh interpreter running `statement`, and the babel modules it loads."""
    probe = f"{statement}\nimport sys; print(sum(1 for m in sys.modules if m.startswith('babel')))"
    times, loaded = [], 0
    for _ in range(5):
        start = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
        times.append(time.perf_counter() - start)
        loaded = int(out.stdout.split()[-1])
    return statistics.median(times), loaded


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2000)
    args = parser.parse_args(argv)
    print(f"parse_value, warm: median {warm_median(args.rounds) * 1e6:.1f} µs over {len(SAMPLE)} forms")
    for statement in IMPORTS:
        seconds, modules = import_cost(statement)
        print(f"{statement!r}: {seconds * 1000:.0f} ms, {modules} babel modules")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
