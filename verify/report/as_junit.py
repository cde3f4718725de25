"""JUnit XML: one test case per check the rules ran, a failure for each finding.

CI dashboards (GitLab, Jenkins, Azure) count these as tests, so a run shows
how much was checked as well as what failed. Findings are matched to their
check by key; acknowledged findings are skipped test cases; problems are errors.
The document keeps to the strictest reading of the format, the junit-10 schema of
Jenkins' xUnit plugin: no attributes beyond it (a finding's file and line open its
failure text), a `time` everywhere (checks are not timed one by one: theirs is 0,
the run's is on the root), and no character XML 1.0 forbids (text from claim files
is escaped as in the text report).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter, defaultdict

from verify.model import Problem
from verify.report import as_text
from verify.report.escape import visible, visible_path
from verify.report.report import Report

SUITE_COUNTS = ("tests", "failures", "errors", "skipped")
ROOT_COUNTS = ("tests", "failures", "errors")  # the schema has no `skipped` on the root
UNTIMED = "0"


def render(report: Report, *, elapsed: float | None = None, **_options) -> str:
    by_key = defaultdict(list)
    for f in report.findings:
        by_key[f.key].append(f)
    families: dict[str, list[tuple[str, list]]] = defaultdict(list)
    for family, keys in report.ran.items():
        families[family].extend((key, by_key.pop(key, [])) for key in keys)
    for key, findings in by_key.items():  # findings without a counted run (stale acknowledgements)
        families[findings[0].rule].append((key, findings))
    suites = ET.Element("testsuites", name="verify")
    totals: Counter = Counter()
    for family, cases in families.items():
        suite = _suite(suites, family)
        for key, findings in cases:
            totals += _finding_case(suite, family, key, findings)
    if report.problems:
        suite = _suite(suites, "problems")
        for p in report.problems:
            totals += _problem_case(suite, p)
    for name in ROOT_COUNTS:
        suites.set(name, str(totals[name]))
    suites.set("time", f"{elapsed:.3f}" if elapsed is not None else UNTIMED)
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"


def _suite(suites: ET.Element, name: str) -> ET.Element:
    return ET.SubElement(suites, "testsuite", name=visible(name), time=UNTIMED,
                         **{count: "0" for count in SUITE_COUNTS})


def _finding_case(suite: ET.Element, family: str, key: str, findings: list) -> Counter:
    case = ET.SubElement(suite, "testcase", classname=f"verify.{visible(family)}", name=visible(key), time=UNTIMED)
    counts = Counter(tests=1)
    for f in findings:
        message = visible(f.message)
        if f.acknowledged:
            ET.SubElement(case, "skipped", message=f"acknowledged: {message}")
            counts["skipped"] += 1
        else:
            failure = ET.SubElement(case, "failure", message=message, type=f"{f.severity}[{visible(f.id)}]")
            failure.text = f"{visible_path(f.location or '-')}: {as_text.plain(f)}"
            counts["failures"] += 1
    return _counted(suite, counts)


def _problem_case(suite: ET.Element, p: Problem) -> Counter:
    where = visible_path(p.location)
    case = ET.SubElement(suite, "testcase", classname="verify.problems", name=where, time=UNTIMED)
    ET.SubElement(case, "error", message=visible(p.message), type="problem").text = f"{where}: {visible(p.message)}"
    return _counted(suite, Counter(tests=1, errors=1))


def _counted(suite: ET.Element, counts: Counter) -> Counter:
    """Add a case's counts to its suite's attributes; return them for the totals."""
    for name in SUITE_COUNTS:
        suite.set(name, str(int(suite.get(name, "0")) + counts[name]))
    return counts
