"""SARIF 2.1.0 for code scanning (GitHub, GitLab, Azure DevOps).

Fingerprints come from the rule id and what the finding is about (its fact key
or check), never from line numbers, so a finding keeps its identity when the
claim file above it changes. Acknowledged findings are results with an in-source
suppression; problems (input that could not be used) are results of their own rule.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from verify import __version__
from verify.findings import Finding
from verify.model import Location, Problem
from verify.report import as_json
from verify.report.report import Report

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/verify-claims/"
PROBLEM_RULE = "input-problem"


def render(report: Report, **_options) -> str:
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
        results.append(_result(f, i))
    for p in report.problems:
        i = index(PROBLEM_RULE, _problem_descriptor)
        results.append(_problem(p, i))
    run = {
        "tool": {"driver": {"name": "verify", "version": __version__, "semanticVersion": __version__,
                            "informationUri": INFORMATION_URI, "rules": descriptors}},
        "results": results,
        "invocations": [{"executionSuccessful": True}],
        "properties": {"summary": report.summary},
    }
    document = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    # Compact: only tools read SARIF, and json's C encoder takes no indent.
    return json.dumps(document, ensure_ascii=False) + "\n"


def _descriptor(f: Finding, report: Report, note: str | None) -> dict[str, Any]:
    from verify.rules.catalogue import describe

    info = describe(f.id, f.rule, report.config, note)
    full = info.explain or info.summary
    help_text = f"{full}\n\nExample:\n{info.example}" if info.example else full
    return {
        "id": f.id,
        "name": _pascal(f.id),
        "shortDescription": {"text": info.summary},
        "fullDescription": {"text": full},
        "help": {"text": help_text, "markdown": f"{full}\n\n**Example**\n\n```\n{info.example}\n```"
                 if info.example else full},
        "defaultConfiguration": {"level": "error"},
        "properties": {"family": f.rule, "tags": ["consistency", f.rule]},
    }


def _problem_descriptor() -> dict[str, Any]:
    text = "A claim file (or part of one) that could not be read; the message says what to write instead."
    return {"id": PROBLEM_RULE, "name": "InputProblem", "shortDescription": {"text": "Input that could not be used"},
            "fullDescription": {"text": text}, "defaultConfiguration": {"level": "error"}}


def _result(f: Finding, rule_index: int) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": f.id,
        "ruleIndex": rule_index,
        "level": f.severity,
        "message": {"text": f.message},
        "locations": [_location(f.location)] if f.location else [],
        "partialFingerprints": {"verifyFinding/v1": _fingerprint(f.id, f.key)},
        "properties": {
            "family": f.rule,
            "strict": {"sides": [as_json.side(s, "strict") for s in f.sides]},
            "loose": {"sides": [as_json.side(s, "loose") for s in f.sides]},
            "rates": as_json.rates(f),
        },
    }
    related = [c for c in f.claims if c.location is not None]
    if related:
        result["relatedLocations"] = [
            {**_location(c.location, id=n), "message": {"text": f"{c.ref} = {c.value.text!r}"}}
            for n, c in enumerate(related)
        ]
    if f.acknowledged:
        result["suppressions"] = [{"kind": "inSource", "status": "accepted"}]
    return result


def _problem(p: Problem, rule_index: int) -> dict[str, Any]:
    return {
        "ruleId": PROBLEM_RULE,
        "ruleIndex": rule_index,
        "level": "error",
        "message": {"text": p.message},
        "locations": [_location(p.location)],
        "partialFingerprints": {"verifyFinding/v1": _fingerprint(PROBLEM_RULE, f"{p.location.file}:{p.message}")},
    }


def _location(where: Location, **extra) -> dict[str, Any]:
    region: dict[str, Any] = {}
    if where.line:
        region["startLine"] = where.line
        if where.column:
            region["startColumn"] = where.column
    physical: dict[str, Any] = {"artifactLocation": {"uri": _uri(where.file)}}
    if region:
        physical["region"] = region
    return {**extra, "physicalLocation": physical}


def _uri(file: str) -> str:
    path = Path(file)
    return path.as_uri() if path.is_absolute() else path.as_posix()


def _fingerprint(rule_id: str, key: str) -> str:
    return hashlib.sha256(f"{rule_id}\0{key}".encode()).hexdigest()


def _pascal(rule_id: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in rule_id.replace("-", "_").replace(".", "_").split("_"))
