from rulekit import claim, only, run

from verify.rules.change import ChangeRule

RULES = [ChangeRule()]

LEVELS = (claim("start", "share_price", "$85 per share", as_of="2025-01-01")
          + claim("now", "share_price", "$144 per share", as_of="2025-02-24"))


def test_a_consistent_percent_change_is_silent(tmp_path):
    # 144 / 85 - 1 = 69.4%; strict [143.5/85.5, 144.5/84.5] - 1 = [67.8%, 71.0%]
    report = run(tmp_path, ("a", LEVELS + claim("ytd", "share_price", "up 69%", change="percent", since="ytd",
                                                 as_of="2025-02-24")), rules=RULES)
    assert report.findings == () and report.checks == 1


def test_an_impossible_percent_change_is_an_error(tmp_path):
    # "nearly 30%" loosely [25.5%, 30.6%]; the levels loosely (±2%): [141.12/86.7, 146.88/83.3] - 1
    # = [62.8%, 76.3%]
    report = run(tmp_path, ("a", LEVELS + claim("ytd", "share_price", "nearly 30%", change="percent",
                                                 since="ytd", as_of="2025-02-24")), rules=RULES)
    [finding] = only(report, "change")
    assert finding.severity == "error"
    assert [c.ref for c in finding.claims] == ["a.ytd", "a.now", "a.start"]
    assert finding.sides[1].label == "a.now / a.start - 1"


def test_nearly_60_against_85_to_144_fails_strictly(tmp_path):
    # strict: "nearly 60%" is [57, 60]; the levels give [67.8%, 71.0%]: apart.
    # loose: [51, 61.2] against [62.8%, 76.3%] (each level ±2%): still apart: an error.
    report = run(tmp_path, ("a", LEVELS + claim("ytd", "share_price", "nearly 60%", change="percent",
                                                 since="ytd", as_of="2025-02-24")), rules=RULES)
    [finding] = only(report, "change")
    assert finding.severity == "error"


def test_hedged_levels_can_make_it_a_warning(tmp_path):
    # With "around" on both prices, loosely ±10%: 129.6/93.5 - 1 = 38.6% up to 107%: overlaps.
    levels = LEVELS.replace('"$85 per share"', '"around $85 per share"').replace(
        '"$144 per share"', '"around $144 per share"')
    report = run(tmp_path, ("a", levels + claim("ytd", "share_price", "nearly 60%", change="percent",
                                                 since="ytd", as_of="2025-02-24")), rules=RULES)
    [finding] = only(report, "change")
    assert finding.severity == "warning"


def test_absolute_and_flow_changes(tmp_path):
    # flows: the default baseline is the same period a year before
    report = run(tmp_path, ("a",
                            claim("q4_24", "revenue", "$38.4 billion", period="2024-Q4")
                            + claim("q4_23", "revenue", "$35.6 billion", period="2023-Q4")
                            + claim("growth", "revenue", "up 8%", change="percent", period="2024-Q4")
                            + claim("gain", "revenue", "$2.8 billion", change="absolute", period="2024-Q4")
                            + claim("wrong", "revenue", "down 8%", change="percent", period="2024-Q4")),
                 rules=RULES)
    # 38.4/35.6 - 1 = 7.9%: "up 8%" holds; 38.4 - 35.6 = 2.8: holds; "down 8%" cannot
    assert [(f.claims[0].id, f.severity) for f in report.findings] == [("wrong", "error")]
    assert report.checks == 3


def test_a_change_without_both_levels_is_skipped(tmp_path):
    report = run(tmp_path, ("a", claim("growth", "revenue", "up 8%", change="percent", period="2024-Q4")),
                 rules=RULES)
    assert report.findings == () and report.skipped == {"change": 1}


def test_changes_across_currencies_convert_the_baseline(tmp_path):
    # 2024-Q4 in USD against 2023-Q4 in CNY (RMB 260.3bn at 2023-12-29's 7.8509/1.1050 = $36.6bn): +4.9%
    report = run(tmp_path, ("a",
                            claim("q4_24", "revenue", "$38.4 billion", period="2024-Q4")
                            + claim("q4_23", "revenue", "RMB ¥260.3bn", period="2023-Q4")
                            + claim("growth", "revenue", "up 30%", change="percent", period="2024-Q4")),
                 rules=RULES)
    [finding] = report.findings
    assert finding.severity == "error" and finding.rates[0].on.isoformat() == "2023-12-29"
