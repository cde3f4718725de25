"""The JSON report of SPEC section 7: stable, versioned, documented in docs/report-json.md."""

from __future__ import annotations

import json
from typing import Any, Iterator

from verify import formatting, parallel
from verify.findings import Finding, Side
from verify.model import Claim, Location, Problem
from verify.quantity import Quantity
from verify.rates.table import Rate
from verify.report.escape import json_text
from verify.report.report import FINDINGS_PER_JOB, Report
from verify.tolerance import widened_quantity

VERSION = 1


def render(report: Report, **options) -> str:
    return "".join(pieces(report, **options))


def pieces(report: Report, *, jobs: int = 1, **_options) -> Iterator[str]:
    """One finding or problem a line: diffable, and encoded by json's C encoder one at a time
    (an indented document goes through the pure-Python encoder, whose pieces cost ~60 MB
    at 100,000 claims). Pieces come as they are encoded, so a written report is never whole.
    With `jobs`, forked processes encode shares of many findings."""
    yield f'{{"version": {VERSION},\n "summary": {_dumps(report.summary)},\n "findings": '
    jobs = parallel.corpus_jobs(jobs, len(report.corpus.claims))
    yield from _listed(parallel.imap(_encoded, report.findings, jobs=jobs, per_job=FINDINGS_PER_JOB))
    yield ',\n "problems": '
    yield from _listed(_dumps(problem(p)) for p in report.problems)
    yield ',\n "unchecked": '
    yield from _listed(_dumps(claim(c)) for c in report.unchecked)
    yield "}\n"


def _encoded(f: Finding) -> str:
    return _dumps(finding(f))


def _listed(encoded) -> Iterator[str]:
    opening = "[\n  "
    for item in encoded:
        yield opening
        yield item
        opening = ",\n  "
    yield "[]" if opening == "[\n  " else "\n ]"


def _dumps(item: Any) -> str:
    return json_text(json.dumps(item, ensure_ascii=False))


def finding(f: Finding) -> dict[str, Any]:
    return {
        "rule": f.rule,
        "id": f.id,
        "severity": f.severity,
        "message": f.message,
        "acknowledged": f.acknowledged,
        "claims": [claim(c) for c in f.claims],
        "strict": reading(f, "strict"),
        "loose": reading(f, "loose"),
        "rates": rates(f),
        "agreed": [rate(r) for r in f.agreed],
        **({"in_text": place(f.in_text)} if f.in_text else {}),
    }


def place(where: Location) -> dict[str, Any]:
    return {"file": where.file, "line": where.line, "column": where.column}


def reading(f: Finding, name: str) -> dict[str, Any]:
    """The sides under one reading; the loose one with the relation's tolerance and each side
    as widened by it, the intervals that had to overlap."""
    if name == "strict" or f.tolerance is None:
        return {"sides": [side(s, name) for s in f.sides]}
    return {"tolerance": formatting.exact(f.tolerance),
            "sides": [{**side(s, name), "widened": quantity(widened_quantity(s.loose, f.tolerance))}
                      for s in f.sides]}


def rates(f: Finding) -> list[dict[str, Any]]:
    return [rate(r) for r in f.rates]


def rate(r: Rate) -> dict[str, Any]:
    """A rate and its basis: fixing, period-end, period average (with its first day) or daily."""
    shown = {"base": r.base, "quote": r.quote, "rate": formatting.exact(r.value), "date": r.on.isoformat(),
             "source": r.source, "basis": r.basis}
    if r.start is not None:
        shown["from"] = r.start.isoformat()
    return shown


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
    return {**place(p.location), "message": p.message}
