from datetime import date
from fractions import Fraction

from rulekit import claim, only, run

from verify.rules.check import CheckRule

RULES = [CheckRule()]
CLOUD = (claim("share", "market_share", "4 percent", period="2024-Q4")
         + claim("market", "market_size", "$90 billion", period="2024-Q4"))


def test_a_failing_check_is_an_error_with_both_sides(tmp_path):
    # 4% of $90bn: loosely [3.5%, 4.5%] × [89.5, 90.5] = [3.1325, 4.0725]bn, widened by 1% to at most
    # 4.113bn; $4.3bn loosely [4.25, 4.35]bn, widened to at least 4.2075bn
    report = run(tmp_path, ("a", CLOUD + claim("cloud", "revenue", "$4.3 billion", period="2024-Q4")
                            + '[[check]]\nid = "share_of_market"\nexpr = "share * market == cloud"\n'),
                 rules=RULES)
    [finding] = only(report, "check")
    assert (finding.id, finding.severity) == ("share_of_market", "error")
    assert [s.label for s in finding.sides] == ["share * market", "cloud"]
    assert str(finding.sides[0].loose) == "[$3.1325B, $4.0725B]"
    assert finding.tolerance == Fraction(2, 100) and "loosely (±1% per side)" in finding.message
    lines = (tmp_path / "a.toml").read_text().splitlines()
    assert lines[finding.location.line - 1].startswith("expr = ")


def test_a_consistent_check_is_silent_and_counted(tmp_path):
    report = run(tmp_path, ("a", CLOUD + claim("cloud", "revenue", "$3.6 billion", period="2024-Q4")
                            + '[[check]]\nid = "share_of_market"\nexpr = "share * market == cloud"\n'),
                 rules=RULES)
    assert report.findings == () and report.checks == 1


def test_a_check_that_holds_only_loosely_is_a_warning(tmp_path):
    # 342 / (342 - (100, 110]) = (1.408, 1.479]; 144 / 85 strictly [1.679, 1.710]: apart;
    # loosely the gain is [98, inf), so 342 - gain reaches 0 and the ratio is unbounded.
    body = (claim("cap", "market_cap", "$342 billion", as_of="2025-02-24")
            + claim("gain", "market_cap", "over $100 billion", change="absolute", since="ytd", as_of="2025-02-24")
            + claim("price", "share_price", "$144 per share", as_of="2025-02-24")
            + claim("start", "share_price", "$85 per share", as_of="2025-01-01")
            + '[[check]]\nid = "gain"\nexpr = "cap / (cap - gain) == price / start"\n')
    report = run(tmp_path, ("a", body), rules=RULES)
    [finding] = report.findings
    assert finding.severity == "warning"


def test_checks_across_files_and_currencies(tmp_path):
    # €36.96bn against RMB 280.2bn, in a check: both converted to EUR at 2024-12-31
    report = run(tmp_path,
                 ("a", claim("rev", "revenue", "€36.96bn", period="2024-Q4")),
                 ("b", claim("rev", "revenue", "RMB ¥280.2bn", period="2024-Q4")
                  + '[[check]]\nid = "same"\nexpr = "a.rev == rev"\n'
                  + '[[check]]\nid = "double"\nexpr = "a.rev * 2 == rev"\n'),
                 rules=RULES)
    [finding] = report.findings
    assert finding.id == "double" and finding.severity == "error"
    assert finding.rates[0].base == "CNY" and finding.rates[0].quote == "EUR"


def test_a_dimension_mismatch_is_a_problem_at_the_check(tmp_path):
    report = run(tmp_path, ("a", claim("staff", "employees", "194,000 employees")
                            + claim("rev", "revenue", "$38.4 billion", period="2024-Q4")
                            + '[[check]]\nid = "odd"\nexpr = "staff == rev"\n'), rules=RULES)
    [problem] = report.problems
    assert "differ in kind" in problem.message and problem.location.line is not None
    assert report.exit_code() == 2


def _revenue_check(dollars):
    # ECB: on 2024-12-31 1 EUR = 1.0389 USD; the average of 2024-Q4's fixings is 1.0681375
    return (claim("rev_eur", "revenue", "€100.0bn", period="2024-Q4")
            + claim("rev_usd", "revenue", f"${dollars}bn", period="2024-Q4")
            + '[[check]]\nid = "same_revenue"\nexpr = "rev_usd == rev_eur"\n')


def test_a_flow_in_a_check_agrees_strictly_at_its_period_end_or_its_average_rate(tmp_path):
    for dollars in ("103.9", "106.8"):
        (tmp_path / dollars).mkdir()
        report = run(tmp_path / dollars, ("a", _revenue_check(dollars)), rules=RULES)
        assert report.findings == () and report.checks == 1, dollars


def test_a_flow_in_a_check_is_not_read_at_a_rate_between_its_two(tmp_path):
    # $105.3bn is €100bn at 1.053: 1.4% from either strict rate (each ±0.5%), though between them.
    # Loosely any fixing from 2024-10-01 to publication (2025-02-24) converts: the relation holds
    # for a rate r with 100.05·r·1.005·1.01 >= 105.25·0.99 and 99.95·r·0.995·0.99 <= 105.35·1.01,
    # r in [1.0261, 1.0807]; the finding names one such fixing.
    report = run(tmp_path, ("a", _revenue_check("105.3")), rules=RULES)
    [finding] = only(report, "check")
    assert finding.severity == "warning"
    assert "does not hold strictly at any one of each flow's rates" in finding.message
    [fixing] = finding.agreed
    assert (fixing.base, fixing.quote, fixing.basis) == ("EUR", "USD", "daily")
    assert Fraction("1.0261") <= fixing.value <= Fraction("1.0807")
    assert date(2024, 10, 1) <= fixing.on <= date(2025, 2, 24)


def test_a_bare_count_or_units_in_a_check_count_what_their_metric_counts(tmp_path):
    # staff by region: a bare count and "units" add to a count of employees
    body = (claim("asia", "employees", "23,640", as_of="2024-12-31")
            + claim("europe", "employees", "100,000 units", as_of="2024-12-31")
            + claim("rest", "employees", "348,290 employees", as_of="2024-12-31")
            + claim("all", "employees", "471,930 employees", as_of="2024-12-31"))
    ok = run(tmp_path, ("a", body + '[[check]]\nid = "regions"\nexpr = "asia + europe + rest == all"\n'),
             rules=RULES)
    assert ok.findings == () and ok.problems == () and ok.checks == 1
    (tmp_path / "off").mkdir()
    off = run(tmp_path / "off", ("a", body + '[[check]]\nid = "regions"\nexpr = "asia + rest == all"\n'),
              rules=RULES)
    assert [(f.id, f.severity) for f in off.findings] == [("regions", "error")]
