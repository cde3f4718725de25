"""The word tables of the value grammar, compiled once from the data files.

Hedges, currencies, unit words, scales, number words, directions, magnitudes and
ordinals all come from `verify/data/*.toml`; a project's config overlays them
(`Lexicon.build(overrides)`), so none of them is hard-wired here.
"""

from __future__ import annotations

import functools
import re
from fractions import Fraction
from typing import Any

from verify import resources
from verify.exact import Exact
from verify.interval import Interval
from verify.record import Record
from verify.units import UnitWords

ISO_CODE = re.compile(r"[A-Z]{3}(?![A-Za-z])")


def lower(text: str) -> str:
    """`text` in lower case, one character at a time, so that offsets stay those of `text`
    ("İ" lower-cases to two characters, and stays as it is)."""
    if text.isascii():
        return text.lower()
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


class Hedge(Record):
    __slots__ = ("name", "strict", "loose")

    def __init__(self, name: str, strict: Interval, loose: Interval) -> None:
        self.name, self.strict, self.loose = name, strict, loose

    @property
    def two_sided(self) -> bool:
        """A hedge like "about": it widens the digits rather than replacing them."""
        return self.strict.lo < 1 < self.strict.hi


class CurrencyAlias(Record):
    """What a symbol, code or word can mean; `default` applies when nothing else picks.

    `unit` names the unit the same letters spell ("TL": teralitres), if they spell one.
    """

    __slots__ = ("text", "codes", "default", "unit")

    def __init__(self, text: str, codes: tuple[str, ...], default: str | None = None, unit: str | None = None) -> None:
        self.text, self.codes, self.default, self.unit = text, codes, default, unit


class Multiple(Record):
    __slots__ = ("factor", "step")

    def __init__(self, factor: Fraction, step: Fraction) -> None:
        self.factor, self.step = factor, step


class NumberWord(Record):
    __slots__ = ("value", "step", "needs_scale")

    def __init__(self, value: Fraction, step: Fraction, needs_scale: bool = False) -> None:
        self.value, self.step, self.needs_scale = value, step, needs_scale


class Lexicon:
    """The word tables the value grammar reads with: one per process (and per config
    that overrides a table), compared by identity."""

    __slots__ = ("hedges", "symbols", "letter_symbols", "codes", "currency_words", "units", "scales", "numbers",
                 "directions", "magnitudes", "ordinals", "rank_words", "cardinals", "scale_words", "fractions",
                 "multiples", "signs", "subunit_symbols", "subunit_words", "_locales")

    def __init__(self, *, hedges: dict[str, Hedge], symbols: dict[str, CurrencyAlias],
                 letter_symbols: dict[str, CurrencyAlias], codes: dict[str, CurrencyAlias],
                 currency_words: dict[str, CurrencyAlias], units: UnitWords, scales: dict[str, Fraction],
                 numbers: dict[str, NumberWord], directions: dict[str, int], magnitudes: dict[str, Interval],
                 ordinals: dict[str, int], rank_words: tuple[str, ...], cardinals: dict[str, int],
                 scale_words: dict[str, Fraction], fractions: dict[str, int], multiples: dict[str, Multiple],
                 signs: tuple[str, ...], subunit_symbols: dict[str, CurrencyAlias],
                 subunit_words: dict[str, CurrencyAlias]) -> None:
        self.hedges = hedges
        self.symbols = symbols
        self.letter_symbols = letter_symbols  # one-letter CLDR symbols ("R", "Q"): money only in their locale
        self.codes = codes
        self.currency_words = currency_words
        self.units = units
        self.scales = scales
        self.numbers = numbers
        self.directions = directions
        self.magnitudes = magnitudes
        self.ordinals = ordinals
        self.rank_words = rank_words
        self.cardinals = cardinals
        self.scale_words = scale_words  # the scales spelled out, which join number words
        self.fractions = fractions
        self.multiples = multiples
        self.signs = signs
        self.subunit_symbols = subunit_symbols
        self.subunit_words = subunit_words
        self._locales: dict[str, LocaleWords] = {}

    @classmethod
    def build(cls, overrides: dict[str, dict[str, Any]] | None = None) -> Lexicon:
        """From the packaged tables, each overlaid by `overrides[table name]`."""
        overrides = overrides or {}

        def table(name: str) -> dict[str, Any]:
            return resources.overlay(resources.packaged(name), overrides.get(name, {}))

        hedges_table, currencies, words = table("hedges"), table("currencies"), table("words")
        also_units = currencies.get("also_units", {})
        subunits = {k: _alias(k, v) for k, v in currencies["subunits"].items()}
        hedges = {}
        for name, entry in hedges_table["hedges"].items():
            hedge = Hedge(name, Interval.parse(entry["strict"]), Interval.parse(entry["loose"]))
            for word in entry["words"]:
                hedges[word.lower()] = hedge
        symbols = _symbols(resources.packaged("currency_symbols")["symbols"], currencies["symbols"], also_units)
        scales = {w.lower(): Exact(e["factor"]) for e in words["scales"].values() for w in e["words"]}
        return cls(
            hedges=hedges,
            symbols={s: a for s, a in symbols.items() if not _one_letter(s) or s in currencies["symbols"]},
            letter_symbols={s: a for s, a in symbols.items() if _one_letter(s) and s not in currencies["symbols"]},
            codes={k: _alias(k, v) for k, v in currencies["codes"].items()},
            currency_words={k.lower(): _alias(k, v) for k, v in currencies["words"].items()},
            units=UnitWords.from_table(table("units")),
            scales=scales,
            numbers={  # one number word alone, as other readers of the tables look for them
                **{k: NumberWord(Exact(v), Exact(1)) for k, v in words["cardinals"].items() if v != 100},
                **{k: NumberWord(Exact(v["value"]), Exact(v["step"]), v.get("needs_scale", False))
                   for k, v in words["numbers"].items()},
            },
            directions={w: sign for key, sign in (("up", 1), ("down", -1)) for w in words["directions"][key]},
            magnitudes={k: Interval.parse(v) for k, v in words["magnitudes"].items()},
            ordinals=dict(words["ordinals"]),
            rank_words=tuple(words["rank_words"]["words"]),
            cardinals=dict(words["cardinals"]),
            scale_words={w: f for w, f in scales.items() if len(w) > 3},
            fractions=dict(words["fractions"]),
            multiples={k: Multiple(Exact(v["factor"]), Exact(v["step"])) for k, v in words["multiples"].items()},
            signs=tuple(w.lower() for w in words["signs"]["words"]),
            subunit_symbols={k: a for k, a in subunits.items() if len(k) == 1},
            subunit_words={k.lower(): a for k, a in subunits.items() if len(k) > 1},
        )

    def in_locale(self, locale: str) -> LocaleWords:
        """The scale and currency words of `locale`: CLDR's, with this lexicon's."""
        words = self._locales.get(locale)
        if words is None:
            words = self._locales[locale] = LocaleWords(self, locale)
        return words

    def currency_code(self, code: str) -> CurrencyAlias | None:
        """An ISO 4217 code (or a common alias such as RMB) as written in a value."""
        if code in self.codes:
            return self.codes[code]
        if code in known_iso_codes():
            return CurrencyAlias(code, (code,))
        return None


class LocaleWords:
    """Scale words after and before a number, and currency names, as `locale` writes them,
    each gathered from CLDR the first time a value needs it.

    CLDR's scale words win over the packaged ones ("mil" is a thousand in Spanish, "B" a
    thousand in Turkish); the packaged currency words win over CLDR's names (they carry
    the defaults, such as "dollars" for USD).
    """

    def __init__(self, lexicon: Lexicon, locale: str):
        self.lexicon, self.locale = lexicon, locale

    @functools.cached_property
    def _cldr_scales(self) -> tuple[dict[str, Fraction], dict[str, Fraction]]:
        from verify.values import cldr

        return cldr.scale_words(self.locale)

    @functools.cached_property
    def scales(self) -> dict[str, Fraction]:
        return {**self.lexicon.scales, **self._cldr_scales[0]}

    @functools.cached_property
    def scales_before(self) -> dict[str, Fraction]:
        return self._cldr_scales[1]

    @functools.cached_property
    def currency_words(self) -> dict[str, CurrencyAlias]:
        from verify.values import cldr

        names = {name: CurrencyAlias(name, (code,)) for name, code in cldr.currency_names(self.locale).items()}
        return {**names, **self.lexicon.currency_words}


def _symbols(cldr_symbols: dict[str, list[str]], hand: dict[str, Any], also_units: dict[str, str]) -> dict[str, CurrencyAlias]:
    """Every locale's symbols, and the hand-written ones: codes joined, the hand's default kept."""
    table = {s: CurrencyAlias(s, tuple(codes)) for s, codes in cldr_symbols.items()}
    for text, entry in hand.items():
        alias = _alias(text, entry)
        if len(alias.codes) == 1:
            alias = alias.replace(default=alias.codes[0])  # "C$" is CAD, whatever else CLDR knows
        if text in table:
            codes = tuple(dict.fromkeys(alias.codes + table[text].codes))
            alias = alias.replace(codes=codes, default=alias.default or (codes[0] if len(codes) == 1 else None))
        table[text] = alias
    for text, unit in also_units.items():
        if text in table:
            table[text] = table[text].replace(unit=unit)
    return table


def _one_letter(symbol: str) -> bool:
    return len(symbol) == 1 and symbol.isascii() and symbol.isalpha()


def _alias(text: str, entry: str | list[str] | dict[str, Any]) -> CurrencyAlias:
    if isinstance(entry, str):
        return CurrencyAlias(text, (entry,))
    if isinstance(entry, list):
        return CurrencyAlias(text, tuple(entry))
    return CurrencyAlias(text, tuple(entry["codes"]), entry.get("default"))


# Codes the ECB publishes and other common ones, so that babel's full list (tens of
# milliseconds to load) is consulted only for a rarer code.
_COMMON_CODES = frozenset(
    "USD EUR CNY JPY GBP HKD CAD AUD NZD SGD CHF KRW INR TWD BRL MXN RUB TRY ZAR SEK NOK DKK "
    "PLN CZK HUF RON BGN ISK ILS PHP THB IDR MYR".split()
)


@functools.cache
def known_iso_codes() -> frozenset[str]:
    from babel.numbers import list_currencies

    return frozenset(list_currencies()) | _COMMON_CODES


@functools.cache
def default_lexicon() -> Lexicon:
    return Lexicon.build()
