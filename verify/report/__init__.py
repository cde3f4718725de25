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
    "html": "as_html",
}


def renderer(format: str):
    return importlib.import_module(f"verify.report.{FORMAT_MODULES[format]}").render


def pieces(format: str):
    """The renderer of `format` as an iterable of text pieces, to write as they come.

    The formats whose report grows with the corpus (json, text) yield a finding at a
    time, so that a large report is never held whole; the others yield one piece.
    """
    module = importlib.import_module(f"verify.report.{FORMAT_MODULES[format]}")
    return getattr(module, "pieces", None) or (lambda report, **options: (module.render(report, **options),))


__all__ = ["FORMAT_MODULES", "Report", "pieces", "renderer"]
