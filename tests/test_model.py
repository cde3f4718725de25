from datetime import date

import pytest

import verify
from verify import Claim, Source
from verify.errors import InputError


def test_claims_are_built_in_code_from_plain_strings():
    claim = Claim(id="q4_revenue", entity="Alibaba Group", metric="revenue", value="$38.4 billion",
                  period="2024-Q4", source="crn")
    assert claim.ref == "crn.q4_revenue"
    assert claim.value.currency == "USD" and claim.period.kind == "quarter"
    assert claim == Claim(id="q4_revenue", entity="Alibaba Group", metric="revenue",
                          value=verify.parse_value("$38.4 billion"), period=verify.Period.parse("2024-Q4"),
                          source="crn")
    change = Claim(id="ytd", entity="Alibaba", metric="share_price", value="nearly 60%", change="percent",
                   since="ytd", as_of=date(2025, 2, 24))
    assert change.since.baseline_date(change.as_of) == date(2025, 1, 1)


def test_classes_are_frozen():
    source = Source(id="crn", published="2025-02-24")
    assert source.published == date(2025, 2, 24)
    with pytest.raises(AttributeError):
        source.id = "other"


@pytest.mark.parametrize("kwargs, message", [
    ({"id": "Bad Id"}, "lower-case letters"),
    ({"value": "¥5bn"}, "ambiguous"),
    ({"value": 5}, 'value = "5"'),
    ({"period": "2024-Q9"}, "quarters are Q1 to Q4"),
    ({"change": "relative"}, "not a kind of change"),
    ({"since": "ytd"}, "`since` is the baseline of a change"),
    ({"period": "2024", "as_of": "2024-12-31"}, "not both"),
    ({"entity": ""}, "non-empty"),
])
def test_code_built_claims_are_validated_like_loaded_ones(kwargs, message):
    fields = {"id": "x", "entity": "E", "metric": "m", "value": "5", **kwargs}
    with pytest.raises(InputError, match=message):
        Claim(**fields)


def test_public_api_names():
    for name in ["load", "check", "parse_value", "Claim", "Source", "Value", "Finding", "Report", "Check",
                 "Acknowledgement", "Corpus", "Period"]:
        assert getattr(verify, name) is not None
    with pytest.raises(AttributeError):
        getattr(verify, "nonexistent")


def test_a_claim_pickles_as_itself():
    import pickle
    from pathlib import Path

    corpus = verify.load([str(Path(__file__).parent.parent / "claims")])
    for claim in corpus.claims:
        back = pickle.loads(pickle.dumps(claim, pickle.HIGHEST_PROTOCOL))
        assert back == claim and back.location == claim.location and back.ref == claim.ref
        assert type(back) is Claim and type(back.value) is type(claim.value)
