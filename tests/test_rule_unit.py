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


def test_a_percentage_beyond_what_its_metric_can_be_is_a_finding(tmp_path):
    # a decimal point moved (46.3% -> 463%), and hedged figures that reach past 100% only strictly
    report = run(tmp_path, ("a", claim("gm", "gross_margin", "463%", period="2024-Q3")
                            + claim("gm_ok", "gross_margin", "46.3%", period="2024-Q2")
                            + claim("gm_loss", "gross_margin", "-12%", period="2024-Q1")
                            + claim("share", "market_share", "over 100%", period="2024-Q4")
                            + claim("nearly", "market_share", "about 105%", period="2023-Q4")
                            + claim("up", "gross_margin", "up 150%", change="percent", period="2024-Q4")),
                 rules=RULES)
    found = sorted((f.claims[0].id, f.severity, f.message) for f in report.findings)
    assert found == [
        ("gm", "error", "a.gm: gross_margin is at most 100%, but '463%' is [462.5, 463.5] %"),
        ("nearly", "warning", "a.nearly: market_share is from 0% to 100%, but 'about 105%' is [102.375, 107.625] %"),
        ("share", "error", "a.share: market_share is from 0% to 100%, but 'over 100%' is (100, 110] %"),
    ]
