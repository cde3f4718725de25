"""The loose tolerance belongs to a relation: each side widened once, after it is computed."""

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rulekit import claim

from verify import check, load
from verify.config import ConfigError, parse
from verify.interval import INF, Interval
from verify.tolerance import per_side, widened

fractions = st.fractions(min_value=-10**12, max_value=10**12, max_denominator=10**6)
tolerances = st.fractions(min_value=0, max_value=Fraction(99, 100), max_denominator=1000)


@given(fractions, fractions, tolerances)
def test_a_widened_side_holds_the_side_and_reaches_half_the_tolerance_of_each_end(a, b, tolerance):
    side = Interval.closed(min(a, b), max(a, b))
    wide = widened(side, tolerance)
    assert side.within(wide)
    assert wide.lo == side.lo - tolerance / 2 * abs(side.lo)
    assert wide.hi == side.hi + tolerance / 2 * abs(side.hi)


@given(fractions, tolerances)
def test_an_unbounded_end_and_openness_are_kept(a, tolerance):
    wide = widened(Interval(Fraction(a), INF, True, True), tolerance)
    assert wide.hi == INF and wide.lo_open and wide.hi_open


@pytest.mark.parametrize("tolerance, text", [("0.02", "±1%"), ("0.05", "±2.5%"), ("0", "±0%")])
def test_the_tolerance_is_shown_per_side(tolerance, text):
    assert per_side(Fraction(tolerance)) == text


def _agreement(tmp_path, second: str, config: dict | None = None):
    body = (claim("a", "revenue", "$100.0bn", period="2024-Q4")
            + claim("b", "revenue", second, period="2024-Q4"))
    tmp_path.mkdir(exist_ok=True)
    (tmp_path / "a.toml").write_text(f'[source]\nid = "s"\npublished = 2025-02-24\n'
                                     f'[defaults]\nentity = "Acme"\n{body}', encoding="utf-8")
    cfg = parse(config or {})
    report = check(load([str(tmp_path)]), config=cfg)
    return [f.severity for f in report.findings]


@pytest.mark.parametrize("second, expected", [
    ("$100.0bn", []),
    ("$101.5bn", ["warning"]),  # 1.5% apart: [101.45, 101.55] × 0.99 = 100.43 ≤ 100.05 × 1.01 = 101.05
    ("$103.0bn", ["error"]),  # 3% apart: 102.95 × 0.99 = 101.92 > 101.05
    ("about $104bn", ["warning"]),  # the hedge's own wide reading still counts: [93.6, 114.4]
])
def test_claims_of_one_fact_agree_within_the_tolerance(tmp_path, second, expected):
    assert _agreement(tmp_path, second) == expected


def test_the_project_sets_the_tolerance(tmp_path):
    assert _agreement(tmp_path / "wide", "$103.0bn", {"loose-tolerance": "0.05"}) == ["warning"]
    assert _agreement(tmp_path / "none", "$101.5bn", {"loose-tolerance": 0}) == ["error"]


def test_the_old_key_is_read_with_a_notice_naming_the_new_one(tmp_path, capsys):
    from verify.cli import main

    (tmp_path / "verify.toml").write_text('paths = ["claims"]\nloose-min-relative = "0.05"\n')
    config = parse({"loose-min-relative": "0.05"}, str(tmp_path / "verify.toml"),
                   (tmp_path / "verify.toml").read_text())
    assert config.loose_tolerance == Fraction(5, 100)
    [notice] = config.notices
    assert notice.startswith(f"{tmp_path / 'verify.toml'}:2: loose-min-relative is deprecated")
    assert 'loose-tolerance = "0.05"' in notice
    (tmp_path / "claims").mkdir()
    (tmp_path / "claims" / "a.toml").write_text('[source]\nid = "s"\n', encoding="utf-8")
    main(["--config", str(tmp_path / "verify.toml"), str(tmp_path / "claims")])
    assert "warning: " + notice in capsys.readouterr().err


@pytest.mark.parametrize("value", ["2%", "1.5", -0.01, True, "x"])
def test_a_tolerance_that_is_no_fraction_is_refused_with_the_form(value):
    with pytest.raises(ConfigError, match='loose-tolerance = "0.02"'):
        parse({"loose-tolerance": value})
