import pytest
from rulekit import claim, only, run

from verify import check, load
from verify.config import Config, ConfigError
from verify.rules.identity import IdentityRule
from verify.rules.packs import builtin_packs, read

RULES = [IdentityRule()]
DAY = "2025-02-24"


def cap(value="$342 billion", price="$144 per share", shares="2.375 billion shares", day=DAY):
    return (claim("cap", "market_cap", value, as_of=day)
            + claim("price", "share_price", price, as_of=day)
            + claim("shares", "shares_outstanding", shares, as_of=day))


def test_the_finance_pack_ships_the_identities_the_issue_names():
    ids = {i.id for pack in builtin_packs() for i in pack.identities}
    assert {"market_cap", "stake_value", "net_margin", "gross_profit", "operating_margin"} <= ids


def test_a_consistent_market_cap_is_silent_and_counted(tmp_path):
    # $144 × 2.375bn shares = $342bn exactly
    report = run(tmp_path, ("a", cap()), rules=RULES)
    assert report.findings == () and report.checks == 1


def test_a_bare_share_count_takes_its_noun_from_the_vocabulary(tmp_path):
    report = run(tmp_path, ("a", cap(shares="2.375 billion")), rules=RULES)
    assert report.findings == () and report.checks == 1


def test_a_broken_identity_is_an_error_showing_the_computation(tmp_path):
    # $144 × 3.00bn shares: strictly [143.5, 144.5] × [2.995, 3.005]bn = [429.78, 434.22]bn, far from $342bn
    report = run(tmp_path, ("a", cap(shares="3.00 billion shares")), rules=RULES)
    [finding] = only(report, "identity")
    assert (finding.id, finding.severity) == ("identity.market_cap", "error")
    assert {c.ref for c in finding.claims} == {"a.cap", "a.price", "a.shares"}
    assert [s.label for s in finding.sides] == ["a.cap", "a.price * a.shares"]
    assert str(finding.sides[1].strict) == "[$429.7825B, $434.2225B]"
    assert "market_cap == share_price * shares_outstanding" in finding.message


def _margin(tmp_path, stated: str):
    body = (claim("income", "net_income", "RMB 48.9bn", period="2024-Q4")
            + claim("revenue", "revenue", "RMB 280.2bn", period="2024-Q4")
            + claim("margin", "net_margin", stated, period="2024-Q4"))
    return [(f.id, f.severity) for f in run(tmp_path, ("a", body), rules=RULES).findings]


def test_a_margin_that_holds_only_loosely_is_a_warning(tmp_path):
    # ¥48.9bn / ¥280.2bn = 17.45%: strictly [48.85/280.25, 48.95/280.15] = [17.43%, 17.47%],
    # apart from 17.6% strictly [17.55%, 17.65%]; loosely each side ±1%: up to 17.65% meets down to 17.37%
    assert _margin(tmp_path, "17.6%") == [("identity.net_margin", "warning")]


def test_a_margin_off_by_more_than_the_tolerance_is_an_error(tmp_path):
    # 17.9% is [17.85%, 17.95%], 2.5% above 17.45%: widened by 1% it reaches down to 17.67%,
    # and 17.47% widened by 1% reaches up to 17.65%. (A 2% floor on each value let this pass.)
    assert _margin(tmp_path, "17.9%") == [("identity.net_margin", "error")]


def test_identities_need_the_same_entity_and_time(tmp_path):
    # the price is of another day: no identity applies, and the bucket that lacks it is skipped
    body = (claim("cap", "market_cap", "$342 billion", as_of=DAY)
            + claim("shares", "shares_outstanding", "3 billion shares", as_of=DAY)
            + claim("price", "share_price", "$144 per share", as_of="2025-01-02"))
    report = run(tmp_path, ("a", body), rules=RULES)
    assert report.findings == () and report.checks == 0
    assert report.skipped["identity"] >= 1


def test_identities_convert_currencies_leaf_by_leaf(tmp_path):
    # gross profit in EUR, revenue and cost in CNY at 2024-12-31 (7.5833 CNY per EUR):
    # (280.2 - 200.0)bn CNY = 80.2bn CNY = €10.576bn
    body = (claim("revenue", "revenue", "RMB 280.2bn", period="2024-Q4")
            + claim("cost", "cost_of_revenue", "RMB 200.0bn", period="2024-Q4")
            + claim("gross", "gross_profit", "€10.58bn", period="2024-Q4"))
    report = run(tmp_path, ("a", body), rules=RULES)
    assert report.findings == () and report.checks == 1
    # loosely each leaf converts at any rate of the window, so only a wide miss is an error:
    # revenue up to 285.8bn × 0.1349 = €38.55bn, cost down to 196bn × 0.1304 = €25.56bn, gap ≤ €12.99bn
    (tmp_path / "wrong").mkdir()
    wrong = run(tmp_path / "wrong", ("a", body.replace("€10.58bn", "€14.58bn")), rules=RULES)
    [finding] = wrong.findings
    assert finding.severity == "error" and {(r.base, r.quote) for r in finding.rates} == {("CNY", "EUR")}


def test_an_acknowledgement_names_an_identity_by_family_or_id(tmp_path):
    for rule in ("identity", "identity.market_cap"):
        folder = tmp_path / rule
        folder.mkdir()
        ack = f'[[acknowledge]]\nrule = "{rule}"\nclaims = ["shares", "cap", "price"]\nreason = "old count"\n'
        [finding] = run(folder, ("a", cap(shares="3.00 billion shares") + ack), rules=RULES).findings
        assert finding.acknowledged


def test_a_project_pack_adds_identities(tmp_path):
    pack = tmp_path / "house.toml"
    pack.write_text('[pack]\nname = "house"\n[[identity]]\nid = "ad_share"\n'
                    'expr = "ad_revenue <= revenue"\n', encoding="utf-8")
    claims = tmp_path / "claims"
    claims.mkdir()
    (claims / "a.toml").write_text(
        '[source]\nid = "a"\npublished = 2025-02-24\n[defaults]\nentity = "Acme"\nperiod = "2024"\n'
        + claim("ads", "ad_revenue", "$5.0bn") + claim("rev", "revenue", "$4.0bn"), encoding="utf-8")
    config = Config(packs=(str(pack),))
    [finding] = check(load([str(claims)]), rules=RULES, config=config).findings
    assert finding.id == "identity.ad_share" and finding.severity == "error"
    assert check(load([str(claims)]), rules=RULES).findings == ()


@pytest.mark.parametrize("text, line, expected", [
    ('[[identity]]\nid = "x"\nexpresion = "a == b"\n', 3, "did you mean 'expr'?"),
    ('[[identity]]\nid = "x"\nexpr = "a == (b"\n', 3, "identity 'x'"),
    ('[[identity]]\nid = "x"\nexpr = "a == src.b"\n', 3, "names metrics, not claims"),
    ('[pack]\nname = "p"\n', None, "holds [[identity]] tables"),
])
def test_a_bad_pack_is_a_config_error_with_line_and_fix(tmp_path, text, line, expected):
    path = tmp_path / "pack.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        read(str(path))
    assert expected in caught.value.message and caught.value.file == str(path)
    if line:
        assert caught.value.line == line
