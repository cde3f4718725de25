"""From "does it hold under each reading" to a severity (SPEC section 6)."""

from __future__ import annotations


def severity(holds_strict: bool, holds_loose: bool) -> str | None:
    """error: fails even loosely; warning: holds loosely but not strictly; None: holds."""
    if not holds_loose:
        return "error"
    if not holds_strict:
        return "warning"
    return None
