import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rulekit import claim, only, run

from verify.rules.agreement import AgreementRule

RULES = [AgreementRule()]


def test_the_same_quarter_in_three_currencies_agrees(tmp_path):
    # ECB 2024-12-31: 1 EUR = 1.0389 USD = 7.5833 CNY. RMB 280.2bn = $38.39bn = €36.95bn.
    report = run(tmp_path,
                 ("a", claim("rev_cny", "revenue", "RMB ¥280.2bn", period="2024-Q4")
                  + claim("rev_eur", "revenue", "€36.96bn", period="2024-Q4")),
                 ("b", claim("rev", "revenue", "$38.4 billion", period="2024-10-01..2024-12-31")),
                 rules=RULES)
    assert report.findings == ()
    assert report.checks == 1


def test_a_currency_mismatch_is_an_error_with_its_rates(tmp_path):
    # $45bn is 328.5bn CNY at 7.2993: nowhere near 280.2bn, even loosely.
    report = run(tmp_path,
                 ("a", claim("rev_cny", "revenue", "RMB ¥280.2bn", period="2024-Q4")),
                 ("b", claim("rev", "revenue", "$45 billion", period="2024-Q4")),
                 rules=RULES)
    [finding] = only(report, "agreement")
    assert finding.severity == "error"
    assert {c.ref for c in finding.claims} == {"a.rev_cny", "b.rev"}
    assert [(r.base, r.quote, r.on.isoformat(), r.source) for r in finding.rates][0] == \
        ("USD", "CNY", "2024-12-31", "ECB")
    assert "disagree" in finding.message


def test_a_difference_within_loose_bounds_is_a_warning(tmp_path):
    # 38.4 (strict [38.35, 38.45]) against 38.0 (strict [37.95, 38.05]): apart strictly;
    # loosely each is ±2%: [37.632, 39.168] and [37.24, 38.76] overlap.
    report = run(tmp_path,
                 ("a", claim("rev", "revenue", "$38.4 billion", period="2024-Q4")),
                 ("b", claim("rev", "revenue", "$38.0 billion", period="2024-Q4")),
                 rules=RULES)
    [finding] = only(report, "agreement")
    assert finding.severity == "warning"


def test_the_outlier_is_named(tmp_path):
    report = run(tmp_path,
                 ("a", claim("x", "employees", "194,000 employees")),
                 ("b", claim("x", "employees", "194,000 employees")),
                 ("c", claim("x", "employees", "250,000 employees")),
                 rules=RULES)
    [finding] = only(report, "agreement")
    assert finding.message.startswith("c.x disagrees with the other claims")


def test_different_facts_are_never_compared(tmp_path):
    report = run(tmp_path,
                 ("a", claim("q3", "revenue", "$30 billion", period="2024-Q3")
                  + claim("q4", "revenue", "$38.4 billion", period="2024-Q4")
                  + claim("cloud", "revenue", "$4.3 billion", period="2024-Q4", segment="Cloud")),
                 rules=RULES)
    assert report.findings == () and report.checks == 0


def test_a_run_that_converts_nothing_reads_no_rates_table(tmp_path):
    from verify.rates import RateBook

    book = RateBook.bundled()
    report = run(tmp_path,
                 ("a", claim("rev", "revenue", "$38.4 billion", period="2024-Q4")),
                 ("b", claim("rev", "revenue", "$38.4 billion", period="2024-Q4")))
    assert report.checks >= 1 and not book.loaded
    from verify import check, load
    check(load([str(tmp_path)]), rates=book)
    assert not book.loaded
    (tmp_path / "c.toml").write_text('[source]\nid = "c"\npublished = 2025-02-24\n[[claim]]\nid = "rev"\n'
                                     'entity = "Acme"\nmetric = "revenue"\nperiod = "2024-Q4"\n'
                                     'value = "RMB ¥280.2bn"\n')
    check(load([str(tmp_path)]), rates=book)
    assert book.loaded


def _outlier_by_definition(claims, quantities):
    """The claim whose removal leaves the others agreeing, if exactly one: the definition, by brute force."""
    from verify.rules.agreement import _agree

    lone = [c for i, c in enumerate(claims) if _agree(quantities[:i] + quantities[i + 1:])]
    return lone[0] if len(lone) == 1 else None


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 20), st.integers(0, 6), st.booleans(), st.booleans()), min_size=3, max_size=9))
def test_the_outlier_is_found_in_one_pass_as_the_definition_finds_it(ends):
    from verify.interval import Interval
    from verify.quantity import Quantity
    from verify.rules.agreement import _outlier
    from verify.units import Unit

    quantities = [Quantity(Interval(lo, lo + width, lo_open and width > 0, hi_open and width > 0), Unit())
                  for lo, width, lo_open, hi_open in ends]
    claims = [f"claim{i}" for i in range(len(quantities))]
    assert _outlier(claims, quantities) == _outlier_by_definition(claims, quantities)


def test_a_bare_count_takes_the_noun_its_metric_counts(tmp_path):
    # "194,000 employees" against "500,000" for the same headcount: compared, and far apart
    report = run(tmp_path,
                 ("a", claim("staff", "employees", "194,000 employees", as_of="2025-03-31")),
                 ("b", claim("staff", "employees", "500,000", as_of="2025-03-31")),
                 rules=RULES)
    [finding] = only(report, "agreement")
    assert finding.severity == "error"
    assert [c.value.text for c in finding.claims] == ["194,000 employees", "500,000"]


def test_a_bare_count_takes_the_noun_the_rest_of_its_fact_counts(tmp_path):
    # a metric no vocabulary knows: the other claims all count subscribers
    report = run(tmp_path,
                 ("a", claim("subs", "paying_members", "12.1 million subscribers", as_of="2025-03-31")),
                 ("b", claim("subs", "paying_members", "12.1 million", as_of="2025-03-31")),
                 rules=RULES)
    assert report.findings == () and report.checks == 1


@pytest.mark.parametrize("metric", ["employees", "vehicles_delivered"])  # known to the vocabulary, and not
def test_units_take_the_noun_the_fact_counts(tmp_path, metric):
    # reporters count cars, phones and staff in "units": 471,930 units are 471,930 vehicles
    from verify.rules.unit import UnitRule

    noun = "employees" if metric == "employees" else "vehicles"
    report = run(tmp_path,
                 ("a", claim("n", metric, f"471,930 {noun}", period="2024-Q4")),
                 ("b", claim("n", metric, "471,930 units", period="2024-Q4")),
                 ("c", claim("n", metric, "about 470,000", period="2024-Q4")),
                 rules=[*RULES, UnitRule()])
    assert report.findings == () and report.checks >= 1
    (tmp_path / "off").mkdir()
    off = run(tmp_path / "off", ("a", claim("n", metric, f"471,930 {noun}", period="2024-Q4")),
              ("b", claim("n", metric, "371,930 units", period="2024-Q4")), rules=[*RULES, UnitRule()])
    assert [(f.id, f.severity) for f in off.findings] == [("agreement", "error")]


def test_a_claim_of_another_kind_is_a_unit_finding_and_the_rest_are_still_compared(tmp_path):
    report = run(tmp_path,
                 ("a", claim("subs", "paying_members", "12.1 million subscribers", as_of="2025-03-31")),
                 ("b", claim("subs", "paying_members", "15.0 million subscribers", as_of="2025-03-31")),
                 ("c", claim("subs", "paying_members", "$12.1 million", as_of="2025-03-31")),
                 rules=RULES)
    assert sorted((f.rule, f.id, f.severity) for f in report.findings) == [
        ("agreement", "agreement", "error"), ("unit", "unit.paying_members", "error")]
    [stray] = only(report, "unit")
    assert [c.ref for c in stray.claims] == ["c.subs"]
    assert "'$12.1 million' is money, but the other claims of the same fact (a.subs, b.subs)" in stray.message


def test_a_claim_the_metric_does_not_fit_leaves_the_unit_finding_to_the_unit_rule(tmp_path):
    from verify.rules.unit import UnitRule

    report = run(tmp_path,
                 ("a", claim("staff", "employees", "194,000 employees", as_of="2025-03-31")),
                 ("b", claim("staff", "employees", "204,000", as_of="2025-03-31")),
                 ("c", claim("staff", "employees", "$194,000", as_of="2025-03-31")),
                 rules=[*RULES, UnitRule()])
    assert sorted((f.id, f.severity, tuple(c.ref for c in f.claims)) for f in report.findings) == [
        ("agreement", "error", ("a.staff", "b.staff")), ("unit.employees", "error", ("c.staff",))]


def test_a_fiscal_period_in_two_currencies_is_a_problem_not_a_crash(tmp_path, capsys):
    from verify.cli import main

    for name, value in (("a", "$281.7bn"), ("b", "€260bn")):
        (tmp_path / f"{name}.toml").write_text(
            f'[source]\nid = "{name}"\npublished = 2025-08-01\n[defaults]\nentity = "Microsoft"\n'
            + claim("rev", "revenue", value, period="FY2025"), encoding="utf-8")
    assert main([str(tmp_path)]) == 2
    out = capsys.readouterr().out
    assert out.count("problem:") == 2 and "add [entities.Microsoft] fiscal-year-end" in out


def test_a_claim_without_a_date_to_convert_at_is_a_problem_not_a_crash(tmp_path):
    # a claim built in code, not placed by the loader: a conversion that needs its date says so
    import attrs

    from verify import check, load

    run(tmp_path, ("a", claim("rev", "revenue", "$281.7bn", period="2025")),  # writes the two files
        ("b", claim("rev", "revenue", "€260bn", period="2025")), rules=RULES)
    corpus = load([str(tmp_path)])
    fiscal = tuple(attrs.evolve(c, period="FY2025") for c in corpus.claims)
    report = check(attrs.evolve(corpus, claims=fiscal), rules=RULES)
    [problem] = report.problems
    assert "'FY2025' is a label, not dates" in problem.message and "[entities]" in problem.message


def test_prices_per_share_in_two_currencies_are_compared(tmp_path):
    # ECB 2024-03-15: 1 GBP = 1.2752 USD, so £100 a share is $127.52 a share, not $100.
    def files(dollars):
        return (("a", claim("price_gbp", "share_price", "£100.00 per share", as_of="2024-03-15")),
                ("b", claim("price_usd", "share_price", f"${dollars} per share", as_of="2024-03-15")))

    (tmp_path / "agree").mkdir(), (tmp_path / "slip").mkdir()
    agreeing = run(tmp_path / "agree", *files("127.50"), published="2024-03-20", rules=RULES)
    assert agreeing.findings == () and agreeing.checks == 1
    [finding] = only(run(tmp_path / "slip", *files("100.00"), published="2024-03-20", rules=RULES), "agreement")
    assert finding.severity == "error"
    assert [(r.base, r.quote, r.on.isoformat()) for r in finding.rates][0] == ("USD", "GBP", "2024-03-15")
