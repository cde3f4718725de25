"""JUnit XML: one test case per check the rules ran, a failure for each finding.

CI dashboards (GitLab, Jenkins, Azure) count these as tests, so a run shows
how much was checked as well as what failed. Findings are matched to their
check by key; acknowledged findings are skipped test cases; problems are errors.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter, defaultdict

from verify.model import Location, Problem
from verify.report import as_text
from verify.report.report import Report

COUNTS = ("tests", "failures", "errors", "skipped")


def render(report: Report, **_options) -> str:
    by_key = defaultdict(list)
    for f in report.findings:
        by_key[f.key].append(f)
    families: dict[str, list[tuple[str, list]]] = defaultdict(list)
    for family, keys in report.ran.items():
        families[family].extend((key, by_key.pop(key, [])) for key in keys)
    for key, findings in by_key.items():  # findings without a counted run (stale acknowledgements)
        families[findings[0].rule].append((key, findings))
    suites = ET.Element("testsuites", name="verify")
    totals = Counter()
    for family, cases in families.items():
        suite = ET.SubElement(suites, "testsuite", name=family)
        for key, findings in cases:
            totals += _finding_case(suite, family, key, findings)
    if report.problems:
        suite = ET.SubElement(suites, "testsuite", name="problems")
        for p in report.problems:
            totals += _problem_case(suite, p)
    for name in COUNTS:
        suites.set(name, str(totals[name]))
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"


def _finding_case(suite: ET.Element, family: str, key: str, findings: list) -> Counter:
    case = ET.SubElement(suite, "testcase", classname=f"verify.{family}", name=key)
    _where(case, findings[0].location if findings else None)
    counts = Counter(tests=1)
    for f in findings:
        if f.acknowledged:
            ET.SubElement(case, "skipped", message=f"acknowledged: {f.message}")
            counts["skipped"] += 1
        else:
            failure = ET.SubElement(case, "failure", message=f.message, type=f"{f.severity}[{f.id}]")
            failure.text = as_text.plain(f)
            counts["failures"] += 1
    return _counted(suite, counts)


def _problem_case(suite: ET.Element, p: Problem) -> Counter:
    case = ET.SubElement(suite, "testcase", classname="verify.problems", name=str(p.location))
    _where(case, p.location)
    ET.SubElement(case, "error", message=p.message, type="problem").text = str(p)
    return _counted(suite, Counter(tests=1, errors=1))


def _counted(suite: ET.Element, counts: Counter) -> Counter:
    """Add a case's counts to its suite's attributes; return them for the totals."""
    for name in COUNTS:
        suite.set(name, str(int(suite.get(name, "0")) + counts[name]))
    return counts


def _where(case: ET.Element, location: Location | None) -> None:
    if location is not None:
        case.set("file", location.file)
        if location.line:
            case.set("line", str(location.line))
