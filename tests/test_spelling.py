"""Near misses of known names are problems naming the closest one, never silently taken as meant."""

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rulekit import claim

from verify import check, load
from verify.claimfile.spelling import _distance
from verify.config import parse


def write(tmp_path, body):
    (tmp_path / "a.toml").write_text('[source]\nid = "a"\npublished = 2025-02-24\n[defaults]\nentity = "Acme"\n'
                                     + body, encoding="utf-8")
    return str(tmp_path)


@pytest.mark.parametrize("metric, meant", [("revnue", "revenue"), ("reveune", "revenue"),
                                           ("employes", "employees"), ("net_incme", "net_income")])
def test_a_metric_a_typo_away_from_a_known_one_is_a_problem(tmp_path, metric, meant):
    folder = write(tmp_path, claim("rev", metric, "$38.4 billion", period="2024-Q4")
                   + claim("ok", "revenue", "$38.4 billion", period="2024-Q3"))
    corpus = load([folder])
    [problem] = corpus.problems
    assert f"unknown metric {metric!r}: did you mean {meant!r}?" in problem.message
    assert "[metrics]" in problem.message and problem.location.line == 9  # the claim's value line
    assert [c.ref for c in corpus.claims] == ["a.ok"]


@pytest.mark.parametrize("metric", ["ai_investment", "ebitda", "subscribers_paid", "capex_guidance",
                                    "unknown_percentage_growth"])  # 3 edits from customer_management_revenue
def test_a_metric_far_from_every_known_one_is_the_projects_own(tmp_path, metric):
    assert load([write(tmp_path, claim("x", metric, "$5 billion", period="2024"))]).problems == ()


def test_a_metric_the_config_declares_is_known(tmp_path):
    folder = write(tmp_path, claim("x", "revnue", "$5 billion", period="2024"))
    assert load([folder], config=parse({"metrics": {"revnue": "money"}})).problems == ()


def test_an_acknowledgement_of_no_rule_is_a_problem_naming_the_closest(tmp_path):
    body = (claim("cap", "market_cap", "$342 billion", as_of="2025-02-24")
            + claim("price", "share_price", "$144 per share", as_of="2025-02-24")
            + claim("shares", "shares_outstanding", "3.00 billion shares", as_of="2025-02-24")
            + '[[acknowledge]]\nrule = "identity.market_capp"\nclaims = ["cap", "price", "shares"]\n'
              'reason = "the cap is of another day"\n')
    corpus = load([write(tmp_path, body)])
    [problem] = corpus.problems
    assert "names no rule: 'identity.market_capp': did you mean 'identity.market_cap'?" in problem.message
    assert corpus.acknowledgements == ()
    assert [f.acknowledged for f in check(corpus).findings if f.id == "identity.market_cap"] == [False]


@pytest.mark.parametrize("rule", ["identity", "identity.market_cap", "unit.revenue", "share.rank", "agreement"])
def test_an_acknowledgement_of_a_family_or_id_is_taken(tmp_path, rule):
    body = (claim("a1", "revenue", "$5 billion", period="2024")
            + f'[[acknowledge]]\nrule = "{rule}"\nclaims = ["a1"]\nreason = "reviewed"\n')
    corpus = load([write(tmp_path, body)])
    assert corpus.problems == () and len(corpus.acknowledgements) == 1


def _levenshtein_with_swaps(a, b):
    """The definition, by full table: insert, delete, substitute, swap two neighbours."""
    d = [[max(i, j) if not i or not j else 0 for j in range(len(b) + 1)] for i in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[-1][-1]


@given(st.text("abcde_", max_size=10), st.text("abcde_", max_size=10), st.integers(0, 3))
def test_the_bounded_distance_is_the_distance_up_to_its_limit(a, b, limit):
    assert _distance(a, b, limit) == min(_levenshtein_with_swaps(a, b), limit + 1)
