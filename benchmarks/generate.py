"""Write a realistic synthetic corpus of claim files for the benchmark.

Many sources (one file each, about 100 claims) report on many companies. Each
company has one true figure per fact, whichever source and year writes it: a
year's quarters grow from the year before's (seeded by the company and year),
so last year's fourth quarter written by this year's source is the figure last
year's sources wrote, and a change is computed from those two truths. Sources
that report the same fact therefore agree unless the generator garbles a figure
on purpose (a few percent of them). Figures come in five currencies, some
converted at the ECB rate of their period end; values carry hedges written the
way reporters use them ("over" a figure below the truth, "nearly" one above it,
rounded so that the truth stays inside what the hedge says); there are quarters
and years, change claims, market values, market shares with their markets, and
hand-written checks. The same seed writes the same corpus.

    python benchmarks/generate.py 10000 /tmp/corpus-10k
"""

from __future__ import annotations

import argparse
import functools
import math
import random
from datetime import date
from fractions import Fraction
from pathlib import Path

CLAIMS_PER_FILE = 100
INCONSISTENT = 0.03  # share of figures garbled on purpose
HOME = (("EUR", "€{}"), ("USD", "${}"), ("CNY", "RMB {}"), ("GBP", "£{}"), ("JPY", "JP¥{}"))
SYMBOL = dict(HOME)
COMPANIES_PER_MARKET = 5
# hedge, factor the written number bears to the truth, and the way it is rounded: towards the
# hedge, so the truth stays inside what the words say ("nearly x": the truth is at most x and
# within 5% of it; "over x": above x and within 10% of it)
HEDGES = (("", 1, round), ("", 1, round), ("", 1, round), ("about ", 1, round), ("around ", 1, round),
          ("nearly ", 1.02, math.ceil), ("over ", 0.97, math.floor), ("more than ", 0.97, math.floor),
          ("some ", 1, round))
BASE_YEAR = 2021  # the first year with figures of its own; later years grow from it


def write_corpus(size: int, folder: str | Path, seed: int = 2025) -> int:
    """Write `size` claims under `folder`; returns the number written."""
    from verify.rates import RateBook

    rates = RateBook.bundled()
    rng = random.Random(seed)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    companies = max(COMPANIES_PER_MARKET, size // 40)
    written, index = 0, 0
    while written < size:
        text, count = _source(rng, rates, index, companies, min(CLAIMS_PER_FILE, size - written))
        (folder / f"source-{index:05d}.toml").write_text(text, encoding="utf-8")
        written += count
        index += 1
    return written


def _source(rng, rates, index: int, companies: int, budget: int) -> tuple[str, int]:
    year = rng.choice((2022, 2023, 2024))
    lines = ["[source]", f'id = "s{index:05d}"', f'title = "Synthetic article {index}"',
             f"published = {year + 1}-02-{rng.randint(10, 27):02d}", ""]
    claims: list[list[str]] = []
    checks = []
    while len(claims) < budget:
        group, refs = _company(rng, rates, rng.randrange(companies), year, len(claims))
        if len(group) <= budget - len(claims) and rng.random() < 0.3:
            checks.append(refs)
        claims.extend(group[: budget - len(claims)])
    lines.extend(line for body in claims for line in body)
    for n, (cap, price, shares) in enumerate(checks):
        lines += ["[[check]]", f'id = "cap_check_{n}"', f'expr = "{cap} == {price} * {shares}"', ""]
    return "\n".join(lines) + "\n", len(claims)


def _company(rng, rates, number: int, year: int, start: int):
    """One company's figures for one year, as one source writes them."""
    truth = random.Random(f"{number}-{year}")
    code, pattern = HOME[number % len(HOME)]
    entity = f"Company {number:05d}"
    quarters, before = _quarters(number, year), _quarters(number, year - 1)
    growth = quarters[-1] / before[-1] - 1
    price, shares = truth.uniform(5, 500), truth.uniform(0.2, 5)
    margin = truth.uniform(0.05, 0.25)
    share = truth.uniform(2, 100 / COMPANIES_PER_MARKET - 1)
    staff = truth.randint(1, 300) * 1000
    claims: list[list[str]] = []

    def claim(metric, value, **fields):
        ref = f"c{start + len(claims)}"
        body = ["[[claim]]", f'id = "{ref}"', f'entity = "{entity}"', f'metric = "{metric}"', f'value = "{value}"']
        body += [f"{k} = {v}" if k == "as_of" else f'{k} = "{v}"' for k, v in fields.items()]
        claims.append(body + [""])
        return ref

    def written(amount, template, digits=1, suffix="bn"):
        hedge, factor, rounding = rng.choice(HEDGES)
        digits = _digits(amount, factor, rounding, digits)
        figure = rounding(amount * factor * 10 ** digits) / 10 ** digits
        if rng.random() < INCONSISTENT:
            figure *= rng.choice((0.7, 1.4))
        return hedge + template.format(f"{figure:,.{digits}f}{suffix}")

    for q, amount in enumerate(quarters):
        claim("revenue", written(amount, pattern), period=f"{year}-Q{q + 1}")
    claim("revenue", written(sum(quarters), pattern), period=str(year))
    if rng.random() < 0.25:  # the last quarter again, converted as a wire service would
        other = rng.choice([c for c, _ in HOME if c != code])
        rate = rates.rate(code, other, date(year, 12, 31)).value
        claim("revenue", written(quarters[-1] * float(Fraction(rate)), SYMBOL[other], 2), period=f"{year}-Q4")
    claim("net_income", written(quarters[-1] * margin, pattern, 2), period=f"{year}-Q4")
    claim("net_margin", f"{100 * margin:.1f}%", period=f"{year}-Q4")
    claim("revenue", f"{'up' if growth >= 0 else 'down'} {abs(100 * growth):.0f}%", change="percent",
          period=f"{year}-Q4")
    claim("revenue", written(before[-1], pattern), period=f"{year - 1}-Q4")
    day = f"{year + 1}-01-{truth.randint(10, 28):02d}"
    cap = claim("market_cap", written(price * shares, pattern), as_of=day)
    price_ref = claim("share_price", pattern.format(f"{price:.2f}") + " per share", as_of=day)
    shares_ref = claim("shares_outstanding", f"{shares:.3f} billion shares", as_of=day)
    claim("employees", written(staff, "{}", 0, " employees"), as_of=f"{year}-12-31")
    claim("market_share", f"{share:.1f}%", market=f"market {number // COMPANIES_PER_MARKET}",
          period=f"{year}-Q4")
    return claims, (cap, price_ref, shares_ref)


@functools.lru_cache(maxsize=None)
def _quarters(number: int, year: int) -> tuple[float, ...]:
    """A company's true quarterly revenue in a year: drawn for the base year, grown from the
    year before's (by a growth of the year, each quarter a little apart) after it."""
    truth = random.Random(f"quarters-{number}-{year}")
    if year <= BASE_YEAR:
        return tuple(truth.uniform(1, 80) for _ in range(4))
    growth = truth.uniform(-0.2, 0.4)
    return tuple(q * (1 + growth) * truth.uniform(0.95, 1.05) for q in _quarters(number, year - 1))


def _digits(amount: float, factor: float, rounding, digits: int) -> int:
    """The decimals a hedged figure needs for its rounding towards the hedge to keep the truth
    inside the hedge's reach (a small "nearly" figure needs more than a large one)."""
    if rounding is round:
        return digits  # a plain or two-sided figure's reading is at least half its last digit wide
    while digits < 6:
        figure = rounding(amount * factor * 10 ** digits) / 10 ** digits
        reaches = figure >= amount >= 0.95 * figure if rounding is math.ceil else figure < amount <= 1.1 * figure
        if reaches:
            return digits
        digits += 1
    return digits


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("size", type=int, help="number of claims")
    parser.add_argument("folder", help="where to write the claim files")
    parser.add_argument("--seed", type=int, default=2025)
    args = parser.parse_args()
    print(f"{write_corpus(args.size, args.folder, args.seed)} claims written to {args.folder}")


if __name__ == "__main__":
    main()
