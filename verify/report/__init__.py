"""Reports: the outcome of a run, and its renderings (one module per format)."""

from verify.report import as_json, as_text
from verify.report.report import Report

FORMATS = {
    "text": as_text.render,
    "json": as_json.render,
}

__all__ = ["FORMATS", "Report"]
