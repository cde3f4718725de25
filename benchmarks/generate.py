"""Write a realistic synthetic corpus of claim files for the benchmark.

Many sources (one file each, about 100 claims) report on many companies. Each
company has one true set of figures (seeded by its name and year), so sources
that report the same fact agree unless the generator garbles a figure on
purpose (a few percent of them). Figures come in five currencies, some
converted at the ECB rate of their period end; values carry hedges written the
way reporters use them ("over" a figure below the truth); there are quarters and
years, change claims, market values, market shares with their markets, and
hand-written checks. The same seed writes the same corpus.

    python benchmarks/generate.py 10000 /tmp/corpus-10k
"""

from __future__ import annotations

import argparse
import random
from datetime import date
from fractions import Fraction
from pathlib import Path

CLAIMS_PER_FILE = 100
INCONSISTENT = 0.03  # share of figures garbled on purpose
HOME = (("EUR", "€{}"), ("USD", "${}"), ("CNY", "RMB {}"), ("GBP", "£{}"), ("JPY", "JP¥{}"))
SYMBOL = dict(HOME)
COMPANIES_PER_MARKET = 5
# hedge, factor the written number bears to the truth (reporters round towards the hedge)
HEDGES = (("", 1), ("", 1), ("", 1), ("about ", 1), ("around ", 1), ("nearly ", 1.02), ("over ", 0.97),
          ("more than ", 0.97), ("some ", 1))


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
    quarters = [truth.uniform(1, 80) for _ in range(4)]
    growth = truth.uniform(-0.2, 0.4)
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
        hedge, factor = rng.choice(HEDGES)
        if rng.random() < INCONSISTENT:
            factor *= rng.choice((0.7, 1.4))
        return hedge + template.format(f"{amount * factor:,.{digits}f}{suffix}")

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
    claim("revenue", written(quarters[-1] / (1 + growth), pattern), period=f"{year - 1}-Q4")
    day = f"{year + 1}-01-{truth.randint(10, 28):02d}"
    cap = claim("market_cap", written(price * shares, pattern), as_of=day)
    price_ref = claim("share_price", pattern.format(f"{price:.2f}") + " per share", as_of=day)
    shares_ref = claim("shares_outstanding", f"{shares:.3f} billion shares", as_of=day)
    claim("employees", written(staff, "{}", 0, " employees"))
    claim("market_share", f"{share:.1f}%", market=f"market {number // COMPANIES_PER_MARKET}",
          period=f"{year}-Q4")
    return claims, (cap, price_ref, shares_ref)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("size", type=int, help="number of claims")
    parser.add_argument("folder", help="where to write the claim files")
    parser.add_argument("--seed", type=int, default=2025)
    args = parser.parse_args()
    print(f"{write_corpus(args.size, args.folder, args.seed)} claims written to {args.folder}")


if __name__ == "__main__":
    main()
