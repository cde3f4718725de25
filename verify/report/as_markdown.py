"""Markdown for pull-request comments and job summaries: a summary line and a table."""

from __future__ import annotations

from verify.report import as_text
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
    place = f"`{where}`" if where is not None else ""
    return f"| {ICONS.get(kind, '')} {kind} | `{_cell(title)}` | {place} | {_cell(message)} |"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", "<br>")
