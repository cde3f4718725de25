"""The tables and fields a claim file may hold, and the closest name for a typo."""

from __future__ import annotations

TABLES = ("source", "defaults", "claim", "check", "acknowledge")
SOURCE_FIELDS = ("id", "title", "publisher", "published", "url", "locale", "note")
CLAIM_FIELDS = ("id", "entity", "metric", "value", "period", "as_of", "change", "since", "segment",
                "market", "currency", "quote", "precision", "note")
CLAIM_REQUIRED = ("id", "entity", "metric", "value")
DEFAULT_FIELDS = tuple(f for f in CLAIM_FIELDS if f != "id")
CHECK_FIELDS = ("id", "expr", "note")
ACKNOWLEDGE_FIELDS = ("rule", "claims", "reason")

EXAMPLES = {
    "id": 'id = "q4_revenue"',
    "entity": 'entity = "Alibaba Group" (or once for the file, under [defaults])',
    "metric": 'metric = "revenue"',
    "value": 'value = "$38.4 billion"',
    "expr": 'expr = "market_cap / shares == share_price"',
    "rule": 'rule = "check"',
    "claims": 'claims = ["cloud_share", "cloud_revenue"]',
    "reason": 'reason = "the two articles measure different markets"',
}


def closest(name: str, valid: tuple[str, ...]) -> str | None:
    # a name written out in full ("expression" for "expr") is the likeliest meaning
    spelled_out = [v for v in valid if len(v) >= 3 and name.startswith(v)]
    if spelled_out:
        return max(spelled_out, key=len)
    import difflib  # only for a mistake: 10 ms to import

    close = difflib.get_close_matches(name, valid, n=1, cutoff=0.6)
    return close[0] if close else None


def unknown(name: str, valid: tuple[str, ...], where: str) -> str:
    """The message for a field or table that does not exist, naming the closest valid one."""
    close = closest(name, valid)
    hint = f"did you mean {close!r}?" if close else f"valid names: {', '.join(valid)}"
    return f"unknown {where} {name!r}: {hint}"


def missing(name: str, where: str) -> str:
    example = EXAMPLES.get(name)
    return f"{where} has no `{name}`" + (f": add {example}" if example else "")
