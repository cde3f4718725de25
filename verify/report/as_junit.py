"""JUnit XML: one test case per check the rules ran, a failure for each finding.

CI dashboards (GitLab, Jenkins, Azure) count these as tests, so a run shows
how much was checked as well as what failed. Findings are matched to their
check by key; acknowledged findings are skipped test cases; problems are errors.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict

from verify.report import as_text
from verify.report.report import Report


def render(report: Report, **_options) -> str:
    by_key = defaultdict(list)
    for f in report.findings:
        by_key[f.key].append(f)
    suites = ET.Element("testsuites", name="verify")
    families: dict[str, list[tuple[str, list]]] = defaultdict(list)
    for family, key in report.ran:
        families[family].append((key, by_key.pop(key, [])))
    for key, findings in by_key.items():  # findings without a counted run (stale acknowledgements)
        families[findings[0].rule].append((key, findings))
    if report.problems:
        families["problems"] = []
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for family, cases in families.items():
        suite = ET.SubElement(suites, "testsuite", name=family)
        counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
        for key, findings in cases:
            case = ET.SubElement(suite, "testcase", classname=f"verify.{family}", name=key)
            _where(case, findings)
            counts["tests"] += 1
            for f in findings:
                if f.acknowledged:
                    ET.SubElement(case, "skipped", message=f"acknowledged: {f.message}")
                    counts["skipped"] += 1
                else:
                    failure = ET.SubElement(case, "failure", message=f.message, type=f"{f.severity}[{f.id}]")
                    failure.text = as_text.plain(f)
                    counts["failures"] += 1
        if family == "problems":
            for p in report.problems:
                case = ET.SubElement(suite, "testcase", classname="verify.problems", name=str(p.location),
                                     file=p.location.file)
                if p.location.line:
                    case.set("line", str(p.location.line))
                ET.SubElement(case, "error", message=p.message, type="problem").text = str(p)
                counts["tests"] += 1
                counts["errors"] += 1
        for name, value in counts.items():
            suite.set(name, str(value))
            totals[name] += value
    for name, value in totals.items():
        suites.set(name, str(value))
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"


def _where(case: ET.Element, findings: list) -> None:
    location = findings[0].location if findings else None
    if location is not None:
        case.set("file", location.file)
        if location.line:
            case.set("line", str(location.line))
