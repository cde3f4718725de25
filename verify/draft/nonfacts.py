"""Numbers that state no fact: years in dates, days of months, version names, ordinals in
names and period words, stretches of time, phone numbers. Each gets the reason it was left out."""

from __future__ import annotations

import re

from verify.draft.spans import Span, bare
from verify.draft.vocabulary import Vocabulary
from verify.draft.when import MONTHS

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_DATE_BEFORE = re.compile(rf"\b(?:{_MONTH})\.?\s*$", re.IGNORECASE)
_DATE_AFTER = re.compile(rf"^(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH})\b", re.IGNORECASE)
_PERIOD_WORDS = ("quarter", "half", "quarters", "halves", "consecutive", "straight", "successive", "time",
                 "times", "year", "annual", "generation", "round", "day", "week", "month", "century")
_NAME_BEFORE = re.compile(r"([A-Z][\w&.-]*)[ \t]+$")


def why_no_fact(text: str, span: Span, vocab: Vocabulary, sentence_start: int) -> str | None:
    """Why the number at `span` states no quantity, or None if it may state one."""
    a, b = span.anchor_start, span.anchor_end
    value = span.value
    before, after = text[max(0, a - 24):a], text[b:b + 24]
    if span.kind is not None:
        return span.kind
    if span.value is None:
        return f"not a value the grammar reads ({span.error})" if span.error else "not a value the grammar reads"
    if (glued := _glued_name(text, a, vocab)) is not None:
        if glued.upper() in ("Q", "H", "FY", "CY"):
            return f"part of a period label (\"{glued}{text[a:b]}\")"
        return f"part of a name (\"{glued}{text[a:b]}\")"
    if b < len(text) and text[b].isalpha() and span.end == b and text[b:b + 2].lower() not in ("st", "nd", "rd", "th"):
        return "part of a name (a model, version or product)"
    if bare(value) and (_DATE_BEFORE.search(before) or _DATE_AFTER.match(after)):
        return "a day of a date"
    if bare(value) and _is_year(text[a:b]):
        return "a year"
    rest = text[span.end:span.end + 30].lower()
    next_word = re.match(r"[\s-]*([a-z-]+)", rest)
    if next_word and (next_word.group(1) in vocab.durations or next_word.group(1).split("-")[0] in vocab.durations):
        if value.rank is None and (bare(value) or value.unit.dims == (("year", 1),)):
            return "a stretch of time, not a quantity of the fact"
    if value.unit.dims == (("year", 1),):
        return "a stretch of time, not a quantity of the fact"
    if value.rank is not None:
        return _why_rank_no_fact(text, span, vocab, next_word.group(1) if next_word else "")
    if bare(value) and span.text.strip().lower() in vocab.lexicon.numbers:
        follow = next_word.group(1) if next_word else ""
        return f"a number word with no unit or noun it counts (\"{span.text} {follow}\")".replace(" \")", "\")")
    if _plain(value) and _NAME_BEFORE.search(text, max(sentence_start, a - 40), a) and a > sentence_start:
        name = _NAME_BEFORE.search(text, max(sentence_start, a - 40), a).group(1)
        if name not in vocab.not_entities and name.lower() not in vocab.right_words:
            return f"part of a name (\"{name} {text[a:b]}\")"
    return None


def _plain(value) -> bool:
    """No currency, percentage, hedge or direction: a number a name could carry ("Qwen 2.5 model")."""
    return value.currency is None and value.rank is None and value.hedge is None and value.direction is None \
        and all(name.islower() for name, _ in value.unit.dims)


def _why_rank_no_fact(text: str, span: Span, vocab: Vocabulary, next_word: str) -> str | None:
    written = span.text.lower()
    before = text[max(0, span.start - 12):span.start].lower()
    if next_word.split("-")[0] in _PERIOD_WORDS or text[span.end:span.end + 1] == "-" and \
            next_word.split("-")[0] in _PERIOD_WORDS:
        return f"an ordinal in a period or a streak (\"{span.text} {next_word}\"), not a rank"
    if before.rstrip().endswith("one of the") or before.rstrip().endswith("among the"):
        return "\"one of the ...\" names no rank"
    ranked = any(w.lower().strip("-") in written for w in vocab.lexicon.rank_words) or \
        any(written.startswith(p) for p in ("no", "#", "number")) or written in ("largest", "biggest")
    if not ranked:
        return "an ordinal with no rank word after it (\"fourth largest\", \"first place\" state ranks)"
    return None


def _glued_name(text: str, a: int, vocab: Vocabulary) -> str | None:
    """"V3", "Q4", "GPT-4": letters (and a hyphen) right before the digits."""
    p = a
    if p > 0 and text[p - 1] == "-":
        p -= 1
    q = p
    while q > 0 and text[q - 1].isalnum():
        q -= 1
    letters = text[q:p]
    if not letters or not letters[0].isalpha() or p == a and not text[a - 1].isalpha():
        return None
    if letters in vocab.lexicon.codes or letters in vocab.lexicon.symbols or letters.lower() in ("no", "us") \
            or p != a and letters.lower() in vocab.lexicon.directions:
        return None
    return text[q:a]


def _is_year(digits: str) -> bool:
    return digits.isdigit() and len(digits) == 4 and 1800 <= int(digits) <= 2199
