"""What extract drafts, scored: against claims/ for the two seed articles, and against the
hand annotations of tests/draft/gold.toml. The figures are those of docs/draft.md."""

import importlib.util
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent.parent / "benchmarks"


@pytest.fixture(scope="module")
def accuracy():
    spec = importlib.util.spec_from_file_location("draft_accuracy", BENCHMARKS / "draft_accuracy.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["draft_accuracy"] = module
    spec.loader.exec_module(module)
    yield module
    del sys.modules["draft_accuracy"]


def test_every_claim_of_the_seed_articles_is_drafted_with_its_reading_metric_and_time(accuracy):
    s = accuracy.score_seeds()
    assert s.claims == 38
    assert s.missing == []  # every number claims/ encodes, with the same reading of the value
    assert s.metric / s.claims >= 0.8, s.wrong_metric
    assert s.time / s.claims >= 0.8, s.wrong_time


def test_the_annotated_articles(accuracy):
    s = accuracy.score_gold()
    assert s.articles >= 12 and s.numbers >= 130
    assert s.misread == []  # a wrong number is worse than a missed one
    assert s.value.f1 >= 0.95, s.value.wrong
    # floors under today's figures, so that a change that loses ground shows
    assert s.metric.f1 >= 0.85, s.metric.wrong
    assert s.time.f1 >= 0.75, s.time.wrong
    assert s.entity.f1 >= 0.55, s.entity.wrong


def test_the_gold_spans_are_in_their_articles_in_order(accuracy):
    import tomllib

    gold = tomllib.loads((accuracy.TESTS / "gold.toml").read_text(encoding="utf-8"))
    for article in gold["article"]:
        text = (accuracy.TESTS / "articles" / article["file"]).read_text(encoding="utf-8")
        cursor = 0
        for number in article["numbers"]:
            cursor = text.index(number["value"], cursor) + len(number["value"])


def test_a_thousand_word_article_is_extracted_in_well_under_a_second(accuracy):
    text = accuracy.thousand_words()
    assert len(text.split()) >= 1000
    assert accuracy.extract_seconds(text, repeats=3) < 1.0
