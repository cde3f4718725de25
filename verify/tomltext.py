"""TOML that people write, parsed with tomli, every failure a `tomli.TOMLDecodeError`.

tomli raises RecursionError for arrays or inline tables nested past its limit (400 or
1,000 levels, by version); that is an error in the text like any other, and is raised
as one, at the line that opens the most brackets.
"""

from __future__ import annotations

from typing import Any

import tomli


def loads(text: str) -> dict[str, Any]:
    try:
        return tomli.loads(text)
    except RecursionError:
        raise tomli.TOMLDecodeError("arrays or inline tables are nested too deeply: a few levels are all "
                                    "a claim, config or pack file needs", text, _most_opened(text)) from None


def _most_opened(text: str) -> int:
    """The offset of the line with the most opening brackets."""
    best, best_count, start = 0, -1, 0
    for line in text.splitlines(keepends=True):
        count = line.count("[") + line.count("{")
        if count > best_count:
            best, best_count = start, count
        start += len(line)
    return best
