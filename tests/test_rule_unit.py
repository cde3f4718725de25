from rulekit import claim, only, run

from verify.rules.unit import UnitRule

RULES = [UnitRule()]


def test_dimensions_that_fit_their_metric_are_silent(tmp_path):
    report = run(tmp_path, ("a", claim("rev", "revenue", "$38.4 billion", period="2024-Q4")
                            + claim("staff", "employees", "over 194,000 employees")
                            + claim("bare", "employees", "194,000")
                            + claim("price", "share_price", "$144 per share")
                            + claim("share", "market_share", "4%", period="2024-Q4")
                            + claim("rank", "market_share_rank", "fourth largest", period="2024-Q4")
                            + claim("growth", "revenue", "up 8%", change="percent", period="2024-Q4")
                            + claim("custom", "widgets_made", "5 km")), rules=RULES)
    assert report.findings == ()
    assert report.checks == 7 and report.skipped == {"unit": 1}


def test_dimensions_that_do_not_fit_are_errors(tmp_path):
    report = run(tmp_path, ("a", claim("rev", "revenue", "8%", period="2024-Q4")
                            + claim("staff", "employees", "194,000 shares")
                            + claim("growth", "revenue", "$5 billion", change="percent", period="2024-Q4")),
                 rules=RULES)
    messages = sorted(f.message for f in only(report, "unit"))
    assert messages == [
        "a.growth: revenue (percent change) is a percentage, but '$5 billion' is money",
        "a.rev: revenue is money, but '8%' is a percentage",
        "a.staff: employees is a count of employees, but '194,000 shares' is a count of shares",
    ]
    assert {f.severity for f in report.findings} == {"error"}
