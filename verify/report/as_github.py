"""GitHub Actions workflow commands: one annotation per finding and problem.

GitHub shows at most 10 annotations of each type per step; past that, the rest
are listed in the job summary ($GITHUB_STEP_SUMMARY) so that none is lost.
Acknowledged findings are notices.
"""

from __future__ import annotations

from verify.findings import Finding
from verify.report import as_markdown, as_text
from verify.report.escape import visible
from verify.report.report import Report

CAP = 10  # annotations of one type per step


def render(report: Report, **_options) -> str:
    shown, _ = _split(report)
    lines = [_command(kind, where, title, message) for kind, where, title, message in shown]
    lines.append(as_text.summary_line(report))
    return "\n".join(lines) + "\n"


def overflow(report: Report) -> str | None:
    """Markdown for the job summary: the annotations past the cap, or None if all were shown."""
    _, rest = _split(report)
    if not rest:
        return None
    rows = [as_markdown.row(kind, where, title, message) for kind, where, title, message in rest]
    return (f"### verify: {len(rest)} more annotations than GitHub shows\n\n"
            + as_markdown.HEADER + "\n".join(rows) + "\n\n")


def _split(report: Report):
    """(annotations to emit, annotations past the cap), each as (type, location, title, message)."""
    items = [("error", p.location, "verify: problem", visible(p.message)) for p in report.ordered_problems]
    items += [_item(f) for f in report.ordered]
    shown, rest, counts = [], [], {}
    for item in items:
        counts[item[0]] = counts.get(item[0], 0) + 1
        (shown if counts[item[0]] <= CAP else rest).append(item)
    return shown, rest


def _item(f: Finding):
    kind = "notice" if f.acknowledged else f.severity
    title = f"verify {visible(f.id)}" + (" (acknowledged)" if f.acknowledged else "")
    return kind, f.location, title, as_text.plain(f)


def _command(kind: str, where, title: str, message: str) -> str:
    props = []
    if where is not None:
        props.append(f"file={_property(visible(where.file))}")
        if where.line:
            props.append(f"line={where.line}")
        if where.column:
            props.append(f"col={where.column}")
    props.append(f"title={_property(title)}")
    return f"::{kind} {','.join(props)}::{_data(message)}"


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")
