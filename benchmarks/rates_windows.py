"""Exchange-rate windows at scale: time per conversion and peak memory.

Writes a corpus of facts each claimed in two of 23 currencies, for years from 2009 to
2024, published in 2025 (so the loose reading's windows run up to sixteen years), checks
it in a fresh process with `--jobs 1`, and prints the check time, the time per
conversion (two claims, two readings each: four per fact) and the peak resident memory.

    python benchmarks/rates_windows.py 1000
    python benchmarks/rates_windows.py 1000 --verify /tmp/old-verify   # another checkout
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

CURRENCIES = ("EUR", "USD", "JPY", "CZK", "DKK", "GBP", "HUF", "PLN", "SEK", "CHF", "NOK", "AUD",
              "BRL", "CAD", "CNY", "HKD", "IDR", "INR", "KRW", "MXN", "MYR", "SGD", "ZAR")
_PROBE = """
import resource, sys, time
from verify.cli import main
start = time.perf_counter()
code = main([sys.argv[1], "--jobs", "1", "--format", "json", "--output", sys.argv[2], "--fail-on", "never"])
elapsed = time.perf_counter() - start
print(elapsed, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, code)
"""


def write(claims: int, folder: Path, seed: int = 22) -> int:
    """`claims` claims, two per fact, consistent at the fixing of the period's end; the facts."""
    from verify.rates import bundled

    book, rng = bundled(), random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    facts = claims // 2
    body = ['[source]\nid = "rates_windows"\npublished = 2025-02-24\n']
    for n in range(facts):
        year = rng.randint(2009, 2024)
        a, b = rng.sample(CURRENCIES, 2)
        eur = rng.randint(100, 9000)  # millions of euros
        for side, code in (("a", a), ("b", b)):
            amount = eur * book.rate("EUR", code, date(year, 12, 31)).value
            body.append(f'[[claim]]\nid = "f{n}_{side}"\nentity = "Company {n}"\nmetric = "revenue"\n'
                        f'period = "{year}"\nvalue = "{code} {round(float(amount), 2):.2f} million"\n')
    (folder / "rates_windows.toml").write_text("\n".join(body), encoding="utf-8")
    return facts


def measure(folder: Path, checkout: str | None) -> tuple[float, int]:
    env_path = [checkout] if checkout else []
    with tempfile.TemporaryDirectory() as out:
        run = subprocess.run([sys.executable, "-c", _PROBE, str(folder), f"{out}/report.json"], check=True,
                             capture_output=True, text=True,
                             env={"PYTHONPATH": ":".join(env_path), "PATH": "/usr/bin:/bin"})
        elapsed, rss, _ = run.stdout.split()
        report = json.loads(Path(out, "report.json").read_text(encoding="utf-8"))
    print(f"  findings {len(report['findings'])}, problems {len(report['problems'])}"
          + "".join(f"\n  {p['message']}" for p in report["problems"][:3]), file=sys.stderr)
    return float(elapsed), int(rss)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("claims", type=int, nargs="?", default=1000)
    parser.add_argument("--verify", help="a checkout whose verify package to time instead of the installed one")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        facts = write(args.claims, Path(tmp))
        elapsed, rss = measure(Path(tmp), args.verify)
    conversions = facts * 4
    print(f"{args.claims} claims in {len(CURRENCIES)} currencies: check {elapsed:.2f} s, "
          f"{elapsed / conversions * 1000:.2f} ms per conversion, peak {rss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
