"""Where the values in a text start and end.

Each number (digits, a number word, an ordinal, "triple-digit") is an anchor. The words
of the value grammar around it (hedges and directions before; scales, currencies, units
after) give candidate spans, and the widest that `parse_value` reads is the value: one
grammar serves claim files and drafting, and a span the grammar refuses is never kept.
"""

from __future__ import annotations

import re

import attrs

from verify.errors import ValueParseError
from verify.draft.vocabulary import SIGNS, Vocabulary
from verify.units import ONE
from verify.values import Value, parse_value

_MAX_LEFT = 4
_MAX_RIGHT = 8
_UNREAD = re.compile(r"[ \t-]*([a-z]+)\b")
_PER_BEFORE = re.compile(r"(?:^|[\s\d])(?:a|an|per|each|/)\s*$")
_TO_NUMBER = re.compile(r"\s+to\s+([$€£¥]?\d)")
_DASH_NUMBER = re.compile(r"\s*([-–—])\s*[$€£¥]?\d")
_AGO = re.compile(r"\s+(?:year|month|week|day|quarter|decade)\s+(?:earlier|ago|before|later|prior|previously)\b")
_GAP_WORD = re.compile(r"[ \t]+([a-z][a-z-]*)")  # "90,000 derivative models": a plain word between


@attrs.frozen
class Span:
    start: int  # the value as written in the text
    end: int
    text: str  # what parse_value read: the span, or the span less the adjectives before its noun
    value: Value | None
    anchor_start: int
    anchor_end: int
    error: str | None = None  # why no reading of the anchor's spans parsed
    kind: str | None = None  # what a number that is no value is: "a phone number", "a date" ...


# Numbers written in forms that are never a value, read whole so that their parts are not.
_NOT_VALUES = (
    ("a phone number", re.compile(r"(?:\+\d{1,3}[\s.-]?)?\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}(?!\d)")),
    ("a date", re.compile(r"(?<![\d.])(?:\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4})(?![\d.])")),
    ("a time of day", re.compile(r"(?<![\d.,])(?:[01]?\d|2[0-3]):[0-5]\d(?![\d.,])|(?<![\d.,])(?:[01]?\d|2[0-3])"
                                 r"(?:[:.][0-5]\d)?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)", re.IGNORECASE)),
)


def find_spans(text: str, vocab: Vocabulary, locale: str) -> list[Span]:
    lower = text.lower()
    whole = sorted((m.start(), m.end(), kind) for kind, pattern in _NOT_VALUES for m in pattern.finditer(text))
    spans: list[Span] = []
    covered = 0
    for m in vocab.anchor.finditer(text):
        if m.start() < covered:
            continue
        other = next((w for w in whole if w[0] <= m.start() < w[1]), None)
        if other is not None:
            spans.append(Span(other[0], other[1], text[other[0]:other[1]], None, other[0], other[1], kind=other[2]))
            covered = other[1]
            continue
        span = _read_anchor(text, lower, m.start(), m.end(), vocab, locale)
        spans.append(span)
        covered = max(span.end, m.end())
    return spans


def _read_anchor(text: str, lower: str, a: int, b: int, vocab: Vocabulary, locale: str) -> Span:
    starts = _left_starts(text, lower, a, vocab)
    after_from = _after_from(lower, starts[-1])
    ends = _right_ends(text, lower, b, vocab, between=any("between" in lower[s:a] for s in starts),
                       after_from=after_from)
    error = None
    dash = _dash_range_end(text, b, ends)
    for end in reversed(ends):
        for start in reversed(starts):
            try:
                value = parse_value(text[start:end], locale=locale)
            except ValueParseError as exc:
                error = error or exc.message
                continue
            if dash is None and not after_from and (to := _to_range(text, lower, end, value, locale)) is not None:
                return Span(start, to, text[start:to], None, a, b, error)
            if dash is not None and end <= dash[0]:
                # "4.25%-4.5%" that the grammar cannot read whole: either end alone would misread it
                return Span(starts[-1], ends[-1], text[starts[-1]:ends[-1]], None, a, b, error)
            if bare(value) and (noun := _noun_after_gap(text, end, vocab)) is not None:
                written = f"{text[start:end]} {text[noun[0]:noun[1]]}"
                try:
                    return Span(start, noun[1], written, parse_value(written, locale=locale), a, b)
                except ValueParseError:
                    pass
            unread = _UNREAD.match(lower, end)
            if unread and unread.group(1) in vocab.unread_after and unread.group(1) not in vocab.right_words:
                end = unread.end()
                return Span(start, end, text[start:end], None, a, b,
                            f"the value grammar does not read {text[start:end]!r} yet: claim it by hand")
            return Span(start, end, text[start:end], value, a, b)
    return Span(a, b, text[a:b], None, a, b, error)


def _to_range(text: str, lower: str, end: int, value: Value, locale: str) -> int | None:
    """"4.25% to 4.5%" that the grammar could not read whole: the end of the second value, so
    that neither end is drafted alone. "rose 8% to $38.4 billion" names two values: not a range."""
    m = _TO_NUMBER.match(lower, end)
    if m is None:
        return None
    for stop in range(min(len(text), m.end() + 24), m.end() - 1, -1):
        try:
            other = parse_value(text[m.start(1):stop], locale=locale)
        except ValueParseError:
            continue
        return stop if other.unit == value.unit and other.currency == value.currency else None
    return None


def _dash_range_end(text: str, b: int, ends: list[int]) -> tuple[int, int] | None:
    """Where a dash joins a second number to the first ("5%-6%"): the dash's span, if so."""
    for end in ends:
        m = _DASH_NUMBER.match(text, end)
        if m and end >= b:
            return m.start(1), m.end(1)
    return None


def _after_from(lower: str, start: int) -> bool:
    """"from $5bn to $6bn" names two values, not a range."""
    return lower[max(0, start - 6):start].rstrip().endswith("from")


def _left_starts(text: str, lower: str, pos: int, vocab: Vocabulary) -> list[int]:
    starts = [pos]
    for _ in range(_MAX_LEFT):
        p = pos
        while p > 0 and text[p - 1] in " \t\u00a0":
            p -= 1
        found = None
        for w in vocab.left_words:
            s = p - len(w)
            if s >= 0 and lower.startswith(w, s) and (not w[0].isalnum() or s == 0 or not lower[s - 1].isalnum()):
                if w[-1].isalnum() and p < len(text) and text[p].isalnum() and p == pos:
                    continue  # a word glued to the number ("V3") is not a word before it
                if w in SIGNS and s > 0 and not (text[s - 1].isspace() or text[s - 1] in "(["):
                    continue  # "4.25%-4.5%": a dash between numbers is no sign
                found = s
                break
        if found is None:
            break
        pos = found
        starts.append(pos)
    return starts


def _right_ends(text: str, lower: str, pos: int, vocab: Vocabulary, *, between: bool,
                after_from: bool) -> list[int]:
    ends = [pos]
    for _ in range(_MAX_RIGHT):
        p = pos
        while p < len(text) and text[p] in " \t\u00a0":
            p += 1
        end = _right_word(text, lower, p, vocab, glued=p == pos)
        if end is None:
            m = vocab.anchor.match(text, p)
            if m is None or p == pos and text[pos - 1].isalnum():
                break
            end = m.end()
        word = lower[p:end]
        if word in ("to", "-", "–", "—") and after_from or word == "and" and not between:
            break
        if word in ("a", "an", "per") and _AGO.match(lower, end):
            break  # "a year earlier" dates the value, it is no rate
        if _is_time_unit(word, vocab) and not _PER_BEFORE.search(lower, max(0, p - 6), p):
            break  # "a $35.1 billion quarter": a time word is a unit only after "a" or "per"
        pos = end
        ends.append(pos)
    return ends


def _is_time_unit(word: str, vocab: Vocabulary) -> bool:
    unit = vocab.lexicon.units.by_word.get(word)
    return unit is not None and unit.dims == (("year", 1),)


def _right_word(text: str, lower: str, p: int, vocab: Vocabulary, *, glued: bool) -> int | None:
    for w in vocab.right_words:
        if lower.startswith(w, p):
            end = p + len(w)
            if w[-1].isalnum() and end < len(text) and text[end].isalnum():
                continue
            if glued and w[0].isalpha() and len(w) > 2 and w not in vocab.lexicon.scales:
                continue  # "4percent" is not written; "4th" is an ordinal, read as the anchor
            return end
    return None


def _noun_after_gap(text: str, pos: int, vocab: Vocabulary) -> tuple[int, int] | None:
    """"more than 90,000 derivative models": the count noun one or two plain words on."""
    words = []
    for _ in range(3):
        m = _GAP_WORD.match(text, pos)
        if m is None:
            break
        words.append(m)
        pos = m.end()
    for k in (1, 2):
        if len(words) > k:
            word = words[k].group(1)
            unit = vocab.lexicon.units.by_word.get(word)
            gap = [w.group(1) for w in words[:k]]
            if unit is not None and unit.dims and unit.dims[0][0].islower() and word not in vocab.durations \
                    and not any(g in vocab.no_fact_after or g in vocab.right_words for g in gap):
                return words[k].start(1), words[k].end(1)
    return None


def bare(value: Value) -> bool:
    """A number with nothing that says what it counts."""
    return value.unit == ONE and value.currency is None and value.rank is None
