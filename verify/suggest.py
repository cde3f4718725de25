"""The closest valid name to a misspelt one ("did you mean ...?"), at any number of names.

Candidates are ranked as difflib ranks them (the ratio of matching characters, at least
0.6, ties to the greater name), but only a few are ranked: a short list of names is
ranked whole, a long one is first narrowed through an index of deletions (each name
with one character removed), which finds every name within two edits of the misspelling
(a character missing, extra, changed, two swapped, two extra, or one changed and one
extra) in time that does
not grow with the number of names. Nothing is built until a name is missing.
"""

from __future__ import annotations

import contextvars
from typing import Iterable

# Off while a caller reads text on the chance that it is a value (the quote rule): its
# failures are never shown, so no "did you mean" is worked out for them.
SHOWN = contextvars.ContextVar("SHOWN", default=True)

CUTOFF = 0.6
# Up to this many names, every name is a candidate: as fast as an index, and it also
# finds what is more than two edits away ("revenue_q4" for "q4_revenue").
SCAN_LIMIT = 64
# At most this many candidates are ranked; they are taken nearest first.
RANKED_LIMIT = 256
# Longer misspellings are looked up with one deletion, not two (the count grows with the square).
TWO_DELETIONS_LIMIT = 64


class Names:
    """A fixed set of valid names, asked for the closest to a misspelt one."""

    def __init__(self, names: Iterable[str]) -> None:
        self._names = frozenset(names)
        self._index: dict[str, str | list[str]] | None = None

    def __contains__(self, name: str) -> bool:
        return name in self._names

    def __len__(self) -> int:
        return len(self._names)

    def closest(self, word: str) -> str | None:
        """The valid name `word` most likely means, or None if none is close enough."""
        if word in self._names:
            return word
        if len(self._names) <= SCAN_LIMIT:
            return _best(word, sorted(self._names))
        if self._index is None:
            self._index = _deletion_index(self._names)
        one = sorted(_deletions(word))
        two = sorted(set().union(*map(_deletions, one))) if len(word) <= TWO_DELETIONS_LIMIT else []
        # names one edit away (one extra, one missing), then two (one changed or swapped, two
        # extra), then, only if none of those is close enough, one changed and one extra
        near = self._found([(v, False) for v in one] + [(word, True)] + [(v, True) for v in one]
                           + [(v, False) for v in two])
        return _best(word, near) or _best(word, self._found([(v, True) for v in two]))

    def _found(self, variants: list[tuple[str, bool]]) -> list[str]:
        """The names that are these variants (or, when flagged, have them as a deletion), at most RANKED_LIMIT."""
        found: dict[str, None] = {}  # insertion-ordered: nearest first
        for variant, deleted_from_name in variants:
            if deleted_from_name:
                hits = self._index.get(variant, ())
                hits = (hits,) if isinstance(hits, str) else sorted(hits)
            else:
                hits = (variant,) if variant in self._names else ()
            for name in hits:
                found[name] = None
                if len(found) >= RANKED_LIMIT:
                    return list(found)
        return list(found)


def closest(word: str, names: Iterable[str]) -> str | None:
    """The closest of a few `names` to `word` (for a long list kept for many lookups, use Names)."""
    return Names(names).closest(word)


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


def _deletion_index(names: frozenset[str]) -> dict[str, str | list[str]]:
    """Each name under each of its one-character deletions (a lone name kept as itself, not in a list)."""
    index: dict[str, str | list[str]] = {}
    for name in names:
        for variant in _deletions(name):
            held = index.setdefault(variant, name)
            if held is name:
                continue
            if isinstance(held, str):
                index[variant] = [held, name]
            else:
                held.append(name)
    return index


def _best(word: str, candidates: list[str]) -> str | None:
    if not candidates:
        return None
    import difflib  # only for a mistake: 10 ms to import

    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(word)
    best: tuple[float, str] | None = None
    for name in candidates:
        matcher.set_seq1(name)
        if (matcher.real_quick_ratio() >= CUTOFF and matcher.quick_ratio() >= CUTOFF
                and (score := matcher.ratio()) >= CUTOFF and (best is None or (score, name) > best)):
            best = (score, name)
    return best[1] if best else None
