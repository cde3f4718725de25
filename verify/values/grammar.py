"""The grammar of a value as a journalist writes it, read into its parts.

    value     := [direction] ( "between" amount "and" amount
                             | [hedge] ( magnitude | rank | amount [("-"|"to") amount] ) )
                 [currency-word] [unit-phrase]
    amount    := currency* number [scale]
    unit-phrase := [unit] (("per" | "a" | "an" | "/") unit)*

The parts are turned into intervals by `readings`; nothing here computes one.
"""

from __future__ import annotations

import re
from fractions import Fraction

import attrs

from verify.errors import ValueParseError
from verify.exact import Exact
from verify.interval import Interval
from verify.units import ONE, PERCENT, RANK, Unit, UnitError, pint_unit
from verify.values.lexicon import ISO_CODE, CurrencyAlias, Hedge, Lexicon
from verify.values.numbers import number_format

MAX_LENGTH = 300
_ORDINAL_DIGITS = re.compile(r"(\d{1,3})(?:st|nd|rd|th)(?![A-Za-z])", re.IGNORECASE)
_RANK_NUMBER = re.compile(r"(?:No\.?|#|number)\s*(\d{1,3})(?![\d.,])", re.IGNORECASE)
_BLANKS = re.compile(r"\s*")  # \s is what str.isspace() calls a space
_PINT_WORD = re.compile(r"[A-Za-zµ°Ω][\w°µ²³^·*]*")
_RANGE_JOINERS = ("-", "–", "—", "to")
_PER_WORDS = ("per", "a", "an", "each", "/")
_GROWTH_WORDS = ("growth", "increase", "gain", "rise", "decline", "drop", "fall")


@attrs.frozen
class Amount:
    value: Fraction  # scaled: "38.4 billion" is 38_400_000_000
    step: Fraction  # the scaled rounding step of the digits
    scale: Fraction


@attrs.frozen
class Parts:
    sign: int = 1
    direction: str | None = None
    hedge: Hedge | None = None
    low: Amount | None = None
    high: Amount | None = None  # set for ranges
    magnitude: Interval | None = None
    rank: int | None = None
    currencies: tuple[CurrencyAlias, ...] = ()
    unit: Unit = ONE


def read(text: str, lexicon: Lexicon, locale: str) -> Parts:
    if not isinstance(text, str):
        raise ValueParseError(f"a value must be a string, like \"$38.4 billion\", not {text!r}")
    if len(text) > MAX_LENGTH:
        raise ValueParseError(f"a value is at most {MAX_LENGTH} characters; put the words of the source in `quote`")
    if not text.strip():
        raise ValueParseError("the value is empty: write the figure as the source does, like \"about $38.4 billion\"")
    return _Reader(text, lexicon, locale).value()


class _Reader:
    def __init__(self, text: str, lexicon: Lexicon, locale: str):
        self.text = text
        # Lower-cased one character at a time, so that offsets stay those of `text`
        # (ASCII, the common case, lower-cases character for character anyway).
        self.lower = text.lower() if text.isascii() else \
            "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
        self.lex = lexicon
        self.locale = locale
        self.pos = 0
        self.currencies: list[CurrencyAlias] = []

    # -- the grammar ---------------------------------------------------------

    def value(self) -> Parts:
        # A hedge is tried before a direction so that "up to" is a hedge, not "up".
        sign, direction = 1, None
        hedge_word = self.word(self.lex.hedges)
        if hedge_word is None:
            if (word := self.word(self.lex.directions)) is not None:
                sign = self.lex.directions[word]
                direction = "up" if sign > 0 else "down"
                self.word(("by",))
            if self.word(("between",)):
                return self.between(sign, direction)
            hedge_word = self.word(self.lex.hedges)
        hedge = self.lex.hedges[hedge_word] if hedge_word else None
        magnitude = self.word(self.lex.magnitudes)
        if magnitude:
            self.word(_GROWTH_WORDS)
            parts = self.finish(sign=sign, direction=direction, hedge=hedge,
                                magnitude=self.lex.magnitudes[magnitude])
            if parts.unit not in (ONE, PERCENT):
                self.fail(f"\"{magnitude}\" is a size of percentage; write it alone or with %")
            return attrs.evolve(parts, unit=PERCENT)
        rank = self.rank()
        if rank is not None:
            self.word(self.lex.rank_words)
            self.skip()
            if self.pos < len(self.text):
                self.fail(f"cannot read {self.text[self.pos:]!r} after a rank; write a rank alone, like \"fourth largest\"")
            return Parts(sign, direction, hedge, rank=rank, unit=RANK)
        low = self.amount()
        high = None
        mark = self.pos
        joiner = self.word(_RANGE_JOINERS)
        if joiner is not None:
            self.skip()
            if self.at_amount():
                high = self.amount()
            else:
                self.pos = mark
        return self.finish(sign=sign, direction=direction, hedge=hedge, low=low, high=high)

    def between(self, sign: int, direction: str | None) -> Parts:
        low = self.amount()
        if not self.word(("and",)):
            self.fail("a range written with \"between\" needs \"and\": write \"between $5bn and $6bn\"")
        return self.finish(sign=sign, direction=direction, low=low, high=self.amount())

    def finish(self, **parts) -> Parts:
        """The tail shared by every form: currency words and the unit phrase, then the end."""
        while (alias := self.currency_suffix()) is not None:
            self.currencies.append(alias)
        unit = self.unit_phrase()
        self.skip()
        if self.pos < len(self.text):
            self.fail(f"cannot read {self.text[self.pos:]!r} in {self.text!r}")
        return Parts(currencies=tuple(self.currencies), unit=unit, **parts)

    def amount(self) -> Amount:
        self.skip()
        while (alias := self.currency_prefix()) is not None:
            self.currencies.append(alias)
            self.skip()
        start = self.pos
        number = number_format(self.locale).read(self.text, self.pos)
        if number is not None:
            self.pos = number.end
            value, step, needs_scale = number.value, number.step, False
        else:
            word = self.word(self.lex.numbers)
            if word is None:
                self.fail(f"expected a number at {self.text[self.pos:] or 'the end'!r}; "
                          "write the figure as the source does, like \"about $38.4 billion\" or \"8%\"")
            entry = self.lex.numbers[word]
            value, step, needs_scale = entry.value, entry.step, entry.needs_scale
        mark = self.pos
        self.skip()
        scale_word = self.word(self.lex.scales)
        if scale_word is None:
            self.pos = mark
            if needs_scale:
                self.fail(f"{self.text[start:mark]!r} needs a scale word after it, like \"a billion\"", at=start)
            scale = Exact(1)
        else:
            scale = self.lex.scales[scale_word]
        return Amount(value * scale, step * scale, scale)

    def at_amount(self) -> bool:
        mark = self.pos
        try:
            self.amount()
            return True
        except ValueParseError:
            return False
        finally:
            self.pos = mark

    def rank(self) -> int | None:
        for pattern in (_ORDINAL_DIGITS, _RANK_NUMBER):
            m = pattern.match(self.text, self.pos)
            if m:
                self.pos = m.end()
                return int(m.group(1))
        word = self.word(self.lex.ordinals)
        return self.lex.ordinals[word] if word else None

    def currency_prefix(self) -> CurrencyAlias | None:
        """A symbol or ISO code at the cursor ("US$", "RMB", "€")."""
        symbol = self.longest(self.lex.symbols, case_sensitive=True)
        if symbol is not None:
            self.pos += len(symbol)
            return self.lex.symbols[symbol]
        return self.iso_code()

    def currency_suffix(self) -> CurrencyAlias | None:
        mark = self.pos
        self.skip()
        alias = self.currency_prefix()  # "1 299,5 €" puts the symbol last
        if alias is None:
            word = self.word(self.lex.currency_words)
            alias = self.lex.currency_words[word] if word else None
        if alias is None:
            self.pos = mark
        return alias

    def iso_code(self) -> CurrencyAlias | None:
        m = ISO_CODE.match(self.text, self.pos)
        if not m:
            return None
        alias = self.lex.currency_code(m.group())
        if alias is not None:
            self.pos = m.end()
        return alias

    def unit_phrase(self) -> Unit:
        self.skip()
        unit = ONE
        if self.pos < len(self.text) and not self.peek(_PER_WORDS):
            unit = self.unit_term()
        while True:
            mark = self.pos
            self.skip()
            if self.word(_PER_WORDS) is None and not self.symbol("/"):
                self.pos = mark
                return unit
            self.skip()
            unit = unit / self.unit_term()

    def unit_term(self) -> Unit:
        self.skip()
        word = self.longest(self.lex.units.by_word, case_sensitive=False)
        if word is not None:
            self.pos += len(word)
            return self.lex.units.lookup(word)
        if self.pos >= len(self.text):
            self.fail(f"{self.text!r} ends where a unit should follow: write, e.g., \"$144 per share\"")
        m = _PINT_WORD.match(self.text, self.pos)
        if m is None:
            self.fail(f"cannot read {self.text[self.pos:]!r} in {self.text!r}")
        try:
            unit = pint_unit(m.group())
        except UnitError:
            counts = ", ".join(self.lex.units.count_nouns[:6])
            self.fail(f"unknown unit {m.group()!r} in {self.text!r}: write %, pp, a count noun "
                      f"({counts} ...) or a unit pint knows (km, GW, t ...)")
        self.pos = m.end()
        return unit

    # -- scanning ------------------------------------------------------------

    def skip(self) -> None:
        self.pos = _BLANKS.match(self.text, self.pos).end()

    def symbol(self, s: str) -> bool:
        if self.text.startswith(s, self.pos):
            self.pos += len(s)
            return True
        return False

    def peek(self, words) -> bool:
        mark = self.pos
        found = self.word(words) is not None or self.text.startswith("/", self.pos)
        self.pos = mark
        return found

    def word(self, words) -> str | None:
        """Consume the longest of `words` at the cursor (any case, whole words), after blanks.

        Returns the word in lower case, as the tables are keyed.
        """
        mark = self.pos
        self.skip()
        found = self.longest(words, case_sensitive=False)
        if found is None:
            self.pos = mark
            return None
        self.pos += len(found)
        return found.lower()

    def longest(self, words, *, case_sensitive: bool) -> str | None:
        """The longest of `words` that the text continues with at the cursor, as written there."""
        hay = self.text if case_sensitive else self.lower
        if self.pos >= len(hay):
            return None
        for key in _by_first_letter(words, case_sensitive).get(hay[self.pos], ()):
            end = self.pos + len(key)
            if hay.startswith(key, self.pos):
                if key[-1].isalnum() and end < len(hay) and hay[end].isalpha():
                    continue  # "b" must not match the start of "bond"
                return self.text[self.pos:end]
        return None

    def fail(self, message: str, *, at: int | None = None):
        raise ValueParseError(message, column=self.pos if at is None else at)


_INDEXES: dict[tuple[int, bool], tuple[object, dict[str, tuple[str, ...]]]] = {}


def _by_first_letter(words, case_sensitive: bool) -> dict[str, tuple[str, ...]]:
    """A word table indexed by first letter, longest first: `longest` then tries a handful of
    words at each position instead of the whole table (the tables live as long as their lexicon)."""
    key = (id(words), case_sensitive)
    entry = _INDEXES.get(key)
    if entry is None or entry[0] is not words:
        index: dict[str, set[str]] = {}
        for w in words:
            k = w if case_sensitive else w.lower()
            if k:
                index.setdefault(k[0], set()).add(k)
        entry = (words, {c: tuple(sorted(ks, key=len, reverse=True)) for c, ks in index.items()})
        _INDEXES[key] = entry
    return entry[1]
