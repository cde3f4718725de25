"""`quote`: a claim says what its article says.

Where a source names its text, each claim's quote must be in that text
(`quote.missing`), and the claim's value must be in its quote (`quote.value`): the
same number however it is written, read by the value grammar, so "$38.4 billion" is
in "38.4 bln dollars" and in "US$38,400 million". Claims without a quote, and the
claims of sources without a text, are counted as skipped.
"""

from __future__ import annotations

import re
import sys
from functools import lru_cache

from verify import suggest
from verify.engine import Context, Ran, Skip
from verify.errors import InputError
from verify.findings import Finding
from verify.model import Claim, Location
from verify.record import Record
from verify.sourcetext import Article
from verify.textmatch import Match, Normalised, find_quote, find_words, longest_start, normalise
from verify.units import PINT_READS
from verify.values import Value, parse_value

FAMILY = "quote"
# A value spans at most this many words before its first number word and after it
# ("just under", "between $5bn and $6bn", "5 million Australian dollars").
WORDS_BEFORE = 3
WORDS_AFTER = 3
_NUMBER_WORD = re.compile(
    r"\d|^(?:a|an|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
    r"hundred|thousand|million|billion|trillion|dozen|half|third|quarter|first|second|fourth|fifth|sixth|"
    r"seventh|eighth|ninth|tenth|single|double|triple|quadruple|doubled|halved|tripled|quadrupled)\b",
    re.IGNORECASE)
_EDGE_PUNCTUATION = "()[]{},.;:!?\"'“”‘’"


class Located(Record):
    """Where a claim stands in its article's text: its quote, and the number in it, if found."""

    __slots__ = ("quote", "number")

    def __init__(self, quote: Match | None, number: tuple[int, int] | None) -> None:
        self.quote = quote
        self.number = number  # offsets in the text


class QuoteRule:
    family = FAMILY
    cost = 0.2  # see engine.Rule

    def run(self, context: Context):
        corpus = context.corpus
        locales = {s.id: s.locale for s in corpus.sources}
        # One article normalised at a time: a loaded corpus lists each file's claims together.
        current, text = None, None
        for claim in corpus.claims:
            article = corpus.articles.get(claim.source)
            if claim.quote is None or article is None:
                yield Skip(self.family)
                continue
            if current != claim.source:
                current, text = claim.source, normalise(article.text)
            yield Ran(self.family, f"quote:{claim.ref}")
            locale = locales.get(claim.source, "en_US")
            match = find_quote(claim.quote, text)
            if match is None:
                yield _missing(claim, article, text)
            if number_in(claim.value, claim.quote, locale, claim.currency) is None:
                yield _wrong_value(claim, article, match)


def locate(claim: Claim, article: Article, text: Normalised | None = None, locale: str = "en_US") -> Located:
    """Where `claim`'s quote, and its number, stand in `article` (for reports that mark the text)."""
    if claim.quote is None:
        return Located(None, None)
    text = text or normalise(article.text)
    match = find_quote(claim.quote, text)
    number = number_in(claim.value, claim.quote, locale, claim.currency) if match else None
    if number is not None:
        found = find_quote(claim.quote[number[0]:number[1]], text, match.start)
        number = (found.start, found.end) if found is not None and found.end <= match.end else None
    return Located(match, number)


def number_in(value: Value, quote: str, locale: str = "en_US", currency: str | None = None) -> tuple[int, int] | None:
    """The (start, end) in `quote` of a phrase that reads as `value`'s number, or None.

    Each word that holds a number is read with up to a few words on either side; a
    phrase without a direction word ("61 percent") agrees with "up 61 percent" unless a
    wider phrase around the same number gives it the other direction ("fell 5%").
    """
    plain = normalise(quote)
    written = normalise(value.text).text
    at = find_words(written, plain.text)
    if at is not None:
        return plain.origin(at), plain.origin(at + len(written) - 1) + 1
    words = [(m.start(), m.end()) for m in re.finditer(r"[^\s…]+", quote)]
    for i, (start, end) in enumerate(words):
        if not _NUMBER_WORD.search(quote[start:end].strip(_EDGE_PUNCTUATION)):
            continue
        unsigned, contradicted = None, False
        for span, phrase, following in _phrases(quote, words, i):
            agreement = _agreement(value, _read(phrase, locale, currency), quote, following)
            if agreement == "same":
                return span
            contradicted |= agreement == "opposite"
            if agreement == "unsigned" and unsigned is None:
                unsigned = span
        if unsigned is not None and not contradicted:
            return unsigned
    return None


def _phrases(quote: str, words: list[tuple[int, int]], i: int):
    """The phrases around word `i`: (span, text, the words that follow it)."""
    for before in range(WORDS_BEFORE + 1):
        for after in range(WORDS_AFTER + 1):
            first, last = i - before, i + after
            if first < 0 or last >= len(words):
                continue
            span = _trimmed(quote, words[first][0], words[last][1])
            if span is not None:
                yield span, quote[span[0]:span[1]], words[last + 1:last + 1 + WORDS_AFTER]


def _agreement(claimed: Value, written: Value | None, quote: str, following: list[tuple[int, int]]) -> str | None:
    """How `written` agrees with `claimed`: "same", "unsigned" (the same size, no sign
    stated), "opposite" (the same size, the other sign stated), or None."""
    if written is None:
        return None
    if written.unit == claimed.unit or (_bare(written) and _names_noun(claimed, quote, following)):
        scale = 1
    elif written.unit.dims and written.unit.compatible(claimed.unit):  # 1,500 MW is 1.5 GW; 60% is no 0.6
        scale = written.unit.factor / claimed.unit.factor
    else:
        return None
    if claimed.rank is not None or written.rank is not None:
        return "same" if claimed.rank == written.rank else None
    if claimed.nominal is None or written.nominal is None:
        both_ranges = claimed.nominal is None and written.nominal is None
        return "same" if both_ranges and claimed.strict.interval == written.strict.interval.scale(scale) else None
    number = written.nominal * scale
    if abs(claimed.nominal) != abs(number):
        return None
    if written.direction is None and number > 0:
        return "same" if claimed.direction is None and claimed.nominal > 0 else "unsigned"
    return "same" if claimed.nominal == number else "opposite"


def _bare(written: Value) -> bool:
    return written.unit.dimensionless and written.unit.factor == 1


def _names_noun(claimed: Value, quote: str, following: list[tuple[int, int]]) -> bool:
    """Whether `claimed` counts a noun, and one of the `following` words names it
    ("90,000 derivative models" says "90,000 models")."""
    noun = claimed.unit.dims
    if len(noun) != 1 or noun[0][1] != 1 or not noun[0][0].islower():
        return False
    for start, end in following:
        word = quote[start:end].strip(_EDGE_PUNCTUATION)
        counted = _read(f"1 {word}", "en_US", None) if word else None
        if counted is not None and counted.unit == claimed.unit:
            return True
    return False


def _trimmed(quote: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and quote[start] in _EDGE_PUNCTUATION:
        start += 1
    while end > start and quote[end - 1] in _EDGE_PUNCTUATION:
        end -= 1
    return (start, end) if start < end else None


def _read(phrase: str, locale: str, currency: str | None) -> Value | None:
    return _read_cached(phrase, locale, currency, "pint" in sys.modules)


@lru_cache(maxsize=4096)
def _read_cached(phrase: str, locale: str, currency: str | None, pint_loaded: bool) -> Value | None:
    """`phrase` as a value, or None. Pint is not loaded for it: if no claim needed pint,
    no phrase that needs it can say a claim's value (and loading it costs a small run)."""
    reads, shown = PINT_READS.set(pint_loaded), suggest.SHOWN.set(False)
    try:
        return parse_value(phrase, locale=locale, currency=currency)
    except InputError:
        return None
    finally:
        suggest.SHOWN.reset(shown)
        PINT_READS.reset(reads)


def _missing(claim: Claim, article: Article, text: Normalised) -> Finding:
    start = longest_start(claim.quote, text)
    in_text = None
    if start is None:
        hint = "copy the words as the article has them"
    else:
        words, offset = start
        line, column = article.position(offset)
        in_text = Location(article.path, line, column)
        opening = " ".join(claim.quote.split()[:words])
        hint = (f"it begins as the article does at {article.path}:{line}:{column} ({opening!r}), "
                "then differs: copy the words as the article has them")
    return Finding(
        rule=FAMILY, id="quote.missing", severity="error",
        message=f"{claim.ref}: the quote is not in the article's text ({article.path}): {hint}",
        claims=(claim,), key=f"quote.missing:{claim.ref}", in_text=in_text,
    )


def _wrong_value(claim: Claim, article: Article, match: Match | None) -> Finding:
    """At the claim, where the fix is made; the message names the quote's place in the text."""
    where, in_text = "", None
    if match is not None:
        line, column = article.position(match.start)
        where, in_text = f" (at {article.path}:{line}:{column})", Location(article.path, line, column)
    return Finding(
        rule=FAMILY, id="quote.value", severity="error",
        message=f"{claim.ref}: the value {claim.value.text!r} is not in its quote{where}: "
                "write the value as the quote has it, or quote the words that carry it",
        claims=(claim,), key=f"quote.value:{claim.ref}", in_text=in_text,
    )
