"""GitHub Actions workflow commands: one annotation per finding and problem.

GitHub shows at most 10 annotations of each type per step; past that, the rest
are printed to the log as plain lines and listed in the job summary
($GITHUB_STEP_SUMMARY), which GitHub drops whole past 1 MiB: the list there stops
short of that, with a note of how many were left out and where they all are.
Acknowledged findings are notices.
"""

from __future__ import annotations

from verify.findings import Finding
from verify.report import as_markdown, as_text
from verify.report.escape import visible, visible_path
from verify.report.report import Report

CAP = 10  # annotations of one type per step
SUMMARY_LIMIT = 1024 * 1024  # bytes of a step summary GitHub keeps; over it, none of it shows


def render(report: Report, **_options) -> str:
    shown, rest = _split(report)
    lines = [_command(kind, where, title, message) for kind, where, title, message in shown]
    if rest:
        lines.append(f"verify: {len(rest)} more than GitHub annotates:")
        for kind, where, title, message in rest:
            first, *details = message.split("\n")
            lines.append(f"{visible_path(where or '-')}: {kind}[{title}] {first}")
            lines.extend(f"    {line}" for line in details)
    lines.append(as_text.summary_line(report))
    return "\n".join(lines) + "\n"


def overflow(report: Report, budget: int = SUMMARY_LIMIT, elsewhere: tuple[str, ...] = (),
             logged: bool = True) -> str | None:
    """Markdown for the job summary: the annotations past the cap, in at most `budget` bytes
    of UTF-8, or None if all were annotated. For the note on what did not fit: `elsewhere`,
    the files the run wrote its reports to, and `logged`, whether this one went to the log."""
    _, rest = _split(report)
    if not rest:
        return None
    where = ", ".join(["this step's log"] * logged + [as_markdown.code(path) for path in elsewhere])
    head = f"### verify: {len(rest)} more annotations than GitHub shows\n\n" + as_markdown.HEADER
    room = (budget - len(head.encode("utf-8", "surrogatepass"))
            - len(_note(len(rest), len(rest), where).encode("utf-8", "surrogatepass")) - 1)
    rows: list[str] = []
    for kind, location, title, message in rest:
        row = as_markdown.row(kind, location, title, message) + "\n"
        room -= len(row.encode("utf-8", "surrogatepass"))
        if room < 0:
            break
        rows.append(row)
    cut = len(rest) - len(rows)
    text = (head + "".join(rows) + "\n" if rows else "") + (_note(cut, len(rest), where) if cut else "")
    return text if len(text.encode("utf-8", "surrogatepass")) <= budget else None


def _note(cut: int, total: int, where: str) -> str:
    return (f"**{cut} of the {total} are not listed here**: GitHub drops a step summary over 1 MiB. "
            f"All of them are in {where}.\n\n")


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
