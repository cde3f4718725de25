"""TOML that people write, parsed with tomli, every failure a `tomli.TOMLDecodeError`.

tomli raises RecursionError for arrays or inline tables nested past its limit (400 or
1,000 levels, by version), and ValueError for an integer past Python's 4,300 digits;
each is an error in the text like any other, and is raised as one, at the line that
opens the most brackets or the longest line.
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
    except ValueError as exc:
        if isinstance(exc, tomli.TOMLDecodeError):
            raise
        # int() past Python's 4,300 digits, raised from inside the parser
        raise tomli.TOMLDecodeError("a number of thousands of digits: write it as a string, as the source "
                                    "prints it", text, _longest_line(text)) from None


def _longest_line(text: str) -> int:
    """The offset of the longest line."""
    best, best_length, start = 0, -1, 0
    for line in text.splitlines(keepends=True):
        if len(line) > best_length:
            best, best_length = start, len(line)
        start += len(line)
    return best


def _most_opened(text: str) -> int:
    """The offset of the line with the most opening brackets."""
    best, best_count, start = 0, -1, 0
    for line in text.splitlines(keepends=True):
        count = line.count("[") + line.count("{")
        if count > best_count:
            best, best_count = start, count
        start += len(line)
    return best
