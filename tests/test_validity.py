"""A small run of the validity study (benchmarks/validity.py): seeded errors are caught."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
validity = pytest.importorskip("validity")


def test_a_small_study_catches_value_moving_errors_and_writes_its_report():
    rows, misses, clean, causes = validity.run(per_kind=1, generated=100)
    moved = {r: sum(c[(r, "big")] for c in rows.values()) for r in ("error", "warning", "nothing")}
    assert sum(moved.values()) >= 10
    assert moved["error"] >= 0.6 * sum(moved.values())
    hand = [findings for name, _, _, findings in clean if name.startswith("hand-encoded")]
    assert hand == [()]  # the companies' own figures agree with each other
    generated = [findings for name, _, _, findings in clean if name.startswith("generated")]
    assert generated == [()]  # one true figure per fact, hedged and rounded
    # every value-moving miss has a computed cause, and the causes add up to the misses
    assert sum(sum(c.values()) for c in causes.values()) == sum(len(m) for m in misses.values())
    assert all(cause in validity.CAUSES or set(cause.split(" + ")) <= set(validity.SLACKS)
               for c in causes.values() for cause in c)
    text = validity.markdown(rows, misses, clean, causes, 1, 100)
    assert "## Seeded errors" in text and "| scale slip (million/billion) |" in text
    assert "### Why the value-moving misses are missed" in text


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


def test_a_slip_inside_a_neighbours_hedge_is_explained_by_it(tmp_path):
    import verify

    body = """[source]
id = "s"
published = 2025-02-10

[[claim]]
id = "a"
entity = "Acme"
metric = "revenue"
value = "about $100.0bn"
period = "2024"

[[claim]]
id = "b"
entity = "Acme"
metric = "revenue"
value = "$100.0bn"
period = "2024"
"""
    (tmp_path / "s.toml").write_text(body)
    corpus = verify.load([str(tmp_path)])
    study = validity.Study(corpus, None, validity.bundled())
    written = corpus.claim("s.b")
    # $105bn is 5% off: apart from $100.0bn strictly; loosely "about $100bn" reaches $110bn
    seeded = validity._with_value(written, "$105.0bn")
    assert study.outcome(written, seeded) == "warning"
    assert study.cause(written, seeded) == "others"
    # $100.1bn, read bare, is within the tolerance of $100.0bn: a rounding, not a slip
    assert study.cause(written, validity._with_value(written, "$101.0bn")) == "rounding"


def test_a_seeded_share_total_counts_each_entity_once(tmp_path):
    import verify

    claims = "".join(f"""
[[claim]]
id = "{ref}"
entity = "{entity}"
metric = "market_share"
market = "cloud"
value = "{share}"
period = "2024-Q4"
""" for ref, entity, share in (("a", "A", "30%"), ("b", "B", "20%"), ("b2", "B", "20%")))
    (tmp_path / "s.toml").write_text('[source]\nid = "s"\npublished = 2025-02-10\n' + claims)
    corpus = verify.load([str(tmp_path)])
    study = validity.Study(corpus, None, validity.bundled())
    new, _ = validity.share_over_100(study, corpus.claim("s.a"))
    assert new.value.text == "90.0%"  # with B's 20% once: 110%


def test_a_slip_that_only_an_inequality_sees_is_explained_by_it(tmp_path):
    import verify

    (tmp_path / "s.toml").write_text("""[source]
id = "s"
published = 2025-02-10

[[claim]]
id = "eps"
entity = "Acme"
metric = "earnings_per_share"
value = "$3.60 per share"
period = "2024"

[[claim]]
id = "eps_prior"
entity = "Acme"
metric = "earnings_per_share"
value = "$1.80 per share"
period = "2023"

[[check]]
id = "doubled"
expr = "eps / eps_prior >= 2"
""")
    corpus = verify.load([str(tmp_path)])
    study = validity.Study(corpus, None, validity.bundled())
    written = corpus.claim("s.eps")
    tenfold = validity.decimal_moved(study, written)[0]  # $36.0 a share: still at least double
    assert study.outcome(written, tenfold) == "nothing"
    assert study.cause(written, tenfold) == "inequality"
    halved = validity._with_value(written, "$1.80 per share")
    assert study.outcome(written, halved) == "error"
