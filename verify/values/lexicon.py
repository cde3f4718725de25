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

import attrs

from verify import resources
from verify.exact import Exact
from verify.interval import Interval
from verify.units import UnitWords

ISO_CODE = re.compile(r"[A-Z]{3}(?![A-Za-z])")


@attrs.frozen
class Hedge:
    name: str
    strict: Interval
    loose: Interval

    @property
    def two_sided(self) -> bool:
        """A hedge like "about": it widens the digits rather than replacing them."""
        return self.strict.lo < 1 < self.strict.hi


@attrs.frozen
class CurrencyAlias:
    """What a symbol, code or word can mean; `default` applies when nothing else picks."""

    text: str
    codes: tuple[str, ...]
    default: str | None = None


@attrs.frozen
class NumberWord:
    value: Fraction
    step: Fraction
    needs_scale: bool = False


@attrs.frozen(eq=False)
class Lexicon:
    hedges: dict[str, Hedge]
    symbols: dict[str, CurrencyAlias]
    codes: dict[str, CurrencyAlias]
    currency_words: dict[str, CurrencyAlias]
    units: UnitWords
    scales: dict[str, Fraction]
    numbers: dict[str, NumberWord]
    directions: dict[str, int]
    magnitudes: dict[str, Interval]
    ordinals: dict[str, int]
    rank_words: tuple[str, ...]

    @classmethod
    def build(cls, overrides: dict[str, dict[str, Any]] | None = None) -> Lexicon:
        """From the packaged tables, each overlaid by `overrides[table name]`."""
        overrides = overrides or {}

        def table(name: str) -> dict[str, Any]:
            return resources.overlay(resources.packaged(name), overrides.get(name, {}))

        hedges_table, currencies, words = table("hedges"), table("currencies"), table("words")
        hedges = {}
        for name, entry in hedges_table["hedges"].items():
            hedge = Hedge(name, Interval.parse(entry["strict"]), Interval.parse(entry["loose"]))
            for word in entry["words"]:
                hedges[word.lower()] = hedge
        return cls(
            hedges=hedges,
            symbols={k: _alias(k, v) for k, v in currencies["symbols"].items()},
            codes={k: _alias(k, v) for k, v in currencies["codes"].items()},
            currency_words={k.lower(): _alias(k, v) for k, v in currencies["words"].items()},
            units=UnitWords.from_table(table("units")),
            scales={w.lower(): Exact(e["factor"]) for e in words["scales"].values() for w in e["words"]},
            numbers={
                k: NumberWord(Exact(v["value"]), Exact(v["step"]), v.get("needs_scale", False))
                for k, v in words["numbers"].items()
            },
            directions={w: sign for key, sign in (("up", 1), ("down", -1)) for w in words["directions"][key]},
            magnitudes={k: Interval.parse(v) for k, v in words["magnitudes"].items()},
            ordinals=dict(words["ordinals"]),
            rank_words=tuple(words["rank_words"]["words"]),
        )

    def currency_code(self, code: str) -> CurrencyAlias | None:
        """An ISO 4217 code (or a common alias such as RMB) as written in a value."""
        if code in self.codes:
            return self.codes[code]
        if code in _known_iso_codes():
            return CurrencyAlias(code, (code,))
        return None


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
def _known_iso_codes() -> frozenset[str]:
    from babel.numbers import list_currencies

    return frozenset(list_currencies()) | _COMMON_CODES


@functools.cache
def default_lexicon() -> Lexicon:
    return Lexicon.build()
