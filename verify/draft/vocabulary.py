"""The words draft reads around numbers, compiled once from verify/data/draft.toml.

The value words themselves (hedges, scales, currencies, units) are the value grammar's
own tables: draft only finds where a value starts and ends, and `parse_value` reads it.
"""

from __future__ import annotations

import functools
import re

import attrs

from verify import resources
from verify.values.lexicon import Lexicon, default_lexicon

# "No. 4", "#4", "number four": words before a rank that the grammar reads.
RANK_PREFIXES = ("no.", "no", "number", "#")
_SIGNS = ("minus", "negative")


@attrs.frozen(eq=False)
class Vocabulary:
    lexicon: Lexicon
    metric_words: dict[str, tuple[str, ...]]  # metric -> phrases
    metrics_with: dict[str, tuple[tuple[str, ...], tuple[str, ...]]]  # metric -> (words, context)
    kinds: dict[str, str]  # metric -> kind ("money", "percent", "count:share", "any" ...)
    flows: frozenset[str]
    durations: frozenset[str]
    unread_after: frozenset[str]
    no_fact_after: frozenset[str]
    not_entities: frozenset[str]
    org_suffixes: frozenset[str]
    left_words: tuple[str, ...]  # lower case, longest first
    right_words: tuple[str, ...]  # lower case, longest first
    anchor: re.Pattern[str]

    @property
    def ordinals(self) -> dict[str, int]:
        return self.lexicon.ordinals


SIGNS = ("-", "−", "+")


def build(lexicon: Lexicon, table: dict) -> Vocabulary:
    metrics_table = resources.packaged("metrics")["metrics"]
    kinds = {**metrics_table, **table.get("kinds", {})}
    lex = lexicon
    left = {*lex.hedges, *lex.directions, "by", "between", *RANK_PREFIXES, *_SIGNS,
            *(s.lower() for s in lex.symbols), *(c.lower() for c in lex.codes)}
    right = {*lex.scales, *lex.units.by_word, *lex.currency_words, *(s.lower() for s in lex.symbols),
             *(c.lower() for c in lex.codes), "per", "a", "an", "each", "/", "-", "–", "—", "to", "and",
             *(w.lower() for w in lex.rank_words), "growth", "increase", "gain", "rise", "decline", "drop",
             "fall", *(w.lower() for w in table.get("units", {}).get("words", ()))}
    # Number words and rank words, as whole words; digits; the grammar's own tables decide.
    words = sorted({*lex.numbers, *lex.ordinals, *lex.magnitudes, *_fractions(lex)}, key=len, reverse=True)
    alternatives = "|".join(re.escape(w) for w in words if w not in ("a", "an"))
    anchor = re.compile(
        r"(?P<digits>\d(?:[\d,.'\u00a0\u202f\u2009]*\d)?)"
        rf"|(?<![\w-])(?P<word>{alternatives})(?![\w])"
        r"|(?<![\w-])(?P<article>an?)(?=\s+(?:" + "|".join(re.escape(s) for s in lex.scales if len(s) > 2) + r")\b)",
        re.IGNORECASE)
    return Vocabulary(
        lexicon=lexicon,
        metric_words={k: tuple(v) for k, v in table["metrics"].items()},
        metrics_with={k: (tuple(v["words"]), tuple(v["with"])) for k, v in table.get("metrics_with", {}).items()},
        kinds=kinds,
        flows=frozenset(table["time"]["flows"]),
        durations=frozenset(table["durations"]["words"]),
        unread_after=frozenset(w.lower() for w in table["unread_after"]["words"]),
        no_fact_after=frozenset(table["no_fact_after"]["words"]),
        not_entities=frozenset(table["not_entities"]["words"]),
        org_suffixes=frozenset(table["not_entities"]["org_suffixes"]),
        left_words=tuple(sorted(left, key=len, reverse=True)),
        right_words=tuple(sorted(right, key=len, reverse=True)),
        anchor=anchor,
    )


def _fractions(lex: Lexicon) -> tuple[str, ...]:
    # The grammar may know fractions ("two-thirds"); taken from it when it does.
    table = getattr(lex, "fractions", None) or {}
    return tuple(table)


@functools.cache
def default_vocabulary() -> Vocabulary:
    return build(default_lexicon(), resources.packaged("draft"))
