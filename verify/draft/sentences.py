"""Sentences of an article, as spans of its text."""

from __future__ import annotations

import re

# A sentence ends at . ! ? (and a closing quote or bracket) before a space and a capital, a
# digit or an opening quote; a line break always ends one (headlines, list items).
_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*[ \t]+(?=[\"'“‘(\[]?[A-Z0-9$€£¥])|\n+")
# Abbreviations that end with a period inside a sentence.
_ABBREVIATIONS = re.compile(
    r"(?:\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|Nos|Mr|Mrs|Ms|Dr|Prof|St|Inc|Corp|Co|Ltd|"
    r"vs|approx|est|Gov|Sen|Rep|Gen|Jr|Sr|U\.S|U\.K|E\.U|a\.m|p\.m)|\b[A-Z])\.$")


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, without the spaces around it."""
    spans = []
    start = 0
    for m in _END.finditer(text):
        if "\n" not in m.group() and _ABBREVIATIONS.search(text, max(0, m.start() - 12), m.start()):
            continue  # "Jan. 31", "No. 4", "U.S. stock"
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [_trimmed(text, s, e) for s, e in spans if text[s:e].strip()]


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def clause(text: str, start: int, end: int, at: int, at_end: int, limit: int = 160) -> tuple[int, int]:
    """The part of a long sentence around text[at:at_end]: cut at commas and semicolons."""
    if end - start <= limit:
        return start, end
    cuts = [m.end() for m in re.finditer(r"[,;:]\s|\s(?:while|but|and|as)\s", text[start:end])]
    lo, hi = start, end
    for c in cuts:
        c += start
        if c <= at:
            lo = c
        elif c > at_end and c < hi:
            hi = c
            break
    while hi > lo and text[hi - 1] in " ,;:":
        hi -= 1
    for word in (" while", " but", " and", " as"):
        if text[lo:hi].endswith(word):
            hi -= len(word)
    return _trimmed(text, lo, hi)
