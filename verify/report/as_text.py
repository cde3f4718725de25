"""The report for people: each finding with its claims, its arithmetic and its rates."""

from __future__ import annotations

import functools
from typing import Iterator

from verify import parallel
from verify.findings import Finding
from verify.report.escape import visible, visible_path
from verify.report.report import FINDINGS_PER_JOB, Report
from verify.tolerance import reading_label

_COLOURS = {"error": "\033[31m", "warning": "\033[33m", "problem": "\033[35m", "dim": "\033[2m",
            "bold": "\033[1m"}
_RESET = "\033[0m"
# A quote is a sentence or two of the article; a longer one is shown this far, with its
# length, so that one claim cannot fill a log (or a report's memory) with megabytes.
QUOTE_SHOWN = 1000


def render(report: Report, **options) -> str:
    return "".join(pieces(report, **options))


def pieces(report: Report, *, color: bool = False, jobs: int = 1, show_unchecked: bool = False,
           **_options) -> Iterator[str]:
    """The report a finding at a time; with `jobs`, forked processes write shares of many findings.
    `show_unchecked` lists the claims no rule related to another claim."""
    paint = _painter(color)
    for p in report.ordered_problems:
        yield f"{visible_path(p.location)}: {paint('problem', 'problem')}: {visible(p.message)}\n"
    jobs = parallel.corpus_jobs(jobs, len(report.corpus.claims))
    yield from parallel.imap(functools.partial(_written, paint=paint), report.ordered, jobs=jobs,
                             per_job=FINDINGS_PER_JOB)
    if show_unchecked:
        for c in report.unchecked:
            where = visible_path(c.location) if c.location else "-"
            yield (f"{where}: {paint('unchecked', 'dim')}: {visible(c.ref)} = {visible(repr(c.value.text))}: no "
                   f"rule related it to another claim (a second source or a [[check]] would)\n")
    yield paint(summary_line(report), "bold") + "\n"


def _written(f: Finding, paint) -> str:
    return "".join(line + "\n" for line in _finding(f, paint))


def _finding(f: Finding, paint) -> list[str]:
    where = f.location
    label = f"{f.severity}[{f.id}]"
    tag = paint(label, f.severity) + (" (acknowledged)" if f.acknowledged else "")
    return [f"{visible_path(where or '-')}: {tag} {visible(f.message)}", *(f"    {line}" for line in details(f, paint))]


def _shortened(quote: str) -> str:
    if len(quote) <= QUOTE_SHOWN:
        return quote
    return f"{quote[:QUOTE_SHOWN]}… ({len(quote):,} characters)"


def details(f: Finding, paint=None) -> list[str]:
    """The claims, the two sides under the reading that failed, and the rates: the computation,
    a line each, with the text taken from claim files made `visible`."""
    paint = paint or _painter(False)
    lines = []
    for c in f.claims:
        quote = f"  “{visible(_shortened(c.quote))}”" if c.quote else ""
        lines.append(f"{visible(c.ref)} = {visible(repr(c.value.text))}{paint(quote, 'dim')}")
    reading = "loose" if f.severity == "error" else "strict"
    label = reading_label(reading, f.tolerance)
    for s in f.sides:
        lines.append(visible(f"{label}: {s.label} = {getattr(s, reading)}"))
    for r in f.rates:
        lines.append(visible(f"rate: {r}"))
    for r in f.agreed:
        lines.append(visible(f"agrees loosely at: {r}"))
    return lines


def plain(f: Finding) -> str:
    """A finding in one message without colour, a line each for the message and its details,
    control characters escaped: for annotations, tables and test reports."""
    return "\n".join([visible(f.message), *details(f)])


def summary_line(report: Report) -> str:
    s = report.summary
    skipped = sum(s["skipped"].values())
    def plural(n: int, word: str) -> str:
        return f"{n} {word}{'' if n == 1 else 's'}"
    text = (f"{plural(s['files'], 'file')}, {plural(s['claims'], 'claim')}, {plural(s['checks'], 'check')}: "
            f"{plural(s['errors'], 'error')}, {plural(s['warnings'], 'warning')}, "
            f"{s['acknowledged']} acknowledged, {skipped} skipped, {plural(s['problems'], 'problem')}, "
            f"{s['unchecked']} unchecked")
    return text


def _painter(color: bool):
    def paint(text: str, style: str) -> str:
        return f"{_COLOURS[style]}{text}{_RESET}" if color and text else text
    return paint
