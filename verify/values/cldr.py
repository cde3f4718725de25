"""What CLDR (through babel) says about a locale's scale words and money, in the value grammar's terms.

Each table is built the first time a value in that locale needs it and kept: a run in
one locale pays for one locale. The symbols of every locale together (is "RM" money
somewhere?) would take seconds to gather from babel, so they are gathered once into
`data/currency_symbols.toml` by `python -m verify.values.cldr`, and a test holds that
file to babel; so are the first characters of every locale's currency names, which tell
a run that no name can follow a number without loading any locale's names.
"""

from __future__ import annotations

import functools
import re
from fractions import Fraction

from verify.values import snapshot
from verify.values.lexicon import lower

# Marks CLDR puts around numbers in right-to-left scripts: they read as blanks.
BIDI_MARKS = "\u200e\u200f\u061c\u200b"
_STRIP = " \u00a0\u202f\u2009" + BIDI_MARKS
_QUOTED = re.compile(r"'([^']*)'")


def _literal(affix: str) -> str:
    """A pattern's affix as printed: CLDR quotes literal text ("Mio'.'" is "Mio.")."""
    return _QUOTED.sub(lambda m: m.group(1) or "'", affix).replace("¤", "").strip(_STRIP)


@functools.cache
def scale_words(locale: str) -> tuple[dict[str, Fraction], dict[str, Fraction]]:
    """The locale's scale words after and before a number, as `babel_scale_words` gives them."""
    kept = snapshot.fact(locale, "scale_words")
    if kept is None:
        return babel_scale_words(locale)
    return ({word: Fraction(worth) for word, worth in kept["after"].items()},
            {word: Fraction(worth) for word, worth in kept["before"].items()})


def babel_scale_words(locale: str) -> tuple[dict[str, Fraction], dict[str, Fraction]]:
    """The locale's scale words after and before a number ("Mrd.", "milliards", "crore";
    Swahili's "elfu" goes first), lower-cased, from CLDR's compact decimal and currency
    patterns, short and long, every plural form. A word CLDR gives two worths in one
    locale is kept with worth 0, so that reading it is a problem rather than a guess.

    A pattern "00 Mio." filed under 10,000,000 shows that number as "10 Mio.": its word
    is worth 10,000,000 / 10 ** (2 - 1).
    """
    from babel import Locale

    after: dict[str, Fraction] = {}
    before: dict[str, Fraction] = {}
    data = Locale.parse(locale)
    tables = [data.compact_decimal_formats.get(kind) or {} for kind in ("short", "long")]
    tables.append(data.compact_currency_formats.get("short") or {})
    for table in tables:
        for patterns in table.values():
            for magnitude, pattern in patterns.items():
                zeros = pattern.pattern.split(";")[0].count("0")
                factor = Fraction(int(magnitude), 10 ** max(zeros - 1, 0))
                if factor == 1:
                    continue
                for affix, words in ((pattern.suffix[0], after), (pattern.prefix[0], before)):
                    word = lower(_literal(affix))
                    if word and words.setdefault(word, factor) != factor:
                        words[word] = Fraction(0)  # one word, two worths: a problem, never a guess
    return after, before


@functools.cache
def currency_names(locale: str) -> dict[str, str]:
    """Lower-cased display names of every currency in the locale and in English, in
    every plural form ("australian dollars", "türkische lira"), to ISO code.
    A name two currencies share is left out: the hand table decides those."""
    from babel import Locale

    names: dict[str, set[str]] = {}
    for tag in dict.fromkeys([locale, "en"]):
        data = Locale.parse(tag)
        for code, name in data.currencies.items():
            names.setdefault(lower(name), set()).add(code)
        for code, forms in data._data.get("currency_names_plural", {}).items():
            for name in forms.values():
                names.setdefault(lower(name), set()).add(code)
    return {name: codes.pop() for name, codes in names.items() if len(codes) == 1}


# How much of a currency name `may_name_currency` compares: four characters tell "per
# share" from "peruvian sol" and leave about 11,000 beginnings over every locale.
HEAD = 4
HEADS_FILE = "currency_name_heads.txt"


@functools.cache
def _name_heads() -> frozenset[str]:
    from verify.resources import DATA

    return frozenset((DATA / HEADS_FILE).read_text(encoding="utf-8").split("|\n")[1:-1])


def may_name_currency(text: str, pos: int) -> bool:
    """Whether a CLDR currency name of some locale may start at `pos` of lower-cased `text`:
    False only where none can, so that a run need not load a locale's names (babel's data
    for the locale and for English, and a pattern per letter) to find that none is there.
    `data/currency_name_heads.txt` holds every name's first HEAD characters, or the whole
    of a shorter one."""
    heads = _name_heads()
    return any(text[pos:pos + n] in heads for n in range(1, HEAD + 1))


def name_heads_of_every_locale() -> set[str]:
    """The beginnings of every currency name in every locale babel knows, singular and plural,
    lower-cased as the value grammar compares them: seconds of work, kept in a data file."""
    from babel import Locale, localedata

    heads = set()
    for tag in localedata.locale_identifiers():
        data = Locale.parse(tag)
        names = [*data.currencies.values()]
        for forms in data._data.get("currency_names_plural", {}).values():
            names.extend(forms.values())
        heads.update(lower(lower(name))[:HEAD] for name in names)
    heads.discard("")
    return heads


def _write_heads(previous: frozenset[str]) -> str:
    """The heads file's text: the heads babel gives now with those already kept. Each head
    ends with "|" (some end with a blank, which editors would strip)."""
    heads = sorted(previous | name_heads_of_every_locale())
    assert not any("|" in h or "\n" in h for h in heads)
    return ("Currency names' first characters, every CLDR locale: `python -m verify.values.cldr`|\n"
            + "".join(f"{h}|\n" for h in heads))


@functools.cache
def territory_currency(locale: str) -> str | None:
    """The currency in use today where the locale is spoken ("en_AU": AUD), if it names a territory."""
    return snapshot.fact(locale, "territory_currency") or babel_territory_currency(locale)


def babel_territory_currency(locale: str) -> str | None:
    from babel import Locale
    from babel.numbers import get_territory_currencies

    territory = Locale.parse(locale).territory
    if not territory:
        return None
    current = get_territory_currencies(territory)
    return current[0] if len(current) == 1 else None


@functools.cache
def symbol_in_locale(code: str, locale: str) -> str:
    """The symbol the locale's CLDR data writes for a currency ("yue_Hans_CN": JPY is "¥")."""
    return snapshot.of_currency(locale, "symbols", code) or babel_symbol(code, locale)


def babel_symbol(code: str, locale: str) -> str:
    from babel.numbers import get_currency_symbol

    return get_currency_symbol(code, locale)


@functools.cache
def minor_digits(code: str) -> int:
    """How many decimal places the currency's minor unit takes (USD 2, JPY 0, KWD 3), ISO 4217 via CLDR."""
    kept = snapshot.minor_digits(code)
    return kept if kept is not None else babel_minor_digits(code)


def babel_minor_digits(code: str) -> int:
    from babel.numbers import get_currency_precision

    return get_currency_precision(code)


@functools.cache
def accounting_parentheses(locale: str) -> bool:
    """Whether the locale writes a negative amount in parentheses in accounts: "(3.2)" is -3.2."""
    kept = snapshot.fact(locale, "accounting_parentheses")
    return kept if kept is not None else babel_accounting_parentheses(locale)


def babel_accounting_parentheses(locale: str) -> bool:
    from babel import Locale

    pattern = Locale.parse(locale).currency_formats.get("accounting")
    return pattern is not None and "(" in pattern.pattern.partition(";")[2]


def symbols_of_every_locale() -> dict[str, list[str]]:
    """Every currency symbol that any locale babel knows writes (other than the ISO code itself),
    with the codes it stands for: seconds of work, kept in data/currency_symbols.toml."""
    from babel import Locale, localedata

    index: dict[str, set[str]] = {}
    for tag in localedata.locale_identifiers():
        for code, symbol in Locale.parse(tag).currency_symbols.items():
            symbol = symbol.strip(_STRIP)
            if symbol and symbol != code and not symbol.isdigit():
                index.setdefault(symbol, set()).add(code)
    return {s: sorted(codes) for s, codes in sorted(index.items())}


def _write_symbols(previous: dict[str, list[str]]) -> str:
    """The data file's text: the symbols babel knows now, merged with those already kept
    (so that a file made under two babel versions holds both's)."""
    merged = {s: set(c) for s, c in previous.items()}
    for symbol, codes in symbols_of_every_locale().items():
        merged.setdefault(symbol, set()).update(codes)
    lines = ["# Currency symbols of every CLDR locale, with the ISO 4217 codes each stands for.",
             "# Written by `python -m verify.values.cldr` (run it under each babel version the",
             "# project supports: it adds to what is here); tests/test_currencies.py holds it to babel.",
             "", "[symbols]"]
    for symbol in sorted(merged):
        escaped = symbol.replace("\\", "\\\\").replace('"', '\\"')
        lines.append(f'"{escaped}" = [{", ".join(chr(34) + c + chr(34) for c in sorted(merged[symbol]))}]')
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    from verify import resources

    path = resources.DATA / "currency_symbols.toml"
    kept = resources.packaged("currency_symbols")["symbols"] if path.exists() else {}
    path.write_text(_write_symbols(kept), encoding="utf-8")
    heads = resources.DATA / HEADS_FILE
    (heads).write_text(_write_heads(_name_heads() if heads.exists() else frozenset()), encoding="utf-8")
    facts = resources.DATA / snapshot.FILE
    previous = resources.packaged(snapshot.FILE.removesuffix(".toml")) if facts.exists() else None
    facts.write_text(snapshot.written(snapshot.agreed(previous, snapshot.babel_facts())), encoding="utf-8")
