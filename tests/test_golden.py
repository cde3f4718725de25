"""The whole JSON report of a small corpus (tests/golden/claims), pinned.

The corpus holds one discrepancy of each rule family, computed by hand in its
comments, beside consistent neighbours that must stay silent. Any change to the
report shows up here as a diff to review. After a deliberate change, rewrite the
pinned file with VERIFY_UPDATE_GOLDEN=1 and read the diff before committing.
"""

import json
import os
from pathlib import Path

import pytest

from verify.cli import main

GOLDEN = Path(__file__).parent / "golden"


def test_the_golden_report_is_unchanged(monkeypatch, capsys):
    monkeypatch.chdir(GOLDEN)
    assert main(["claims", "--format", "json"]) == 1
    produced = capsys.readouterr().out
    pinned = GOLDEN / "report.json"
    if os.environ.get("VERIFY_UPDATE_GOLDEN"):
        pinned.write_text(produced, encoding="utf-8")
        pytest.fail("golden report rewritten: review its diff, then run again without VERIFY_UPDATE_GOLDEN")
    assert json.loads(produced) == json.loads(pinned.read_text(encoding="utf-8"))


def test_the_golden_corpus_has_one_discrepancy_per_rule_family():
    report = json.loads((GOLDEN / "report.json").read_text(encoding="utf-8"))
    found = sorted((f["id"], f["severity"], f["acknowledged"]) for f in report["findings"])
    assert found == [
        ("agreement", "error", False),  # alpha: $48.4bn against RMB 280.2bn = €36.96bn
        ("agreement", "error", False),  # beta: "up 150%" against "up nearly 70%"
        ("change", "error", False),  # "up 150%" against 144 / 85 - 1 = +69%
        ("identity.market_cap", "error", False),  # $144 × 3.00bn shares = $432bn, not $342bn
        ("period-sum", "error", False),  # 300 + 250 + 250 + 280.2 = 1,080.2, not 1,000.0
        ("quote.missing", "error", False),  # "a third player": the article says "a third company"
        ("quote.value", "error", False),  # 40%, where the quote says 14%
        ("share.total", "error", False),  # 45 + 40 + 25 = 110%
        ("share_of_market", "error", False),  # 45% of $90bn, not $4.3bn
        ("unit.employees", "error", True),  # "$194,000" employees, acknowledged
    ]
    assert report["summary"]["problems"] == 0
