"""CLDR's facts of the default locale, en_US, kept as data: a run in it loads no babel.

A run in en_US asks CLDR a few things (its number symbols and grouping, its scale words,
its territory's currency, the symbols and money formats of a few currencies), and
babel answered them by loading its modules and its locale data: a sixth of a small run.
`data/cldr_en_US.toml` holds babel's answers, written by `python -m verify.values.cldr`
under each babel version the project supports; a fact those versions disagree on is left
out, and babel is asked for it. tests/test_snapshot.py holds the file to babel.
"""

from __future__ import annotations

import functools
from typing import Any

LOCALE = "en_US"
FILE = f"cldr_{LOCALE}.toml"


@functools.cache
def _facts() -> dict[str, Any]:
    """The kept facts, or none where the installed babel is not one the file was written
    under: a later babel may have changed a fact, and is then asked for each."""
    return _kept() if babel_version() in _kept().get("babel", ()) else {}


@functools.cache
def _kept() -> dict[str, Any]:
    from verify.resources import packaged

    return packaged(FILE.removesuffix(".toml"))


def babel_version() -> str | None:
    """The installed babel's version, read from its package without importing it (an
    import would cost what the file spares), or None."""
    import importlib.util
    import re

    spec = importlib.util.find_spec("babel")
    if spec is None or spec.origin is None:
        return None
    try:
        with open(spec.origin, encoding="utf-8") as init:
            found = re.search(r"""^__version__\s*=\s*['"]([^'"]+)['"]""", init.read(), re.MULTILINE)
    except OSError:
        return None
    return found.group(1) if found else None


def fact(locale: str, name: str) -> Any:
    """A kept fact of `locale`, or None where it is not kept (ask babel)."""
    return _facts().get(name) if locale == LOCALE else None


def of_currency(locale: str, name: str, code: str) -> Any:
    """A kept fact of `locale` about one currency (its symbol, its money prefix), or None."""
    table = fact(locale, name)
    return table.get(code) if table is not None else None


def minor_digits(code: str) -> int | None:
    """The decimals of the currency's minor unit (ISO 4217 through CLDR, no locale's), or None."""
    return _facts().get("minor_digits", {}).get(code)


def money_template(code: str, locale: str, shift: int, negative: bool, whole: int,
                   fraction: int) -> tuple[str, str, str] | None:
    """What babel writes around the digits of an amount of `code` × 10**shift with `whole`
    digits and `fraction` decimals (`formatting.babel_template`), or None where it is not kept."""
    money = fact(locale, "money")
    prefix = of_currency(locale, "money_prefixes", code)
    if money is None or prefix is None or whole > MOST_WHOLE:
        return None
    return _shaped(money, prefix, shift, negative, fraction)


# Kept are mantissas under a thousand, what `formatting.money` shows below 10**15; babel
# groups the digits of a larger one, and formats it itself.
MOST_WHOLE = 3


def _shaped(money: dict[str, Any], prefix: str, shift: int, negative: bool, fraction: int):
    """In en_US every currency's money has one shape: a negative amount's sign, the currency's
    prefix, the digits with their point, the letter of the power of a thousand shown
    ("-$1.5B"). Amounts under a thousand show at most six decimals (the format verify gives
    babel): babel rounds one with more, and formats it itself."""
    if shift == 0 and fraction > money["most_fraction_digits"]:
        return None
    return money["negative"] * negative + prefix, money["point"] if fraction else "", money["suffixes"][shift // 3]


# Writing the file: `python -m verify.values.cldr`.

SHIFTS = (0, 3, 6, 9, 12)  # the powers of ten `formatting.money` shows amounts in
TABLES = ("symbols", "minor_digits", "money_prefixes")  # facts kept currency by currency


def babel_facts() -> dict[str, Any]:
    """Every fact the file keeps, as the running babel gives it (seconds of work)."""
    from babel.numbers import list_currencies

    from verify.values import cldr, numbers

    codes = sorted(list_currencies())
    decimal, group, grouping = numbers.babel_number_symbols(LOCALE)
    after, before = cldr.babel_scale_words(LOCALE)
    facts = {
        "babel": [babel_version()],
        "territory_currency": cldr.babel_territory_currency(LOCALE),
        "accounting_parentheses": cldr.babel_accounting_parentheses(LOCALE),
        "number_symbols": {"decimal": decimal, "group": group, "grouping": list(grouping)} if grouping else None,
        "scale_words": {"after": {w: str(f) for w, f in after.items()},
                        "before": {w: str(f) for w, f in before.items()}},
        "symbols": {code: cldr.babel_symbol(code, LOCALE) for code in codes},
        "minor_digits": {code: cldr.babel_minor_digits(code) for code in codes},
        **_babel_money(codes),
    }
    return {name: f for name, f in facts.items() if f is not None}


def _babel_money(codes: list[str]) -> dict[str, Any]:
    """The shape of money read off babel's for USD, and each currency's prefix where every
    amount `formatting.money` may write in it has that shape in babel's formatting too."""
    from verify.formatting import babel_template

    def babel(code, shift=0, negative=False, whole=1, fraction=1):
        return babel_template(code, LOCALE, shift, negative, whole, fraction)

    prefix, point, _ = babel("USD")
    money = {"negative": babel("USD", negative=True)[0].removesuffix(prefix), "point": point,
             "suffixes": [babel("USD", shift)[2] for shift in SHIFTS],
             "most_fraction_digits": max(f for f in range(13) if babel("USD", fraction=f) is not None)}
    # Amounts in at most twelve digits, or rounded: a fraction of up to twelve digits.
    shapes = [(shift, negative, whole, fraction) for shift in SHIFTS for negative in (False, True)
              for whole in range(1, MOST_WHOLE + 1) for fraction in range(13)]
    prefixes = {}
    for code in codes:
        prefix = babel(code)[0]
        if all(babel(code, *shape) == _shaped(money, prefix, shift, negative, fraction)
               for shape in shapes for shift, negative, _, fraction in [shape]):
            prefixes[code] = prefix
    return {"money": money, "money_prefixes": prefixes}


def agreed(previous: dict[str, Any] | None, now: dict[str, Any]) -> dict[str, Any]:
    """The facts of `now` that `previous` (written under another babel) holds alike, currency
    by currency in the tables: what every babel the file was written under agrees on. The
    versions written under are kept too (`babel`)."""
    if previous is None:
        return now
    kept: dict[str, Any] = {"babel": sorted({*previous.get("babel", ()), *now["babel"]}, key=_release)}
    for name, value in now.items():
        if name == "babel":
            continue
        if name in TABLES:
            kept[name] = {code: v for code, v in value.items() if previous.get(name, {}).get(code) == v}
        elif previous.get(name) == value:
            kept[name] = value
    return kept


def _release(version: str) -> list[tuple[int, int | str]]:
    return [(0, int(part)) if part.isdigit() else (1, part) for part in version.split(".")]


def written(facts: dict[str, Any]) -> str:
    """The file's text: its facts, tables after the plain values."""
    lines = [f"# CLDR's facts of {LOCALE} (and every currency's minor digits) as babel gives them.",
             "# Written by `python -m verify.values.cldr` under each babel version the project supports",
             "# (it keeps what they agree on and lists them in `babel`: under any other babel, a run",
             "# asks babel; delete this file to start afresh); tests/test_snapshot.py holds it to babel.", ""]
    lines += [f"{_key(name)} = {_value(v)}" for name, v in facts.items() if not isinstance(v, dict)]
    lines += _tables(facts, "")
    return "\n".join(lines) + "\n"


def _tables(facts: dict[str, Any], prefix: str) -> list[str]:
    lines = []
    for name, table in facts.items():
        if isinstance(table, dict):
            header = f"{prefix}{_key(name)}"
            lines += ["", f"[{header}]"]
            lines += [f"{_key(k)} = {_value(v)}" for k, v in table.items() if not isinstance(v, dict)]
            lines += _tables(table, header + ".")
    return lines


def _key(name: str) -> str:
    return name if name.isascii() and name.replace("_", "").replace("-", "").isalnum() else _value(name)


def _value(value: Any) -> str:
    import json  # JSON's strings, numbers, booleans and arrays are TOML's too

    return json.dumps(value, ensure_ascii=False)
