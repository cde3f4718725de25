"""A small run of the validity study (benchmarks/validity.py): seeded errors are caught."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
validity = pytest.importorskip("validity")


def test_a_small_study_catches_value_moving_errors_and_writes_its_report():
    rows, misses, clean = validity.run(per_kind=2, generated=100)
    moved = {r: sum(c[(r, "big")] for c in rows.values()) for r in ("error", "warning", "nothing")}
    assert sum(moved.values()) >= 10
    assert moved["error"] >= 0.6 * sum(moved.values())
    hand = [findings for name, _, _, findings in clean if name.startswith("hand-encoded")]
    assert hand == [()]  # the companies' own figures agree with each other
    text = validity.markdown(rows, misses, clean, 2, 100)
    assert "## Seeded errors" in text and "| scale slip (million/billion) |" in text


def test_the_mutations_do_what_they_say():
    import verify

    corpus = verify.load([str(validity.HERE / "validity_corpus" / "amazon-2024-q4.toml")])
    study = validity.Study(corpus, None, validity.bundled())
    sales = corpus.claim("amazon_q4_2024.sales_q4")
    assert validity.scale_slip(study, sales)[0].value.text == "$187.8 million"
    assert validity.swapped_digits(study, sales)[0].value.text == "$817.8 billion"
    assert validity.decimal_moved(study, sales)[0].value.text == "$1878 billion"
    growth = corpus.claim("amazon_q4_2024.sales_q4_growth")
    assert validity.sign_flip(study, growth)[0].value.text == "down 10%"
    assert validity.percent_points(study, growth)[0].change == "points"
    assert str(validity.wrong_period(study, sales)[0].period.text) == "2024-Q3"


def test_the_hand_encoded_results_corpus_keeps_its_size_and_loads_clean():
    import verify
    from verify.config import discover

    paths = [str(validity.HERE / "validity_corpus")]
    corpus = verify.load(paths, config=discover(paths))
    assert corpus.problems == ()
    assert len(corpus.claims) >= 780  # figures from real results releases and news reports of them
    assert len({c.entity for c in corpus.claims}) >= 10
