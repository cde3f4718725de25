"""What an article's text tells of its source: a title, a date, an id."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from verify.draft.when import MONTHS

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_DATELINE = re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}}),?\s+((?:19|20)\d\d)\b|\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b|"
                       rf"\b(\d{{1,2}})\s+({_MONTH})\.?\s+((?:19|20)\d\d)\b", re.IGNORECASE)
_HEADING = re.compile(r"^\s*#+\s*")
_MAX_TITLE = 160
_DATE_LINES = 5


def title_of(text: str) -> str | None:
    """The first line, when it reads as a headline (short, no closing period)."""
    for line in text.splitlines():
        line = _HEADING.sub("", line).strip()
        if not line:
            continue
        if len(line) <= _MAX_TITLE and not line.endswith((".", "!", "?")):
            return line
        return None
    return None


def date_of(text: str) -> date | None:
    """A date written in the article's first lines (a dateline), if any."""
    head = "\n".join(text.splitlines()[:_DATE_LINES])
    m = _DATELINE.search(head)
    if m is None:
        return None
    g = m.groups()
    try:
        if g[0]:
            return date(int(g[2]), MONTHS[g[0].lower()], int(g[1]))
        if g[3]:
            return date(int(g[3]), int(g[4]), int(g[5]))
        return date(int(g[8]), MONTHS[g[7].lower()], int(g[6]))
    except ValueError:
        return None


def source_id(path: str | Path) -> str:
    """An id from the file's name: "crn-alibaba-53b.txt" is crn_alibaba_53b."""
    slug = re.sub(r"[^a-z0-9]+", "_", Path(path).stem.lower()).strip("_")
    return slug if slug[:1].isalpha() else f"article_{slug}".rstrip("_")
