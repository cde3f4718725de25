"""Finding a quote in an article as a reader would: the same words, however they are typeset.

Both sides are compared after normalising white space, quotation marks, dashes and
case; a quote with an ellipsis ("...", "…", "[...]") matches its pieces in that order.
A piece matches whole words only: "8 billion" is not in "38 billion".
Every match is reported in offsets of the original strings, so that a caller can point
at the place (`Article.position`) or mark it.
"""

from __future__ import annotations

import bisect
import re
import unicodedata

from verify.record import Record

_QUOTES = {c: "'" for c in "‘’‚‛′`´"} | {c: '"' for c in "“”„‟″«»"}
_DASHES = {c: "-" for c in "‐‑‒–—―−﹘﹣－"}
_INVISIBLE = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")
ELLIPSIS = re.compile(r"\s*(?:\[\s*(?:\.\s*){3}\]|\[…\]|…|\.\s?\.\s?\.)\s*")


class Normalised(Record):
    """`text` normalised, and for each of its characters the offset it came from."""

    __slots__ = ("text", "origins", "length")

    def __init__(self, text: str, origins: tuple[int, ...], length: int) -> None:
        self.text, self.origins = text, origins
        self.length = length  # of the original

    def origin(self, index: int) -> int:
        """The original offset of normalised `index` (the original's end past the last)."""
        return self.origins[index] if index < len(self.origins) else self.length

    def index(self, offset: int) -> int:
        """The first normalised index that comes from `offset` of the original or after."""
        return bisect.bisect_left(self.origins, offset)


# Printable ASCII but "`" (a quotation mark here), single spaces between: NFKC leaves it
# as it is and casefold is lower(), so a run of it is taken whole, not character by character.
_PLAIN = re.compile(r"[!-_a-~]+(?: [!-_a-~]+)*")


def normalise(text: str) -> Normalised:
    out: list[str] = []
    origins: list[int] = []
    space = True  # no space at the start
    i, end = 0, len(text)
    while i < end:
        plain = _PLAIN.match(text, i)
        if plain:
            out.append(plain.group().lower())
            origins.extend(range(i, plain.end()))
            space = False
            i = plain.end()
            continue
        char = text[i]
        if char in _INVISIBLE:
            pass
        elif char.isspace():
            if not space:
                out.append(" ")
                origins.append(i)
            space = True
        else:
            space = False
            char = _QUOTES.get(char) or _DASHES.get(char) or char
            for folded in unicodedata.normalize("NFKC", char).casefold():
                out.append(folded)
                origins.append(i)
        i += 1
    if out and out[-1] == " ":
        out.pop()
        origins.pop()
    return Normalised("".join(out), tuple(origins), len(text))


class Match(Record):
    """Where a quote's pieces are: (start, end) offsets in the article text, in order."""

    __slots__ = ("spans",)

    def __init__(self, spans: tuple[tuple[int, int], ...]) -> None:
        self.spans = spans

    @property
    def start(self) -> int:
        return self.spans[0][0]

    @property
    def end(self) -> int:
        return self.spans[-1][1]


def pieces(quote: str) -> list[tuple[int, int]]:
    """The (start, end) offsets in `quote` of the parts an ellipsis separates."""
    found, position = [], 0
    for m in ELLIPSIS.finditer(quote):
        found.append((position, m.start()))
        position = m.end()
    found.append((position, len(quote)))
    return [(a, b) for a, b in found if quote[a:b].strip()]


def find_quote(quote: str, text: Normalised | str, start: int = 0) -> Match | None:
    """Where `quote` is in `text` (normalised once by the caller for many quotes), at
    offset `start` of the original or after, or None."""
    if isinstance(text, str):
        text = normalise(text)
    spans = []
    position = text.index(start)
    for a, b in pieces(quote):
        piece = normalise(quote[a:b]).text
        at = find_words(piece, text.text, position)
        if at is None:
            return None
        position = at + len(piece)
        spans.append((text.origin(at), text.origin(position - 1) + 1))
    return Match(tuple(spans)) if spans else None


def find_words(needle: str, haystack: str, start: int = 0) -> int | None:
    """The first index, from `start`, where `needle` stands in `haystack` as whole words."""
    if not needle:
        return None
    while True:
        at = haystack.find(needle, start)
        if at < 0:
            return None
        end = at + len(needle)
        if not (_joins(haystack, at - 1, needle[0]) or _joins(haystack, end, needle[-1])):
            return at
        start = at + 1


def _joins(haystack: str, index: int, edge: str) -> bool:
    """Whether the character at `index` would continue the word that `edge` begins or ends."""
    return 0 <= index < len(haystack) and edge.isalnum() and haystack[index].isalnum()


def longest_start(quote: str, text: Normalised) -> tuple[int, int] | None:
    """The longest run of the quote's first words found in `text`: (words, offset in `text`)."""
    words = normalise(ELLIPSIS.split(quote, maxsplit=1)[0]).text.split(" ")
    low, high, best = 1, len(words), None
    while low <= high:  # a prefix that is found has every shorter prefix found too
        middle = (low + high) // 2
        at = find_words(" ".join(words[:middle]), text.text)
        if at is None:
            high = middle - 1
        else:
            best, low = (middle, text.origin(at)), middle + 1
    return best
