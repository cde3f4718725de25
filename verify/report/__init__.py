"""Reports: the outcome of a run, and its renderings (one module per format).

Formats are imported when first used, so that a run pays only for its own.
"""

from __future__ import annotations

import importlib

from verify.report.report import Report

FORMAT_MODULES = {
    "text": "as_text",
    "json": "as_json",
    "sarif": "as_sarif",
    "github": "as_github",
    "junit": "as_junit",
    "markdown": "as_markdown",
}


def renderer(format: str):
    return importlib.import_module(f"verify.report.{FORMAT_MODULES[format]}").render


__all__ = ["FORMAT_MODULES", "Report", "renderer"]
