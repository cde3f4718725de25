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
