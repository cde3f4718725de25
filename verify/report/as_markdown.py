"""Markdown for pull-request comments and job summaries: a summary line and a table."""

from __future__ import annotations

import re

from verify.report import as_text
from verify.report.escape import visible
from verify.report.report import Report

HEADER = "| | Rule | Where | Finding |\n|---|---|---|---|\n"
ICONS = {"error": "❌", "warning": "⚠️", "notice": "✅", "problem": "🚫"}


def render(report: Report, **_options) -> str:
    s = report.summary
    lines = [f"**verify**: {as_text.summary_line(report)}", ""]
    rows = [row("problem", p.location, "problem", p.message) for p in report.ordered_problems]
    rows += [row("notice" if f.acknowledged else f.severity, f.location,
                 f"{f.id}" + (" (acknowledged)" if f.acknowledged else ""), as_text.plain(f))
             for f in report.ordered]
    if rows:
        lines.append(HEADER + "\n".join(rows))
    elif not s["problems"]:
        lines.append("No discrepancies found.")
    return "\n".join(lines) + "\n"


def row(kind: str, where, title: str, message: str) -> str:
    """A table row; `message` may span lines (each becomes a <br>-separated line of the cell)."""
    place = code(str(where)) if where is not None else ""
    return f"| {ICONS.get(kind, '')} {kind} | {code(title)} | {place} | {_cell(message)} |"


# Backslash-escaped wherever they stand, so that a cell shows what the claim file says:
# `|` ends a cell (inside code spans too), `$` opens math on GitHub, the rest is inline markup.
_MARKUP = re.compile(r"([\\`*_\[\]<>|!~$&])")


def _cell(text: str) -> str:
    return "<br>".join(_MARKUP.sub(r"\\\1", visible(line)) for line in text.split("\n"))


def code(text: str) -> str:
    """A code span holding `text` whatever backticks it has (a fence longer than any run of
    them), its pipes escaped as a table requires and its control characters made visible."""
    text = visible(text).replace("|", "\\|")
    if not text:
        return ""
    fence = "`" * (max(map(len, re.findall("`+", text)), default=0) + 1)
    # CommonMark takes one space off each end of a span that has one at both (unless it is
    # all spaces): pad with one where the text begins or ends with a space or a backtick.
    pad = " " if text.strip(" ") and (text[0] in " `" or text[-1] in " `") else ""
    return f"{fence}{pad}{text}{pad}{fence}"
