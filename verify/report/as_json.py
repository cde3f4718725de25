"""The JSON report of SPEC section 7: stable, versioned, documented in docs/report-json.md."""

from __future__ import annotations

import json
from typing import Any

from verify import formatting
from verify.findings import Finding, Side
from verify.model import Claim, Problem
from verify.quantity import Quantity
from verify.report.report import Report

VERSION = 1


def render(report: Report, **_options) -> str:
    """One finding or problem a line: diffable, and encoded by json's C encoder one at a time
    (an indented document goes through the pure-Python encoder, whose pieces cost ~60 MB
    at 100,000 claims). The pieces are joined once, with no copy between."""
    pieces = [f'{{"version": {VERSION},\n "summary": {_dumps(report.summary)},\n "findings": ']
    _listed(pieces, (finding(f) for f in report.findings))
    pieces.append(',\n "problems": ')
    _listed(pieces, (problem(p) for p in report.problems))
    pieces.append("}\n")
    return "".join(pieces)


def _listed(pieces: list[str], items) -> None:
    start = len(pieces)
    for item in items:
        pieces += ("[\n  " if len(pieces) == start else ",\n  ", _dumps(item))
    pieces.append("\n ]" if len(pieces) > start else "[]")


def _dumps(item: Any) -> str:
    return json.dumps(item, ensure_ascii=False)


def finding(f: Finding) -> dict[str, Any]:
    return {
        "rule": f.rule,
        "id": f.id,
        "severity": f.severity,
        "message": f.message,
        "acknowledged": f.acknowledged,
        "claims": [claim(c) for c in f.claims],
        "strict": {"sides": [side(s, "strict") for s in f.sides]},
        "loose": {"sides": [side(s, "loose") for s in f.sides]},
        "rates": rates(f),
    }


def rates(f: Finding) -> list[dict[str, Any]]:
    return [{"base": r.base, "quote": r.quote, "rate": formatting.exact(r.value), "date": r.on.isoformat(),
             "source": r.source} for r in f.rates]


def claim(c: Claim) -> dict[str, Any]:
    location = c.location
    return {
        "ref": c.ref,
        "file": location.file if location else None,
        "line": location.line if location else None,
        "value": c.value.text,
        "quote": c.quote,
    }


def side(s: Side, reading: str) -> dict[str, Any]:
    return {"label": s.label, **quantity(getattr(s, reading))}


def quantity(q: Quantity) -> dict[str, Any]:
    i = q.interval
    return {
        "interval": str(q),
        "low": None if i.lo == float("-inf") else formatting.exact(i.lo),
        "high": None if i.hi == float("inf") else formatting.exact(i.hi),
        "low_open": i.lo_open,
        "high_open": i.hi_open,
        "unit": str(q.unit),
    }


def problem(p: Problem) -> dict[str, Any]:
    return {"file": p.location.file, "line": p.location.line, "column": p.location.column,
            "message": p.message}
