"""The value grammar, read once per shape of value: "$38.4bn" and "$12.1bn" differ only in
their digits, and the grammar walks the same path through both.

A value whose only digits are one plain number ("about JP¥26.8bn", "12%", "over
194,000 employees") is split into the words before the number, the number and the
words after it. The first value of each shape (those words, the locale, and whether
the number is whole) is read by the full grammar; if that reading is one plain amount,
later values of the shape take it with their own number in place, which is what the
grammar computes for them: it looks at the digits only through the number they read
as, save for the forms kept out here (ranks such as "4th" or "No. 4", "1 in 5" whose
share depends on the numbers, ranges, multiples, anything with a second number).
Everything else goes to the grammar, whose errors are the only ones raised.
A hypothesis test holds the two to the same parts over generated values.
"""

from __future__ import annotations

import re

from verify.values.grammar import MAX_LENGTH, Amount, Parts, read as full_read
from verify.values.lexicon import Lexicon
from verify.values.numbers import number_format

_NUMBER = re.compile(r"[0-9][0-9.,]*")
_DIGIT = re.compile(r"\d")
# What makes the grammar read digits as a rank: "4th", "No. 4", "#4", "number 4".
_ORDINAL_AFTER = re.compile(r"(?:st|nd|rd|th)(?![A-Za-z])", re.IGNORECASE)
_RANK_BEFORE = re.compile(r"(?:#|no\.?|number)\s*\Z", re.IGNORECASE)
MAX_SHAPES = 10_000  # shapes remembered per lexicon; beyond, new shapes are read in full
_NOT_PLAIN = None  # a shape whose reading is not one plain amount: always read in full


_SHAPES: dict[int, Shapes] = {}


def shapes(lexicon: Lexicon) -> Shapes:
    """The shapes read under `lexicon` (kept for the few lexicons a process builds)."""
    known = _SHAPES.get(id(lexicon))
    if known is None or known.lexicon is not lexicon:
        if len(_SHAPES) >= 16:
            _SHAPES.clear()
        known = _SHAPES[id(lexicon)] = Shapes(lexicon)
    return known


class Shapes:
    """The readings of value shapes under one lexicon."""

    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon
        self.known: dict[tuple, Parts | None] = {}
        self.usable = not _digits_in_words(lexicon)
        self.locales: dict[str, bool] = {}  # whether the locale's own scale words leave digits alone

    def read(self, text: str, locale: str) -> Parts:
        """What `verify.values.grammar.read` returns for `text`, read by shape where it can be."""
        split = self._split(text, locale) if self.usable and type(text) is str else None
        if split is None:
            return full_read(text, self.lexicon, locale)
        key, number = split
        if key not in self.known:  # a new shape: the grammar reads it, and says whether it is plain
            parts = full_read(text, self.lexicon, locale)
            if len(self.known) < MAX_SHAPES:
                self.known[key] = parts if _plain(parts, number) else _NOT_PLAIN
            return parts
        shape = self.known[key]
        if shape is _NOT_PLAIN:
            return full_read(text, self.lexicon, locale)
        low = shape.low
        if low.scaled:
            scale = low.scale
            amount = Amount(number.value * scale, number.step * scale, scale)
        else:
            amount = Amount(number.value, number.step, low.scale, False)
        return Parts(shape.sign, shape.direction, shape.hedge, amount, None, None, None,
                     shape.currencies, shape.unit, shape.subunit)

    def _split(self, text: str, locale: str):
        """(the shape's key, the number as read) for a value with one plain number, else None."""
        if len(text) > MAX_LENGTH:
            return None
        m = _NUMBER.search(text)
        if m is None:
            return None
        start, end = m.span()
        before, after = text[:start], text[end:]
        if _DIGIT.search(before) or _DIGIT.search(after) or _ORDINAL_AFTER.match(after) \
                or _RANK_BEFORE.search(before):
            return None
        try:
            number = number_format(locale).read(text, start)
            usable = self.locales.get(locale)
            if usable is None:
                words = self.lexicon.in_locale(locale)
                usable = self.locales[locale] = not any(
                    _DIGIT.search(w) for table in (words.scales, words.scales_before) for w in table)
        except Exception:  # noqa: BLE001 - malformed digits, an unknown locale: the grammar says what is wrong
            return None
        if not usable:
            return None
        if number is None or number.end != end:
            return None
        return (locale, before, after, number.step == 1), number


def _plain(parts: Parts, number) -> bool:
    """Whether `parts` is one amount of the number as read, scaled or not, without a share's
    or multiple's unit: the reading another number in the same words would get."""
    low = parts.low
    if low is None or parts.high is not None or parts.magnitude is not None or parts.rank is not None \
            or low.unit is not None:
        return False
    if low.scaled:
        return low.value == number.value * low.scale and low.step == number.step * low.scale
    return low.scale == 1 and low.value == number.value and low.step == number.step


def _digits_in_words(lexicon: Lexicon) -> bool:
    """Whether a word the grammar may match before a number has a digit in it (a config can
    add words): such a word could take digits of the number, and no shape is then trusted."""
    tables = (lexicon.hedges, lexicon.symbols, lexicon.letter_symbols, lexicon.codes, lexicon.scales,
              lexicon.numbers, lexicon.directions, lexicon.magnitudes, lexicon.ordinals, lexicon.cardinals,
              lexicon.scale_words, lexicon.fractions, lexicon.multiples, lexicon.signs, lexicon.rank_words,
              lexicon.subunit_symbols, lexicon.subunit_words)
    return any(_DIGIT.search(word) for table in tables for word in table)
