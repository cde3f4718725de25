"""Short fuzz runs over what takes text from people: every input ends in a result or in
verify's own error with a message, never another exception."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from verify import config, expressions
from verify.claimfile.loader import load
from verify.errors import VerifyError
from verify.values import parse_value

# VERIFY_FUZZ_EXAMPLES raises the count for a long run (docs/fuzzing.md).
SHORT = settings(max_examples=int(os.environ.get("VERIFY_FUZZ_EXAMPLES", 150)), deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Characters of news figures and of the grammars, so that most inputs get past the first token.
NEWS = st.text(alphabet="0123456789.,' $€£¥%-+–/()abcdeklmnoprstuxyzMBT\u00a0\u202fpp", max_size=40)
EXPRESSIONS = st.text(alphabet="0123456789.e+-*/()<>=!' abcxyz_,$%", max_size=60)
CLAIM_FILE = st.lists(st.sampled_from([
    "[source]", 'id = "s"', "published = 2025-02-24", "[[claim]]", 'id = "a"', 'id = "b"',
    'entity = "E"', 'metric = "revenue"', 'period = "2024-Q4"', 'value = "$10 billion"',
    'vaule = "5%"', 'value = "ten"', "[[check]]", 'expr = "a == b"', 'expr = "a == \'x\'"',
    "[[acknowledge]]", 'rule = "check"', 'claims = ["a"]', 'reason = "r"', 'note = """\nx\n"""',
    'quote = "\u2028"', "[defaults]", "currency = 5", "[[claims]]", "precision = 0",
]), max_size=30).map("\n".join)


@SHORT
@given(NEWS)
def test_any_value_text_is_read_or_refused_with_a_message(text):
    try:
        parse_value(text)
    except VerifyError as exc:
        assert str(exc)


@SHORT
@given(EXPRESSIONS)
def test_any_expression_is_parsed_or_refused_with_a_message(text):
    try:
        expressions.parse(text)
    except VerifyError as exc:
        assert str(exc)


@SHORT
@given(CLAIM_FILE)
def test_any_claim_file_loads_with_located_problems(tmp_path_factory, text):
    folder = tmp_path_factory.mktemp("claims")
    path = folder / "c.toml"
    path.write_text(text, encoding="utf-8")
    corpus = load(str(folder))
    assert all(p.location.file == str(path) and p.message for p in corpus.problems)


@SHORT
@given(st.dictionaries(st.sampled_from(["paths", "fail-on", "select", "ignore", "metrics", "hedges", "loose",
                                        "precison"]),
                       st.one_of(st.integers(), st.text(max_size=5), st.lists(st.text(max_size=5), max_size=3),
                                 st.dictionaries(st.text(max_size=5), st.integers(), max_size=2)), max_size=4))
def test_any_config_is_read_or_refused_with_a_message(data):
    try:
        config.parse(data)
    except VerifyError as exc:
        assert str(exc)
