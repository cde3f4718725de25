"""Which rates convert a flow, a level and a change (the conventions reporters use).

Figures from real reporting: Tencent's 2024 capital expenditure of RMB 76.8bn was
reported as $10.7bn (at the year's average rate; at the 2024-12-31 rate it is
$10.52bn); Tencent's 2025-Q3 revenue of RMB 192.87bn was reported as $27.08bn,
up 15% on 2024-Q3's RMB 167.19bn (a growth in yuan).
"""

import csv
from datetime import date
from fractions import Fraction
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from rulekit import claim, only, run

from verify.rates import bundled, bundled_folder
from verify.rules.agreement import AgreementRule
from verify.rules.change import ChangeRule

BOOK = bundled()
YEAR = (date(2024, 1, 1), date(2024, 12, 31))


def _fixings(code, start, end):
    with open(Path(bundled_folder()) / "eurofxref-hist.csv", encoding="utf-8") as f:
        return [Fraction(row[code]) for row in csv.DictReader(f)
                if start.isoformat() <= row["Date"] <= end.isoformat() and row[code] not in ("N/A", "")]


def test_the_2024_average_is_the_mean_of_the_euro_fixings_exactly():
    usd, cny = _fixings("USD", *YEAR), _fixings("CNY", *YEAR)
    assert len(usd) == len(cny) == 256
    average = BOOK.average("USD", "CNY", *YEAR)
    assert average.value == (sum(cny) / 256) / (sum(usd) / 256)
    assert (average.basis, average.start, average.on) == ("period average", date(2024, 1, 2), date(2024, 12, 31))
    assert BOOK.average("CNY", "USD", *YEAR).value * average.value == 1
    daily_mean = sum(c / u for c, u in zip(cny, usd)) / 256
    assert abs(average.value / daily_mean - 1) < Fraction(2, 10_000)  # 7.1948 against 7.1956: 0.012%


@settings(max_examples=40, deadline=None)
@given(st.dates(min_value=date(2010, 1, 1), max_value=date(2026, 6, 1)), st.integers(0, 400))
def test_any_windows_average_matches_a_brute_force_mean(start, days):
    end = date.fromordinal(min(start.toordinal() + days, date(2026, 10, 30).toordinal()))
    jpy = _fixings("JPY", start, end)
    if not jpy:
        return
    assert BOOK.average("EUR", "JPY", start, end).value == sum(jpy) / len(jpy)


CAPEX = claim("capex_cny", "capex", "RMB 76.8bn", period="2024")


def _capex(tmp_path, usd):
    return run(tmp_path, ("a", CAPEX), ("b", claim("capex_usd", "capex", usd, period="2024")),
               published="2025-03-19", rules=[AgreementRule()])


def test_a_flow_agrees_at_the_period_average_rate(tmp_path):
    # 76.8 / 7.1948 = $10.67bn, inside "$10.7bn"; at the year-end rate 7.2994 it would be $10.52bn
    assert _capex(tmp_path, "$10.7bn").findings == ()


def test_a_flow_agrees_at_the_period_end_rate(tmp_path):
    assert _capex(tmp_path, "$10.52bn").findings == ()


def test_a_rate_between_the_two_conventions_is_only_a_warning(tmp_path):
    # $10.60bn needs 7.242-7.249 CNY a dollar: above the average's 0.5% (7.231), below the
    # year-end's (7.263); the loose reading finds a day of the window at that rate
    [finding] = only(_capex(tmp_path, "$10.60bn"), "agreement")
    assert finding.severity == "warning"
    bases = {r.basis for r in finding.rates}
    assert {"period-end", "period average"} <= bases
    [day] = finding.agreed
    assert day.basis == "daily" and date(2024, 1, 1) <= day.on <= date(2025, 3, 19)
    assert Fraction("7.22") < 1 / day.value if day.base == "CNY" else day.value < Fraction("7.27")


def test_a_flow_a_year_off_is_an_error(tmp_path):
    # 2023's average (7.08) would give $10.85bn; loosely the window 2024-01-01..2025-03-19 has
    # no rate below 7.09: caught
    [finding] = only(_capex(tmp_path, "$11.5bn"), "agreement")
    assert finding.severity == "error" and finding.agreed == ()


REVENUE = (claim("q3_usd", "revenue", "$27.08bn", period="2025-Q3")
           + claim("q3_cny", "revenue", "RMB 192.87bn", period="2025-Q3")
           + claim("growth", "revenue", "up 15%", change="percent", period="2025-Q3"))
LAST_YEAR = claim("q3_2024", "revenue", "RMB 167.19bn", period="2024-Q3")


def test_a_growth_is_computed_in_the_currency_both_levels_share(tmp_path):
    # 192.87 / 167.19 - 1 = 15.4%; through dollars at two dates it would be 27.08 / 23.84 - 1 = 13.6%
    report = run(tmp_path, ("reuters", REVENUE), ("tencent", LAST_YEAR), published="2025-11-13",
                 rules=[ChangeRule(), AgreementRule()])
    assert report.findings == ()
    assert report.checks == 2


def test_the_finding_says_in_which_currency_a_change_was_computed(tmp_path):
    wrong = REVENUE.replace('"up 15%"', '"up 20%"')
    report = run(tmp_path, ("reuters", wrong), ("tencent", LAST_YEAR), published="2025-11-13",
                 rules=[ChangeRule()])
    [finding] = only(report, "change")
    assert "computed in CNY, the currency of both levels, without a rate" in finding.message
    assert finding.rates == ()


def test_without_a_shared_currency_each_level_converts_at_its_own_dates(tmp_path):
    # 2024-Q3 in dollars: $23.84bn at its period-end rate (7.0124), $23.38bn at its average
    # (7.15): 27.08 / 23.38 - 1 = 15.8% meets "up 15%" at the average; "up 20%" meets neither
    dollars = claim("q3_usd", "revenue", "$27.08bn", period="2025-Q3")
    growth = claim("growth", "revenue", "up 15%", change="percent", period="2025-Q3")
    report = run(tmp_path, ("reuters", dollars + growth), ("tencent", LAST_YEAR), published="2025-11-13",
                 rules=[ChangeRule()])
    assert report.findings == () and report.checks == 1
    report = run(tmp_path, ("reuters", dollars + growth.replace("15%", "20%")), ("tencent", LAST_YEAR),
                 published="2025-11-13", rules=[ChangeRule()])
    [finding] = only(report, "change")
    assert "computed in USD, each level converted at its own date" in finding.message
    assert {(r.base, r.quote, r.basis) for r in finding.rates} >= {("CNY", "USD", "period-end"),
                                                                   ("CNY", "USD", "period average")}


def test_an_absolute_change_is_computed_in_its_own_currency(tmp_path):
    # 27.08 - 23.84 (2024-Q3 at its own period-end rate 7.0124) = $3.24bn
    report = run(tmp_path, ("reuters", claim("q3", "revenue", "$27.08bn", period="2025-Q3")
                            + claim("gain", "revenue", "$3.24bn", change="absolute", period="2025-Q3")),
                 ("tencent", LAST_YEAR), published="2025-11-13", rules=[ChangeRule()])
    assert report.findings == () and report.checks == 1


def test_a_level_keeps_the_rate_of_its_date(tmp_path):
    # a level has no average: market value on 2024-12-31, RMB 3.81tn = $522bn at 7.2994
    report = run(tmp_path, ("a", claim("cap_cny", "market_cap", "RMB 3.81tn", as_of="2024-12-31")
                            + claim("cap_usd", "market_cap", "$560bn", as_of="2024-12-31")),
                 published="2024-12-31", rules=[AgreementRule()])
    [finding] = only(report, "agreement")
    assert finding.severity == "error"
    assert [r.basis for r in finding.rates] == ["fixing"]
