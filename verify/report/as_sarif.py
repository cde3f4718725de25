"""SARIF 2.1.0 for code scanning (GitHub, GitLab, Azure DevOps).

GitHub tells one alert from another by repository, file path, rule id and the
result's `primaryLocationLineHash` (which its upload action computes from the text
of the flagged line only when the result carries none). Ours comes from the rule id
and what the finding is about (its fact key or check), never from the line, so an
alert stays the same alert when its claim moves within its file. Paths are relative
to the repository root (`%SRCROOT%`) and percent-encoded. Acknowledged findings are
results with an in-source suppression; problems (input that could not be used) are
results of their own rule.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any
from urllib.parse import quote

from verify import __version__
from verify.findings import Finding
from verify.model import Location, Problem
from verify.report import as_json
from verify.report.escape import json_text
from verify.report.report import Report

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/verify-claims/"
HELP_URI = INFORMATION_URI + "#description"  # the README: every rule, and `verify explain RULE`
PROBLEM_RULE = "input-problem"
SRCROOT = "%SRCROOT%"


def render(report: Report, *, root: str | None = None, **_options) -> str:
    """The SARIF log; paths are written relative to `root` (default: the repository holding the
    working directory, else the working directory)."""
    base = Path(root) if root else repository_root(Path.cwd())
    rules: dict[str, int] = {}
    descriptors: list[dict[str, Any]] = []

    def index(rule_id: str, descriptor) -> int:
        if rule_id not in rules:
            rules[rule_id] = len(descriptors)
            descriptors.append(descriptor())
        return rules[rule_id]

    notes = {c.id: c.note for c in report.corpus.checks}
    results = []
    for f in report.findings:
        i = index(f.id, lambda f=f: _descriptor(f, report, notes.get(f.id)))
        results.append(_result(f, i, base))
    for p in report.problems:
        i = index(PROBLEM_RULE, _problem_descriptor)
        results.append(_problem(p, i, base))
    run = {
        "tool": {"driver": {"name": "verify", "version": __version__, "semanticVersion": __version__,
                            "informationUri": INFORMATION_URI, "rules": descriptors}},
        "originalUriBaseIds": {SRCROOT: {"uri": base.absolute().as_uri().rstrip("/") + "/"}},
        "results": results,
        "invocations": [{"executionSuccessful": True}],
        "properties": {"summary": report.summary},
    }
    document = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    # Compact: only tools read SARIF, and json's C encoder takes no indent.
    return json_text(json.dumps(document, ensure_ascii=False)) + "\n"


def _descriptor(f: Finding, report: Report, note: str | None) -> dict[str, Any]:
    from verify.rules.catalogue import describe

    info = describe(f.id, f.rule, report.config, note)
    full = info.explain or info.summary
    help_text = f"{full}\n\nExample:\n{info.example}" if info.example else full
    name = _pascal(f.id)
    return {
        "id": f.id,
        # SARIF wants a readable name unlike the id, or none (multitool SARIF1001 compares ignoring case)
        **({"name": name} if name.lower() != f.id.lower() else {}),
        "shortDescription": {"text": info.summary},
        "fullDescription": {"text": full},
        "help": {"text": help_text, "markdown": f"{full}\n\n**Example**\n\n```\n{info.example}\n```"
                 if info.example else full},
        "helpUri": HELP_URI,
        "defaultConfiguration": {"level": "error"},
        "properties": {"family": f.rule, "tags": ["consistency", f.rule]},
    }


def _problem_descriptor() -> dict[str, Any]:
    text = ("A claim file (or part of one), the config, a rule pack or the rates could not be used; "
            "the message says where and what to write instead. Until it is fixed, the claims it holds "
            "are not checked.")
    return {"id": PROBLEM_RULE, "name": "InputProblem", "shortDescription": {"text": "Input that could not be used"},
            "fullDescription": {"text": text}, "help": {"text": text, "markdown": text}, "helpUri": HELP_URI,
            "defaultConfiguration": {"level": "error"}}


def _result(f: Finding, rule_index: int, base: Path) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": f.id,
        "ruleIndex": rule_index,
        "level": f.severity,
        "message": {"text": f.message},
        "locations": [_location(f.location, base)] if f.location else [],
        "partialFingerprints": _fingerprints(f.id, f.key),
        "properties": {
            "family": f.rule,
            "strict": as_json.reading(f, "strict"),
            "loose": as_json.reading(f, "loose"),
            "rates": as_json.rates(f),
        },
    }
    related = [(c.location, f"{c.ref} = {c.value.text!r}") for c in f.claims if c.location is not None]
    if f.in_text is not None:
        related.append((f.in_text, "the place in the article's text"))
    if related:
        result["relatedLocations"] = [{**_location(where, base, id=n), "message": {"text": text}}
                                      for n, (where, text) in enumerate(related)]
    if f.acknowledged:
        result["suppressions"] = [{"kind": "inSource", "status": "accepted"}]
    return result


def _problem(p: Problem, rule_index: int, base: Path) -> dict[str, Any]:
    return {
        "ruleId": PROBLEM_RULE,
        "ruleIndex": rule_index,
        "level": "error",
        "message": {"text": p.message},
        "locations": [_location(p.location, base)],
        "partialFingerprints": _fingerprints(PROBLEM_RULE, f"{p.location.file}:{p.message}"),
    }


def _location(where: Location, base: Path, **extra) -> dict[str, Any]:
    region: dict[str, Any] = {}
    if where.line:
        region["startLine"] = where.line
        if where.column:
            region["startColumn"] = where.column
    physical: dict[str, Any] = {"artifactLocation": artifact(where.file, base)}
    if region:
        physical["region"] = region
    return {**extra, "physicalLocation": physical}


def repository_root(start: Path) -> Path:
    """The nearest folder at or above `start` holding `.git` (a folder, or a worktree's file),
    else `start`: what code scanning resolves relative paths against."""
    start = start.absolute()
    return next((folder for folder in (start, *start.parents) if (folder / ".git").exists()), start)


def artifact(file: str, base: Path) -> dict[str, str]:
    """An artifactLocation: a percent-encoded path relative to `base` (%SRCROOT%), or an
    absolute file URI for a file outside it."""
    path = Path(os.path.abspath(file))
    try:
        relative = path.relative_to(base.absolute())
    except ValueError:
        return {"uri": path.as_uri()}
    return {"uri": quote(relative.as_posix(), safe="/", errors="surrogateescape"), "uriBaseId": SRCROOT}


def _fingerprints(rule_id: str, key: str) -> dict[str, str]:
    digest = hashlib.sha256(f"{rule_id}\0{key}".encode("utf-8", "surrogatepass")).hexdigest()
    # GitHub keys alerts on primaryLocationLineHash; the other name is ours, for other consumers.
    return {"primaryLocationLineHash": digest, "verifyFinding/v1": digest}


def _pascal(rule_id: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in rule_id.replace("-", "_").replace(".", "_").split("_"))
