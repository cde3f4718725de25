"""What a number measures, and whether it is a change, from the words around it.

A metric is named by a phrase of the vocabulary (verify/data/draft.toml) near the number,
the nearest first, and only when its kind fits the value: money for revenue, a count of
shares for shares held. A percentage beside a metric that is not itself a percentage
is a change of that metric ("revenue ... up 8%").
"""

from __future__ import annotations

import functools
import re

from verify.draft.vocabulary import Vocabulary
from verify.units import PERCENT, POINTS
from verify.values import Value

_EARNINGS = ("net income", "earnings", "profit", "net profit", "eps")
_PER_SHARE_METRICS = ("earnings_per_share", "dividend_per_share")
_SHARE_OF = re.compile(r"\s+(?:share\s+)?of\s+(?:a|an|the|its|their)?\b")
_JOINED = re.compile(r"\s+(?:in|of|from|on)\s+(?:total\s+|net\s+|annual\s+|quarterly\s+)?")
_CHANGE_BEFORE = re.compile(r"\b(?:increase|increases|rise|rises|growth|gain|gains|jump|decline|drop|fall|"
                            r"climb|surge|boost|grew|rose|fell|jumped|climbed|dropped|declined|added|lost|"
                            r"up|down|higher|lower)\b(?:\s+(?:of|by|to))?\s*(?:about|around|nearly|over)?\s*$")
_CHANGE_AFTER = re.compile(r"^\s*(?:increase|rise|growth|gain|jump|decline|drop|fall|climb|surge|higher|lower|"
                           r"year[- ]over[- ]year|year[- ]on[- ]year|from a year|on the year|on a year)\b")


def kind_of(value: Value) -> str:
    """The value's kind as the metric vocabulary writes kinds."""
    if value.rank is not None:
        return "rank"
    unit = value.unit
    if unit == PERCENT:
        return "percent"
    if unit == POINTS:
        return "points"
    currencies = unit.currencies
    nouns = [(n, e) for n, e in unit.dims if n.islower()]
    if currencies and not nouns:
        return "money"
    if currencies and nouns == [(nouns[0][0], -1)]:
        return f"money/count:{nouns[0][0]}"
    if len(nouns) == 1 and nouns[0][1] == 1 and not currencies:
        return f"count:{nouns[0][0]}"
    if not unit.dims:
        return "bare"
    return "physical"


def guess_metric(sentence: str, at: int, at_end: int, value: Value, vocab: Vocabulary) -> tuple[str | None, str | None]:
    """(metric, change) for the value at sentence[at:at_end]; either may be None."""
    kind = kind_of(value)
    lower = sentence.lower()
    change = _change(lower, at, at_end, value, kind)
    if kind == "rank":
        market = any(w in lower for w in ("market", "share", "largest", "biggest", "provider", "company"))
        return ("market_share_rank" if market else "rank"), None
    if kind == "percent" and change is None and _SHARE_OF.match(lower, at_end) and "market" in lower[at_end:]:
        return "market_share", None
    best: tuple[float, str] | None = None
    for metric, start, end in _phrases(lower, vocab):
        fits = _fits(vocab.kinds.get(metric, "any"), kind, change) or kind == "money" and metric in _PER_SHARE_METRICS
        if not fits:
            continue
        distance = start - at_end if start >= at_end else max(0, at - end)
        after = start >= at_end
        if after and _JOINED.fullmatch(lower, at_end, start):
            distance, after = 0, False  # "$4.3 billion in revenue", "4% of sales"
        score = distance * (3.0 if after else 1.0) - (end - start) * 0.5
        if best is None or score < best[0]:
            best = (score, metric)
    metric = best[1] if best else _from_unit(kind)
    if kind == "money/count:share" and metric == "share_price" and _any_word(lower, _EARNINGS):
        metric = "earnings_per_share"  # "net income ... or $2.15 a share"
    for special, (words, context) in vocab.metrics_with.items():
        if metric in ("investment", "spending", "capex") and _any_word(lower, words) and _any_word(sentence, context, case=True):
            metric = special
    if metric is not None and change is None and kind in ("percent", "points") and \
            vocab.kinds.get(metric, "any") not in ("percent", "any"):
        change = "percent" if kind == "percent" else "points"
    return metric, change


def _change(lower: str, at: int, at_end: int, value: Value, kind: str) -> str | None:
    if kind == "rank":
        return None
    written = lower[at:at_end]
    moved = value.direction is not None or any(m in written for m in ("-digit", " digit"))
    if not moved:
        moved = bool(_CHANGE_BEFORE.search(lower, 0, at)) and kind in ("percent", "points", "money") or \
            bool(_CHANGE_AFTER.match(lower[at_end:])) and kind in ("percent", "points")
    if not moved:
        return None
    return {"percent": "percent", "points": "points"}.get(kind, "absolute")


def _fits(metric_kind: str, kind: str, change: str | None) -> bool:
    if metric_kind == "any":
        return kind not in ("rank",)
    if kind in ("percent", "points"):
        return True  # a percentage of a money metric is its change; of a percent metric, its level
    if change == "absolute" and kind == "money":
        return metric_kind == "money"
    if kind == "bare":
        return metric_kind.startswith("count") or metric_kind == "ratio"
    return metric_kind == kind


def _from_unit(kind: str) -> str | None:
    """A metric the unit names by itself: a price per share, a count of employees."""
    if kind == "money/count:share":
        return "share_price"
    if kind.startswith("count:"):
        noun = kind[len("count:"):]
        return {"employee": "employees", "share": "shares_outstanding", "user": "users",
                "customer": "customers", "model": "models", "person": "people"}.get(noun, f"{noun}s")
    return None


def _phrases(lower: str, vocab: Vocabulary):
    for metric, pattern in _patterns(vocab).items():
        for m in pattern.finditer(lower):
            yield metric, m.start(), m.end()


@functools.lru_cache(maxsize=8)
def _patterns(vocab: Vocabulary) -> dict[str, re.Pattern[str]]:
    return {metric: re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w.lower()) for w in
                                                      sorted(words, key=len, reverse=True)) + r")(?![\w-])")
            for metric, words in vocab.metric_words.items()}


def _any_word(text: str, words, case: bool = False) -> bool:
    hay = text if case else text.lower()
    return any(re.search(rf"(?<![\w-]){re.escape(w if case else w.lower())}(?![\w-])", hay) for w in words)
