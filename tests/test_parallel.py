"""Work shared with forked processes gives the serial loop's results."""

import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from verify import parallel

needs_fork = pytest.mark.skipif(not parallel.can_fork(), reason="this platform does not fork")


@given(st.lists(st.floats(0, 100), max_size=30), st.integers(1, 5))
def test_shares_deal_every_index_once_and_evenly(costs, parts):
    dealt = parallel.shares(costs, parts)
    assert sorted(i for share in dealt for i in share) == list(range(len(costs)))
    assert all(share == sorted(share) and share for share in dealt)
    assert len(dealt) <= parts
    if len(dealt) == parts:
        totals = [sum(costs[i] for i in share) for share in dealt]
        # dealing the dearest first to the least loaded: no share exceeds another by more than one item
        assert max(totals) - min(totals) <= max(costs) + 1e-9


def _square(n):
    return n * n


def _tagged(n):
    return (n, os.getpid())


@needs_fork
@settings(max_examples=15, deadline=None)
@given(st.lists(st.integers(-1000, 1000), max_size=12), st.integers(1, 4))
def test_the_results_are_the_serial_loops(items, jobs):
    assert parallel.ordered_map(_square, items, jobs=jobs) == [n * n for n in items]


@needs_fork
def test_children_do_a_share_of_the_work():
    pids = {pid for _, pid in parallel.ordered_map(_tagged, list(range(8)), jobs=2)}
    assert os.getpid() in pids and len(pids) == 2


@needs_fork
def test_shared_objects_come_back_as_the_same_objects():
    shared = {"first": ["a list"], "second": {"a": "dict"}}
    names = {id(o): name for name, o in shared.items()}
    items = ["first", "second", "first"]
    results = parallel.ordered_map(lambda name: ("found", shared[name], ["made here"]), items, jobs=2,
                                   ref=lambda obj: names.get(id(obj)), resolve=shared.__getitem__)
    assert [r[0] for r in results] == ["found"] * 3
    assert all(r[1] is shared[name] for r, name in zip(results, items))
    assert [r[2] for r in results] == [["made here"]] * 3


@needs_fork
def test_a_share_whose_child_fails_is_done_here():
    parent = os.getpid()

    def only_here(n):
        if os.getpid() != parent:
            raise RuntimeError("the child fails")
        return n + 1

    assert parallel.ordered_map(only_here, [1, 2, 3, 4], jobs=3) == [2, 3, 4, 5]


@needs_fork
def test_a_child_that_dies_is_redone_here():
    parent = os.getpid()

    def dies(n):
        if os.getpid() != parent:
            os._exit(9)
        return -n

    assert parallel.ordered_map(dies, [1, 2, 3], jobs=2) == [-1, -2, -3]


def test_one_job_forks_nothing(monkeypatch):
    monkeypatch.setattr(os, "fork", lambda: pytest.fail("forked"))
    assert parallel.ordered_map(_square, [1, 2, 3], jobs=1) == [1, 4, 9]


def test_where_the_platform_cannot_fork_the_work_is_serial(monkeypatch):
    monkeypatch.setattr(parallel, "can_fork", lambda: False)
    monkeypatch.setattr(os, "fork", lambda: pytest.fail("forked"))
    assert parallel.ordered_map(_square, [1, 2, 3], jobs=4) == [1, 4, 9]


@needs_fork
def test_a_check_in_processes_gives_the_serial_report(tmp_path, monkeypatch):
    import sys
    from pathlib import Path

    from verify import check, engine, load

    sys.path.insert(0, str(Path(__file__).parent.parent / "benchmarks"))
    try:
        from generate import write_corpus
    finally:
        sys.path.pop(0)
    write_corpus(400, tmp_path)
    corpus = load([str(tmp_path)])
    serial = check(corpus, jobs=1)
    forks = []
    real_fork = os.fork
    monkeypatch.setattr(os, "fork", lambda: forks.append(1) or real_fork())
    monkeypatch.setattr(engine, "CLAIMS_PER_JOB", 100)
    forked = check(corpus, jobs=3)
    assert len(forks) == 2
    assert serial.findings and forked.findings == serial.findings
    # the findings point at the very claims of the corpus, not at copies
    assert all(c is corpus.claims[corpus.claims.index(c)] for f in forked.findings for c in f.claims)
    assert {k: list(v) for k, v in forked.ran.items()} == {k: list(v) for k, v in serial.ran.items()}
    assert (forked.skipped, forked.run_problems) == (serial.skipped, serial.run_problems)
    assert "".join(forked.pieces("json")) == "".join(serial.pieces("json"))


def test_a_small_corpus_is_checked_in_this_process(monkeypatch):
    from pathlib import Path

    from verify import check, load

    monkeypatch.setattr(os, "fork", lambda: pytest.fail("forked"))
    assert check(load([str(Path(__file__).parent.parent / "claims")]), jobs=8).findings


@needs_fork
def test_a_child_whose_result_is_not_wanted_is_stopped():
    import time

    with pytest.raises(RuntimeError):
        with parallel.start(lambda: time.sleep(60)) as child:
            pid = child._pid
            raise RuntimeError("this process's own work failed")
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)  # stopped and reaped: no such child any more


@needs_fork
def test_values_read_ahead_by_a_child_give_the_serial_corpus(tmp_path, monkeypatch):
    import sys
    from pathlib import Path

    from verify.claimfile import loader

    sys.path.insert(0, str(Path(__file__).parent.parent / "benchmarks"))
    try:
        from generate import write_corpus
    finally:
        sys.path.pop(0)
    write_corpus(600, tmp_path)
    # the key of a value is its text, the source's locale and the claim's currency and precision
    (tmp_path / "zz-keys.toml").write_text(
        '[source]\nid = "zz"\nlocale = "de_DE"\npublished = 2025-01-01\n'
        '[defaults]\nentity = "Z"\nmetric = "revenue"\ncurrency = "CNY"\n'
        '[[claim]]\nid = "a"\nvalue = "¥1.234,5 million"\n'
        '[[claim]]\nid = "b"\nvalue = "¥1.234,5 million"\nprecision = 0.5\n'
        '[[claim]]\nid = "c"\nvalue = "¥1.234,5 million"\nprecision = "exact"\n'
        '[[claim]]\nid = "x"\nvalue = "$5 gazillion"\n')
    serial = loader.load([str(tmp_path)])

    here = os.getpid()
    parsed_here = []
    real = loader.parse_value

    def counted(text, **kwargs):
        if os.getpid() == here:
            parsed_here.append(text)
        return real(text, **kwargs)

    monkeypatch.setattr(loader, "parse_value", counted)
    monkeypatch.setattr(loader, "READ_AHEAD_BYTES", 1)
    files = sorted(tmp_path.glob("*.toml"))
    split = loader._read_ahead_from(files)
    assert 0 < split < len(files)
    ahead = loader.load([str(tmp_path)], jobs=2)
    assert ahead == serial and ahead.problems  # the same claims, checks and problems, in order
    in_first = len(parsed_here) - 1  # the gazillion, in the last file, fails in the child too
    parsed_here.clear()
    loader.load([str(f) for f in files[:split]])
    # every value of the later files came from the child: the keys are read as the loader reads them
    assert in_first == len(parsed_here)
