"""Unexpected exceptions turned into problems, so that one bug costs one file, rule or
report and never the rest of a run (nor exit code 1, which means findings).

`DEBUG` (set by `verify --debug`, before any process is forked) prints each traceback
to standard error as it is caught.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from verify.model import Location, Problem

DEBUG = False


def describe(exc: BaseException) -> str:
    """The exception in one line, without the traceback."""
    text = str(exc).splitlines()[0] if str(exc) else ""
    return f"{type(exc).__name__}: {text[:300]}" if text else type(exc).__name__


def said(what: str, exc: BaseException) -> str:
    """The message for `exc`, raised while doing `what`; its traceback on standard error
    under --debug."""
    if DEBUG:
        import traceback  # not at import: every run loads this module, few print a traceback

        traceback.print_exception(exc, file=sys.stderr)
    return (f"internal error while {what}: {describe(exc)}. This is a bug in verify: run again with --debug "
            "for the traceback and report it")


def internal(location: Location, what: str, exc: BaseException) -> Problem:
    """An internal-error problem for `exc`, raised while doing `what` (e.g. "running the rule 'share'")."""
    from verify.model import Problem  # not at import: `verify --version` loads this module

    return Problem(location, said(what, exc))
