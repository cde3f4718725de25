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
