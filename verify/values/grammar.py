"""The grammar of a value as a journalist writes it, read into its parts.

    value     := [hedge] [direction ["by"]] [sign]
                 ( "between" amount [unit] "and" amount
                 | [hedge] ( magnitude | rank | multiple | amount [unit] [("-"|"to") amount] ) )
                 [sub-unit] [currency-word] [unit-phrase]
    amount    := currency* [scale-before] (digits | number-words | share) [scale]
    share     := (number-words | "a") denominator | number ("in" | "out of") number
    multiple  := "doubled" | "halved" ... | number ("-fold" | "x")
    unit-phrase := [unit] (("per" | "a" | "an" | "/") unit)*

A range is read low to high, the scale of its upper end reaching a lower end written
without one ("$5-6 billion" is 5 to 6 billion dollars). The whole value may stand in
parentheses where the locale's accounts write a loss so.

The parts are turned into intervals by `readings`; nothing here computes one.
"""

from __future__ import annotations

import re
from fractions import Fraction

from verify import suggest
from verify.errors import ValueParseError
from verify.exact import Exact
from verify.interval import Interval
from verify.record import Record
from verify.units import ONE, PERCENT, RANK, Unit, UnitError, closest_units, pint_unit
from verify.values.lexicon import ISO_CODE, CurrencyAlias, Hedge, Lexicon, known_iso_codes, lower
from verify.values.cldr import BIDI_MARKS, may_name_currency
from verify.values.numbers import number_format

MAX_LENGTH = 300
# Any size of rank: "1,000th" is a rank, never 1,000 of pint's "th" (a thou, a length).
_ORDINAL_DIGITS = re.compile(r"(\d{1,3}(?:,\d{3})+|\d+)(?:st|nd|rd|th)(?![A-Za-z])", re.IGNORECASE)
_RANK_NUMBER = re.compile(r"(?:No\.?|#|number)\s*(\d{1,3})(?![\d.,])", re.IGNORECASE)
_BLANKS = re.compile("[\\s\u200e\u200f\u061c]*")  # spaces, and the marks of right-to-left text
_PINT_WORD = re.compile(r"[A-Za-zµ°Ω][\w°µ²³^·*]*")
_RANGE_JOINERS = ("-", "–", "—", "to")
_PER_WORDS = ("per", "a", "an", "each", "/")
_NUMBER_JOINERS = re.compile(r"(?:[ \t]*-[ \t]*|\s+(?:and\s+)?)")
_FOLD = re.compile(r"(?:[ -]?fold|x|×)(?![A-Za-z])", re.IGNORECASE)
_SPACES = " \u00a0\u202f\u2009"
_GLUED_FOLD = re.compile(r"([a-z]+)fold(?![a-z])")
_SHARE_JOINERS = ("in", "out of")
_OF_WORDS = ("of", "de", "d'", "d’", "di", "du", "des")
_GROWTH_WORDS = ("growth", "increase", "gain", "rise", "decline", "drop", "fall")


class Amount(Record):
    __slots__ = ("value", "step", "scale", "scaled", "unit")

    def __init__(self, value: Fraction, step: Fraction, scale: Fraction, scaled: bool = True,
                 unit: Unit | None = None) -> None:
        self.value = value  # scaled: "38.4 billion" is 38_400_000_000
        self.step = step  # the scaled rounding step of the digits
        self.scale = scale
        self.scaled = scaled  # a scale word was written ("billion", "bn")
        self.unit = unit  # set for shares ("two-thirds") and multiples ("doubled"): %

    def times(self, scale: Fraction) -> Amount:
        return Amount(self.value * scale, self.step * scale, scale, True, self.unit)


class Parts(Record):
    __slots__ = ("sign", "direction", "hedge", "low", "high", "magnitude", "rank", "currencies", "unit", "subunit")

    def __init__(self, sign: int = 1, direction: str | None = None, hedge: Hedge | None = None,
                 low: Amount | None = None, high: Amount | None = None, magnitude: Interval | None = None,
                 rank: int | None = None, currencies: tuple[CurrencyAlias, ...] = (), unit: Unit = ONE,
                 subunit: bool = False) -> None:
        self.sign, self.direction, self.hedge = sign, direction, hedge
        self.low, self.high = low, high  # high is set for ranges
        self.magnitude, self.rank, self.currencies, self.unit = magnitude, rank, currencies, unit
        self.subunit = subunit  # "47 cents": the amount is in the currency's minor unit


def read(text: str, lexicon: Lexicon, locale: str) -> Parts:
    if not isinstance(text, str):
        raise ValueParseError(f"a value must be a string, like \"$38.4 billion\", not {text!r}")
    if len(text) > MAX_LENGTH:
        raise ValueParseError(f"a value is at most {MAX_LENGTH} characters; put the words of the source in `quote`")
    if not text.strip():
        raise ValueParseError("the value is empty: write the figure as the source does, like \"about $38.4 billion\"")
    stripped = text.strip()
    if stripped.startswith("(") and stripped.endswith(")"):
        return _accounting(text, lexicon, locale)
    return _Reader(text, lexicon, locale).value()


def _accounting(text: str, lexicon: Lexicon, locale: str) -> Parts:
    """"($3.2bn)": a negative amount, where the locale's accounts write one so."""
    from verify.values.cldr import accounting_parentheses

    if not accounting_parentheses(locale):
        raise ValueParseError(f"{text!r}: locale {locale} does not write losses in parentheses; "
                              f"write the sign, like \"-{text.strip()[1:-1].strip()}\"")
    inner = text.replace("(", " ", 1)[::-1].replace(")", " ", 1)[::-1]  # offsets stay those of `text`
    parts = _Reader(inner, lexicon, locale).value()
    return parts.replace(sign=-parts.sign)


def _joins(group: int | None, value: int) -> bool:
    """Whether number word `value` continues the words read so far (`group`, below a thousand)."""
    if group is None:
        return value != 100
    if value == 100:
        return 0 < group < 10
    below_hundred = group % 100
    if below_hundred == 0:
        return group > 0 and value > 0  # "one hundred twenty", "one hundred and five"
    return below_hundred >= 20 and below_hundred % 10 == 0 and 0 < value < 10  # "twenty-one"


class _Reader:
    def __init__(self, text: str, lexicon: Lexicon, locale: str):
        self.text = text
        self.lower = lower(text)
        self.lex = lexicon
        self.locale = locale
        self.pos = 0
        self.currencies: list[CurrencyAlias] = []

    # -- the grammar ---------------------------------------------------------

    def value(self) -> Parts:
        self.skip()
        if not self.at_word():
            return self.figure(1, None, None)  # "$38.4 billion": no word before the figure
        # A hedge is tried before a direction so that "up to" is a hedge, not "up".
        sign, direction = 1, None
        hedge_word = self.word(self.lex.hedges)
        if self.at_word() and (word := self.word(self.lex.directions)) is not None:
            sign = self.lex.directions[word]
            direction = "up" if sign > 0 else "down"
            self.word(("by",))
        if self.at_word() and self.word(self.lex.signs):
            sign = -sign
        if hedge_word is None:
            if self.word(("between",)):
                return self.between(sign, direction)
            hedge_word = self.word(self.lex.hedges)
        hedge = self.lex.hedges[hedge_word] if hedge_word else None
        if not self.at_word():
            return self.figure(sign, direction, hedge)
        magnitude = self.word(self.lex.magnitudes)
        if magnitude:
            self.word(_GROWTH_WORDS)
            parts = self.finish(sign=sign, direction=direction, hedge=hedge,
                                magnitude=self.lex.magnitudes[magnitude])
            if parts.unit not in (ONE, PERCENT):
                self.fail(f"\"{magnitude}\" is a size of percentage; write it alone or with %")
            return parts.replace(unit=PERCENT)
        rank = self.rank()
        if rank is not None:
            return self.ranked(sign, direction, hedge, rank)
        mark = self.pos
        if self.word(("a", "an")) is not None:  # "a six-fold increase"
            self.skip()
            words = self.number_words()
            if words is not None and words[2] is None and (fold := _FOLD.match(self.text, self.pos)):
                self.pos = fold.end()
                return self.change(words[0], words[1], sign, direction, hedge)
            self.pos = mark
        if (fold := _GLUED_FOLD.match(self.lower, self.pos)) and fold.group(1) in self.lex.cardinals:
            self.pos = fold.end()  # "sixfold"
            return self.change(Exact(self.lex.cardinals[fold.group(1)]), Exact(1), sign, direction, hedge)
        if (word := self.word(self.lex.multiples)) is not None:
            multiple = self.lex.multiples[word]
            return self.change(multiple.factor, multiple.step, sign, direction, hedge)
        return self.ranged_amount(sign, direction, hedge)

    def at_word(self) -> bool:
        """Whether a word (or a sign) may start at the cursor, after blanks: if not, a figure does."""
        self.skip()
        return self.pos < len(self.text) and (self.text[self.pos].isalpha() or self.text[self.pos] in "+-−")

    def figure(self, sign: int, direction: str | None, hedge) -> Parts:
        """What starts with a digit or a symbol: a rank ("4th", "#4"), or an amount or range."""
        for pattern in (_ORDINAL_DIGITS, _RANK_NUMBER):
            if pattern.match(self.text, self.pos):
                return self.ranked(sign, direction, hedge, self.rank())
        return self.ranged_amount(sign, direction, hedge)

    def ranked(self, sign: int, direction: str | None, hedge, rank: int) -> Parts:
        self.word(self.lex.rank_words)
        self.skip()
        if self.pos < len(self.text):
            self.fail(f"cannot read {self.text[self.pos:]!r} after a rank; write a rank alone, like \"fourth largest\"")
        return Parts(sign, direction, hedge, rank=rank, unit=RANK)

    def ranged_amount(self, sign: int, direction: str | None, hedge) -> Parts:
        """An amount, a range of two, or a multiple written in digits ("3x")."""
        start = self.pos
        low = self.amount()
        if self.pos == len(self.text) and low.unit is None:
            return self.finish(sign=sign, direction=direction, hedge=hedge, low=low)
        if low.unit is None and (fold := _FOLD.match(self.text, self.pos)):
            self.pos = fold.end()
            return self.change(low.value, low.step, sign, direction, hedge)
        low_unit = self.range_end_unit()
        mark = self.pos
        joiner = self.word(_RANGE_JOINERS)
        high = None
        if joiner is not None:
            self.skip()
            if self.at_amount():
                high = self.amount()
            else:
                self.pos = mark
        return self.ranged(start, low, high, low_unit, sign=sign, direction=direction, hedge=hedge)

    def between(self, sign: int, direction: str | None) -> Parts:
        start = self.pos
        low = self.amount()
        low_unit = self.range_end_unit()
        if not self.word(("and",)):
            self.fail("a range written with \"between\" needs \"and\": write \"between $5bn and $6bn\"")
        return self.ranged(start, low, self.amount(), low_unit, sign=sign, direction=direction)

    def range_end_unit(self) -> Unit | None:
        """A unit word written after the first end of a range ("5% to 10%"), if any."""
        mark = self.pos
        self.skip()
        word = self.longest(self.lex.units.by_word, case_sensitive=False)
        if word is None:
            self.pos = mark
            return None
        self.pos += len(word)
        if not self.peek(_RANGE_JOINERS + ("and",)):
            self.pos = mark
            return None
        return self.lex.units.lookup(word)

    def ranged(self, start: int, low: Amount, high: Amount | None, low_unit: Unit | None, **parts) -> Parts:
        if high is not None:
            if not low.scaled and high.scaled:
                low = low.times(high.scale)  # "$5-6 billion": both ends in billions
            if low.unit != high.unit:
                self.fail("the two ends of a range are of different kinds: write both as shares "
                          "or both as numbers", at=start)
            if low.value > high.value:
                written = self.text[start:self.pos].strip()
                self.fail(f"{written!r} reads as a range from high to low: write the low end first "
                          "(\"$5-6 billion\", \"between 5% and 10%\"); a score or odds is not a value", at=start)
        result = self.finish(low=low, high=high, **parts)
        if low.unit is not None:
            if result.unit is not ONE:
                self.fail(f"a share is a percentage; write {self.text[start:self.pos].strip()!r} without a unit")
            result = result.replace(unit=low.unit)
        if low_unit is not None and result.unit != low_unit:
            self.fail(f"the two ends of the range have different units ({low_unit} and {result.unit}): "
                      "write the same unit after both, or once after the second", at=start)
        return result

    def change(self, factor: Fraction, step: Fraction, sign: int, direction: str | None, hedge) -> Parts:
        """A multiple ("doubled", "six-fold", "3x") as the percentage change it is: x2 is +100%."""
        self.word(_GROWTH_WORDS)
        percent = (factor - 1) * 100
        if percent < 0:
            sign, percent = -sign, -percent
        amount = Amount(percent, step * 100, Exact(1), False, PERCENT)
        parts = self.finish(sign=sign, direction=direction or ("up" if sign > 0 else "down"), hedge=hedge, low=amount)
        if parts.unit is not ONE:
            self.fail(f"a multiple is a change in percent; write {self.text.strip()!r} without a unit")
        return parts.replace(unit=PERCENT)

    def finish(self, **parts) -> Parts:
        """The tail shared by every form: currency words and the unit phrase, then the end."""
        if self.pos == len(self.text):
            return Parts(currencies=tuple(self.currencies), **parts)
        subunit = self.subunit()
        while (alias := self.currency_suffix()) is not None:
            self.currencies.append(alias)
        unit = self.unit_phrase()
        self.skip()
        if self.pos < len(self.text):
            self.fail(f"cannot read {self.text[self.pos:]!r} in {self.text!r}")
        return Parts(currencies=tuple(self.currencies), unit=unit, subunit=subunit, **parts)

    def subunit(self) -> bool:
        """"470p", "47 cents": the currency's minor unit, whose worth CLDR gives once the currency is known."""
        if self.pos < len(self.text) and (alias := self.lex.subunit_symbols.get(self.text[self.pos])) is not None \
                and not (self.pos + 1 < len(self.text) and self.text[self.pos + 1].isalpha()):
            self.pos += 1
        elif (word := self.word(self.lex.subunit_words)) is not None:
            alias = self.lex.subunit_words[word]
        else:
            return False
        if self.currencies:
            self.fail(f"write the amount in {alias.text!r} or with a currency symbol, not both")
        self.currencies.append(alias)
        return True

    def amount(self) -> Amount:
        self.skip()
        while (alias := self.currency_prefix()) is not None:
            self.currencies.append(alias)
            self.skip()
        start = self.pos
        before = None
        if self.pos < len(self.text) and self.text[self.pos].isalpha() and (
                    words := self.lex.in_locale(self.locale).scales_before):
            before = self.word(words)  # "elfu 5" (Swahili)
            if before is not None:
                self.skip()
        number = number_format(self.locale).read(self.text, self.pos)
        share = None
        if number is not None:
            self.pos = number.end
            value, step, needs_scale = number.value, number.step, False
            if number.step == 1 and self.pos + 1 < len(self.text) and self.text[self.pos + 1] in "io":
                share = self.share_of(value)  # "1 in 5", "3 out of 10"
        elif (share := self.share()) is None:
            words = self.number_words()
            if words is not None:
                value, step, scale = words
                if scale is not None:
                    return Amount(value, step, scale)
                needs_scale = False
            else:
                word = self.word(self.lex.numbers)
                if word is None:
                    self.fail(f"expected a number at {self.text[self.pos:] or 'the end'!r}; "
                              "write the figure as the source does, like \"about $38.4 billion\" or \"8%\"")
                entry = self.lex.numbers[word]
                value, step, needs_scale = entry.value, entry.step, entry.needs_scale
        if share is not None:
            return share
        if before is not None:
            scale = self.lex.in_locale(self.locale).scales_before[before]
            if not scale:
                self.fail(f"{before!r} stands for more than one power of ten in locale {self.locale} (CLDR): "
                          "write the number in full", at=start)
            return Amount(value * scale, step * scale, scale)
        mark = self.pos
        self.skip()
        scale_word = None
        if self.pos < len(self.text) and self.text[self.pos].isalpha():
            scales = self.lex.in_locale(self.locale).scales
            start_of_word = self.pos
            scale_word = self.word(scales)
            if scale_word is None or self.pos < len(self.text) and self.text[self.pos] in _SPACES:
                after_word, self.pos = self.pos, start_of_word
                # "10 mil MUS$": a longer scale word glued to a symbol
                scale_word = self.scale_before_symbol(scales) or scale_word
                if scale_word is not None and self.pos == start_of_word:
                    self.pos = after_word
        if scale_word is None:
            self.pos = mark
            if needs_scale:
                self.fail(f"{self.text[start:mark]!r} needs a scale word after it, like \"a billion\"", at=start)
            return Amount(value, step, Exact(1), False)
        scale = scales[scale_word]
        if not scale:
            self.fail(f"{scale_word!r} stands for more than one power of ten in locale {self.locale} (CLDR): "
                      "write the number in full, or the scale in words", at=mark)
        mark = self.pos
        if (more := self.word(scales)) is not None and scales[more] > scale:
            scale *= scales[more]  # "₹2.5 lakh crore": a lakh of crores
        else:
            self.pos = mark
        return Amount(value * scale, step * scale, scale)

    def scale_before_symbol(self, scales) -> str | None:
        """A scale word glued to a currency symbol or code ("1 MJP¥", "1 kEUR", as CLDR writes some locales)."""
        for end in range(self.pos + 1, min(self.pos + 9, len(self.text))):
            word = self.lower[self.pos:end]
            if word in scales:
                mark, self.pos = self.pos, end
                code = ISO_CODE.match(self.text, end)
                if self.longest(self.lex.symbols, case_sensitive=True) is not None or \
                        code is not None and self.lex.currency_code(code.group()) is not None:
                    return word
                self.pos = mark
        return None

    def number_words(self) -> tuple[Fraction, Fraction, Fraction | None] | None:
        """A number in words of any size: "twenty-one", "one hundred and twenty", "three million".

        Returns its value, the step of its last word (one for "two hundred", a million for
        "three million") and the scale word it ends with, or None if no number word starts here.
        "and" joins only after "hundred", so "between five and six" stays two numbers.
        """
        cardinals, scales = self.lex.cardinals, self.lex.scale_words
        total, group, step, scale = Fraction(0), None, Fraction(1), None
        while True:
            mark = self.pos
            if group is not None or total:
                joiner = _NUMBER_JOINERS.match(self.text, self.pos)
                if joiner is None or ("and" in joiner.group() and not (group and group % 100 == 0)):
                    break
                self.pos = joiner.end()
            word = self.longest(cardinals, case_sensitive=False)
            value = cardinals[word.lower()] if word is not None else None
            if value is not None and _joins(group, value):
                self.pos += len(word)
                group = group * 100 if value == 100 else (group or 0) + value
                step = Fraction(1)
                continue
            scale_word = self.longest(scales, case_sensitive=False) if group else None
            if scale_word is None:
                self.pos = mark
                break
            self.pos += len(scale_word)
            scale = scales[scale_word.lower()]
            total, group, step = total + group * scale, None, scale
        if group is None and not total:
            return None
        if group is not None:
            scale, total = None, total + group
        return total, step, scale

    def share(self) -> Amount | None:
        """"two-thirds", "a fifth", "three quarters", "one in five": a share, in percent."""
        mark = self.pos
        numerator = None
        if self.word(("a", "an")) is not None:
            numerator = 1
        else:
            words = self.number_words()
            if words is not None and words[2] is None:
                numerator = int(words[0])
        if numerator is not None:
            end = self.pos
            if self.text.startswith("-", self.pos):
                self.pos += 1
            denominator = self.word(self.lex.fractions)
            if denominator is not None and not self.peek(("of",)):  # "a quarter of a million" is a number
                return self._share(numerator, self.lex.fractions[denominator])
            self.pos = end
            if (share := self.share_of(Exact(numerator))) is not None:
                return share
        self.pos = mark
        return None

    def share_of(self, numerator: Fraction) -> Amount | None:
        """"1 in 5", "three out of 10": the rest of a share whose numerator has been read."""
        mark = self.pos
        if self.word(_SHARE_JOINERS) is None:
            return None
        self.skip()
        number = number_format(self.locale).read(self.text, self.pos)
        if number is not None and number.step == 1:
            self.pos = number.end
            denominator = number.value
        elif (words := self.number_words()) is not None and words[2] is None:
            denominator = words[0]
        else:
            self.pos = mark
            return None
        if not 0 < numerator <= denominator:
            self.fail(f"{numerator} in {denominator} is not a share: the first number must not be larger; "
                      "write a share like \"one in five\"")
        return self._share(numerator, denominator)

    def _share(self, numerator, denominator) -> Amount:
        return Amount(Exact(100 * numerator) / Exact(denominator), Exact(1), Exact(1), False, PERCENT)

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
                return int(m.group(1).replace(",", ""))
        word = self.word(self.lex.ordinals)
        return self.lex.ordinals[word] if word else None

    def currency_prefix(self) -> CurrencyAlias | None:
        """A symbol or ISO code at the cursor ("US$", "RMB", "€")."""
        symbol = self.longest(self.lex.symbols, case_sensitive=True)
        if symbol is not None:
            self.pos += len(symbol)
            return self.lex.symbols[symbol]
        letter = self.lex.letter_symbols.get(self.text[self.pos]) if self.pos < len(self.text) else None
        if letter is not None and not (self.pos + 1 < len(self.text) and self.text[self.pos + 1].isalpha()):
            from verify.values.cldr import territory_currency

            if territory_currency(self.locale) in letter.codes:  # "R5bn" in en_ZA; "Q4" elsewhere is a quarter
                self.pos += 1
                return letter.replace(codes=(territory_currency(self.locale),))
        return self.iso_code()

    def currency_suffix(self) -> CurrencyAlias | None:
        """A currency after the number: a symbol or code ("1 299,5 €"), a word of the hand
        table ("dollars"), or one of CLDR's names ("Australian dollars"), the longest."""
        mark = self.pos
        self.skip()
        alias = self.currency_prefix()
        if alias is not None and not self.at_word():
            return alias
        symbol_end, self.pos = (self.pos if alias else -1), mark
        self.skip()
        self.word(_OF_WORDS)  # "2,5 millones de euros", "1,5 milliard d'euros"
        start = self.pos
        tables = [self.lex.currency_words]
        if self.pos < len(self.text) and self.text[self.pos].isalpha() \
                and self.longest(self.lex.units.by_word, case_sensitive=False) is None \
                and may_name_currency(self.lower, self.pos):  # else only the hand's words can match
            tables.append(self.lex.in_locale(self.locale).currency_words)
        best = None
        for table in tables:
            self.pos = start
            if (word := self.word(table)) is not None and (best is None or self.pos > best[0]):
                best = (self.pos, table[word])
        if best is not None and best[0] > symbol_end:
            self.pos = best[0]
            return best[1]
        if alias is not None:
            self.pos = symbol_end
            return alias
        self.pos = mark
        return None

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
        if self.pos < len(self.text) and (self.longest(self.lex.units.by_word, case_sensitive=False)
                                          or not self.peek(_PER_WORDS)):
            unit = self.unit_term()  # "per cent" is a unit, not "per" one
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
        units = self.lex.units
        if self.pos < len(self.text) and (unit := units.exact.get(self.text[self.pos])) is not None \
                and not (self.pos + 1 < len(self.text) and self.text[self.pos + 1].isalnum()):
            self.pos += 1  # "1.5C"
            return unit
        word = self.longest(units.by_word, case_sensitive=False)
        if word is not None:
            self.pos += len(word)
            return units.lookup(word)
        word = self.longest(units.pint_names, case_sensitive=False)
        if word is not None:
            self.pos += len(word)
            return pint_unit(units.pint_names[word.lower()], word)
        if self.pos >= len(self.text):
            self.fail(f"{self.text!r} ends where a unit should follow: write, e.g., \"$144 per share\"")
        m = _PINT_WORD.match(self.text, self.pos)
        if m is None:
            self.fail(f"cannot read {self.text[self.pos:]!r} in {self.text!r}")
        if ISO_CODE.fullmatch(m.group()):
            self.fail(f"{m.group()!r} is not an ISO 4217 currency code{_closest(m.group(), known_iso_codes())}; "
                      "write the code of the currency, like \"USD\" or \"EUR\"")
        try:
            unit = pint_unit(m.group())
        except UnitError:
            counts = ", ".join(self.lex.units.count_nouns[:6])
            self.fail(f"unknown unit {m.group()!r} in {self.text!r}"
                      f"{_closest(m.group(), units, pint=True, also=self.lex.scale_words)}: write %, pp, "
                      f"a count noun ({counts} ...) or a unit pint knows (km, GW, t ...)")
        self.pos = m.end()
        return unit

    # -- scanning ------------------------------------------------------------

    def skip(self) -> None:
        if self.pos < len(self.text) and (self.text[self.pos].isspace() or self.text[self.pos] in BIDI_MARKS):
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
        if self.pos >= len(self.text):
            self.pos = mark
            return None
        found = self.longest(words, case_sensitive=False)
        if found is None:
            self.pos = mark
            return None
        self.pos += len(found)
        return lower(found)

    def longest(self, words, *, case_sensitive: bool) -> str | None:
        """The longest of `words` that the text continues with at the cursor, as written there.

        A word ending in a letter or digit must end where the text's word ends: "b" does not
        match the start of "bond".
        """
        hay = self.text if case_sensitive else self.lower
        if self.pos >= len(hay):
            return None
        pattern = _by_first_letter(words, case_sensitive)[hay[self.pos]]
        if pattern is None:
            return None
        m = pattern.match(hay, self.pos)
        return self.text[self.pos:m.end()] if m else None

    def fail(self, message: str, *, at: int | None = None):
        raise ValueParseError(message, column=self.pos if at is None else at)


def _closest(text: str, words, *, pint: bool = False, also=()) -> str:
    if not suggest.SHOWN.get():
        return ""
    import difflib

    close = (closest_units(text, words, also) if pint
             else difflib.get_close_matches(text, list(words), n=3, cutoff=0.6))
    return f" (did you mean {' or '.join(repr(w) for w in close)}?)" if close else ""


_INDEXES: dict[tuple[int, bool], tuple[object, _Patterns]] = {}


class _Patterns(dict):
    """One pattern per first letter, compiled the first time a text has that letter where
    a word could start (a table of CLDR names has hundreds of letters no text will use)."""

    def __init__(self, words: dict[str, set[str]]):
        super().__init__()
        self.words = words

    def __missing__(self, letter: str) -> re.Pattern[str] | _Few | None:
        words = self.words.get(letter)
        pattern = self[letter] = (_Few(words) if len(words) <= _FEW else _alternatives(words)) if words else None
        return pattern


def _by_first_letter(words, case_sensitive: bool) -> _Patterns:
    """A word table as one pattern per first letter, longest word first: `longest` then makes
    one match at each position instead of trying the table's words (the tables live as long
    as their lexicon)."""
    key = (id(words), case_sensitive)
    entry = _INDEXES.get(key)
    if entry is None or entry[0] is not words:
        index: dict[str, set[str]] = {}
        for w in words:
            k = w if case_sensitive else lower(w)
            if k:
                index.setdefault(k[0], set()).add(k)
        entry = (words, _Patterns(index))
        _INDEXES[key] = entry
    return entry[1]


def _alternatives(words: set[str]) -> re.Pattern[str]:
    # A word must end where the text's word ends, except in scripts written without spaces ("25億円").
    return re.compile("|".join(re.escape(w) + ("(?![^\\W\\d_])" if _bounded(w) else "")
                               for w in sorted(words, key=len, reverse=True)))


def _bounded(word: str) -> bool:
    return word[-1].isalnum() and word[-1] < "\u2e80"


_FEW = 8  # up to this many words, trying each costs no more than a pattern's match
_LETTER = re.compile(r"[^\W\d_]")  # what the patterns' (?![^\W\d_]) refuses after a word


class _Few:
    """A few words matched as `_alternatives` matches them (the longest first, a word
    ending in a letter or digit only where the text's word ends), without compiling a
    pattern: a run meets tens of small tables' letters, each ~0.1 ms to compile."""

    __slots__ = ("words",)

    def __init__(self, words: set[str]):
        self.words = tuple((w, _bounded(w)) for w in sorted(words, key=len, reverse=True))

    def match(self, text: str, pos: int) -> _End | None:
        for word, bounded in self.words:
            if text.startswith(word, pos) and not (bounded and _LETTER.match(text, pos + len(word))):
                return _End(pos + len(word))
        return None


class _End(int):
    """Where a `_Few` match ends, asked as of a regular expression's match."""

    def end(self) -> int:
        return int(self)
