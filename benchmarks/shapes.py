"""Adversarial shapes of corpus: each writes n claims of one shape that a rule could
handle in more than linear time, so that `run.py --shapes` can time it at n and 10n.

    python benchmarks/shapes.py one_fact 2000 /tmp/one-fact
"""

from __future__ import annotations

import argparse
import random
from datetime import date, timedelta
from pathlib import Path
from typing import Callable

PER_FILE = 100
CURRENCIES = ("USD", "EUR", "CNY", "GBP", "JPY", "CHF", "CAD", "AUD", "KRW", "INR")


def _files(folder: Path, claims: list[str], checks: list[str] = (), per_file: int = PER_FILE) -> None:
    """Claims (bodies of [[claim]] tables) spread over source files of `per_file` each; checks in the first."""
    folder.mkdir(parents=True, exist_ok=True)
    for start in range(0, max(len(claims), 1), per_file):
        index = start // per_file
        body = [f'[source]\nid = "s{index:05d}"\npublished = 2025-02-24\n']
        body += [f"[[claim]]\n{c}" for c in claims[start:start + per_file]]
        if index == 0:
            body += [f"[[check]]\n{c}" for c in checks]
        (folder / f"s{index:05d}.toml").write_text("\n".join(body), encoding="utf-8")


def _claim(cid: str, entity: str, metric: str, value: str, time: str, extra: str = "") -> str:
    return f'id = "{cid}"\nentity = "{entity}"\nmetric = "{metric}"\nvalue = "{value}"\n{time}\n{extra}\n'


def one_fact(n: int, folder: Path) -> None:
    """One fact claimed by n sources, all agreeing but the last, an outlier."""
    claims = [_claim("c", "Acme", "revenue", "$10 billion" if i < n - 1 else "$50 billion", 'period = "2024"')
              for i in range(n)]
    _files(folder, claims, per_file=1)


def one_market(n: int, folder: Path) -> None:
    """n companies' shares of one market in one period (summing to under 100%)."""
    claims = [_claim(f"c{i}", f"Company {i}", "market_share", f"{50 / n:.6f}%", 'period = "2024"',
                     'market = "widgets"') for i in range(n)]
    _files(folder, claims)


def ranks(n: int, folder: Path) -> None:
    """n/2 companies, each stating its share of one market and its rank in it."""
    claims = []
    companies = n // 2
    total = companies * (companies + 1) // 2
    for i in range(companies):
        share = f"{(companies - i) * 90 / total:.8f}%"
        rank = ("first", "second", "third")[i] if i < 3 else f"{i + 1}th"
        claims.append(_claim(f"s{i}", f"Company {i}", "market_share", share, 'period = "2024"', 'market = "widgets"'))
        claims.append(_claim(f"r{i}", f"Company {i}", "market_share_rank", rank, 'period = "2024"',
                             'market = "widgets"'))
    _files(folder, claims)


def periods(n: int, folder: Path) -> None:
    """One entity, n flows over nested and overlapping periods (years, quarters, months, day ranges)."""
    rng = random.Random(n)
    claims = []
    for i in range(n):
        year = 2000 + (i // 4) % 25
        kind = i % 4
        if kind == 0:
            time = f'period = "{year}"'
        elif kind == 1:
            time = f'period = "{year}-Q{1 + (i // 100) % 4}"'
        elif kind == 2:
            time = f'period = "{year}-{1 + (i // 100) % 12:02d}"'
        else:
            a = date(2000, 1, 1) + timedelta(days=rng.randrange(9000))
            time = f'period = "{a}..{a + timedelta(days=rng.randrange(1, 400))}"'
        claims.append(_claim(f"c{i}", "Acme", "revenue", f"${rng.randrange(1, 900)} million", time))
    _files(folder, claims)


def changes(n: int, folder: Path) -> None:
    """n/2 change claims whose baseline is one fact claimed n/2 times."""
    claims = [_claim(f"l{i}", "Acme", "revenue", "$10 billion", 'period = "2023"') for i in range(n // 2)]
    claims += [_claim(f"g{i}", "Acme", "revenue", "up 10%", 'period = "2024"', 'change = "percent"')
               for i in range(n - n // 2)]
    _files(folder, claims)


def margins(n: int, folder: Path) -> None:
    """A margin identity over one large fact: revenue, net income and net margin, each claimed n/3 times."""
    facts = (("revenue", "$100 billion"), ("net_income", "$20 billion"), ("net_margin", "20%"))
    claims = [_claim(f"c{i}", "Acme", *facts[i % 3], 'period = "2024"') for i in range(n)]
    _files(folder, claims)


def big_check(n: int, folder: Path) -> None:
    """One check naming every claim of its file (n claims in one file)."""
    claims = [_claim(f"c{i}", f"Company {i}", "revenue", "$1 million", 'period = "2024"') for i in range(n)]
    expr = ", ".join(f"c{i}" for i in range(n))
    _files(folder, claims, checks=[f'id = "total"\nexpr = "sum({expr}) == \'${n:,} million\'"\n'], per_file=n)


def many_checks(n: int, folder: Path) -> None:
    """n/50 checks naming 50 claims each."""
    claims = [_claim(f"c{i}", f"Company {i}", "revenue", "$1 million", 'period = "2024"') for i in range(n)]
    checks = [f'id = "k{k}"\nexpr = "{" + ".join(f"c{i}" for i in range(k * 50, k * 50 + 50))} == \'$50 million\'"\n'
              for k in range(n // 50)]
    _files(folder, claims, checks=checks, per_file=n)


def rates(n: int, folder: Path) -> None:
    """Claims over 20 years of exchange rates in ten currencies: each fact in two currencies."""
    rng = random.Random(n)
    symbols = {"USD": "$", "EUR": "€", "GBP": "£"}
    claims = []
    for i in range(n):
        code = CURRENCIES[i % len(CURRENCIES)]
        amount = rng.randrange(1, 900)
        value = f"{symbols[code]}{amount} million" if code in symbols else f"{code} {amount} million"
        year = 2005 + (i // 2) % 20
        claims.append(_claim(f"c{i}", f"Company {i // 2}", "revenue", value, f'period = "{year}-Q{1 + i % 4}"'))
    _files(folder, claims)


def hedged(n: int, folder: Path) -> None:
    """Hedged and ranged values, most of them distinct strings."""
    forms = ("about ${} million", "nearly €{}bn", "between ${} and ${}0 million", "{}-{}0%", "over {},000 employees",
             "up to JP¥{} billion", "roughly £{}m", "more than ${} billion")
    claims = []
    for i in range(n):
        k = i % 997 + 1
        claims.append(_claim(f"c{i}", f"Company {i}", "figure", forms[i % len(forms)].format(k, k), 'period = "2024"'))
    _files(folder, claims)


def typos(n: int, folder: Path) -> None:
    """Claims with a misspelt field each, and checks naming claims that do not exist."""
    claims = [_claim(f"c{i}", f"Company {i}", "revenue", "$1 million", 'period = "2024"', f'nte = "n{i}"')
              for i in range(n)]
    checks = [f'id = "k{k}"\nexpr = "c{k} > cc{k}x"\n' for k in range(n // 10)]
    _files(folder, claims, checks=checks, per_file=n)


SHAPES: dict[str, tuple[Callable[[int, Path], None], int]] = {
    # name: (writer, the n it is timed at, against 10n)
    "one_fact": (one_fact, 2000),
    "one_market": (one_market, 500),
    "ranks": (ranks, 500),
    "periods": (periods, 900),
    "changes": (changes, 1000),
    "margins": (margins, 900),
    "big_check": (big_check, 100),
    "many_checks": (many_checks, 1000),
    "rates": (rates, 1000),
    "hedged": (hedged, 1000),
    "typos": (typos, 1000),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shape", choices=sorted(SHAPES))
    parser.add_argument("size", type=int)
    parser.add_argument("folder", type=Path)
    args = parser.parse_args()
    SHAPES[args.shape][0](args.size, args.folder)


if __name__ == "__main__":
    main()
