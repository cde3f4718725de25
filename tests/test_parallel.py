"""Work shared with forked processes gives the serial loop's results."""

import os
import time

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


class Thing:
    def __init__(self, name):
        self.name = name


@needs_fork
def test_shared_objects_come_back_as_the_same_objects():
    shared = {"first": Thing("first"), "second": Thing("second")}
    items = ["first", "second", "first"]
    results = parallel.ordered_map(lambda name: ("found", shared[name], Thing("made there")), items, jobs=2,
                                   ref=lambda obj: getattr(obj, "name", None) if obj in shared.values() else None,
                                   resolve=shared.__getitem__)
    assert [r[0] for r in results] == ["found"] * 3
    assert all(r[1] is shared[name] for r, name in zip(results, items))
    assert [r[2].name for r in results] == ["made there"] * 3
    assert all(r[2] not in shared.values() for r in results)


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
    from verify import check, engine, load

    _generated(tmp_path, 400)
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


def test_a_small_corpus_is_read_checked_and_written_in_this_process(monkeypatch):
    from pathlib import Path

    from verify import check, load

    monkeypatch.setattr(os, "fork", lambda: pytest.fail("forked"))
    report = check(load([str(Path(__file__).parent.parent / "claims")], jobs=8), jobs=8)
    assert report.findings and "".join(report.pieces("json", jobs=8)) and "".join(report.pieces("text", jobs=8))


@needs_fork
def test_a_large_corpus_is_checked_and_written_in_this_process(tmp_path, monkeypatch):
    """A helper forked for the check or the report copies the pages of the corpus it reads:
    past SHARED_CORPUS_CLAIMS that would double the run's memory."""
    from verify import check, engine, load
    from verify.report import as_json, as_text

    _generated(tmp_path, 400)
    corpus = load([str(tmp_path)])
    monkeypatch.setattr(engine, "CLAIMS_PER_JOB", 100)
    monkeypatch.setattr(as_json, "FINDINGS_PER_JOB", 1)
    monkeypatch.setattr(as_text, "FINDINGS_PER_JOB", 1)
    monkeypatch.setattr(parallel, "SHARED_CORPUS_CLAIMS", len(corpus.claims) - 1)
    monkeypatch.setattr(os, "fork", lambda: pytest.fail("forked"))
    serial = check(corpus, jobs=1)
    report = check(corpus, jobs=3)
    assert report.findings == serial.findings
    for format in ("json", "text"):
        assert "".join(report.pieces(format, jobs=3)) == "".join(serial.pieces(format))


@needs_fork
def test_the_collector_leaves_objects_alone_while_a_child_lives():
    """A collection writes to every object it walks: on either side of a fork it would copy
    every page the two still share."""
    import gc

    assert gc.get_freeze_count() == 0
    before = parallel.start(lambda: iter([gc.get_freeze_count() > 0]))
    assert gc.get_freeze_count() > 0
    with before:
        assert list(before.results()) == [True]
    assert gc.get_freeze_count() == 0
    stopped = parallel.start(lambda: iter([1]))
    stopped.close()  # stopped, not waited for: thawed all the same
    assert gc.get_freeze_count() == 0


@needs_fork
def test_a_child_whose_result_is_not_wanted_is_stopped():
    import time

    with pytest.raises(RuntimeError):
        with parallel.start(lambda: time.sleep(60)) as child:
            pid = child._pid
            raise RuntimeError("this process's own work failed")
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)  # stopped and reaped: no such child any more


def _generated(tmp_path, claims):
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parent.parent / "benchmarks"))
    try:
        from generate import write_corpus
    finally:
        sys.path.pop(0)
    write_corpus(claims, tmp_path)


@needs_fork
def test_files_read_by_a_child_give_the_serial_corpus(tmp_path, monkeypatch):
    from verify.claimfile import loader

    _generated(tmp_path, 600)
    # a value's key is its text, the source's locale and the claim's currency and precision
    (tmp_path / "zz-keys.toml").write_text(
        '[source]\nid = "zz"\nlocale = "de_DE"\npublished = 2025-01-01\n'
        '[defaults]\nentity = "Z"\nmetric = "revenue"\ncurrency = "CNY"\n'
        '[[claim]]\nid = "a"\nvalue = "¥1.234,5 million"\n'
        '[[claim]]\nid = "b"\nvalue = "¥1.234,5 million"\nprecision = 0.5\n'
        '[[claim]]\nid = "x"\nvalue = "$5 gazillion"\n')
    serial = loader.load([str(tmp_path)])

    here = os.getpid()
    read_here = []
    real = loader.read_file
    monkeypatch.setattr(loader, "read_file", lambda path, values: (
        read_here.append(path.name) if os.getpid() == here else None, real(path, values))[1])
    monkeypatch.setattr(loader, "SHARED_LOAD_BYTES", 1)
    files = sorted(tmp_path.glob("*.toml"))
    split = loader._child_share_from(files)
    assert 0 < split < len(files)
    shared = loader.load([str(tmp_path)], jobs=2)
    assert shared == serial and shared.problems  # the same claims, checks and problems, in order
    assert read_here == [f.name for f in files[:split]]  # the child read the rest
    # claims with one value key share one Value, whichever process read them
    by_key = {}
    for c in shared.claims:
        locale = "de_DE" if c.source == "zz" else "en_US"
        by_key.setdefault((c.value.text, locale, c.currency, c.precision), set()).add(id(c.value))
    assert all(len(ids) == 1 for ids in by_key.values())
    assert len(by_key) < len(shared.claims)
    # where each claim stands (not part of a claim's equality), as read in one process
    assert [c.location for c in shared.claims] == [c.location for c in serial.claims]
    # equal texts, periods, dates and line numbers are one object each, whichever process read them
    for field in ("id", "entity", "metric", "period", "as_of", "change"):
        held = [getattr(c, field) for c in shared.claims]
        assert len({id(x) for x in held}) == len(set(held)), field
    lines = [c.location.line for c in shared.claims]
    assert len({id(n) for n in lines}) == len(set(lines))


@needs_fork
def test_a_file_with_a_claim_unlike_the_loaders_travels_as_it_is(tmp_path):
    from verify.claimfile import loader
    from verify.model import Location

    (tmp_path / "a.toml").write_text('[source]\nid = "a"\n[[claim]]\nid = "x"\nentity = "A"\nmetric = "revenue"\n'
                                     'value = "$5bn"\nperiod = "2024"\n')
    values = loader._Values()
    f = loader.read_file(tmp_path / "a.toml", values)
    places = {id(v): i for i, v in enumerate(values.read.values())}
    f_packed, rows = loader._packed(f, places)
    assert rows and f_packed.claims == []
    f = loader.read_file(tmp_path / "a.toml", values)
    claim = f.claims[0]
    assert loader._unpacked((f_packed, rows), list(values.read.values()), loader._Values()).claims == [claim]
    object.__setattr__(claim, "location", Location(f.path, 9, 4))  # a column: not what the loader makes
    assert loader._packed(f, places) is f
    assert loader._packed(f, {}) is f  # a value it cannot name


@needs_fork
def test_what_a_failed_child_did_not_hand_over_is_read_here(tmp_path, monkeypatch):
    from verify import parallel
    from verify.claimfile import loader

    _generated(tmp_path, 300)
    serial = loader.load([str(tmp_path)])
    monkeypatch.setattr(loader, "SHARED_LOAD_BYTES", 1)
    real = parallel.Pending.results

    def two_then_nothing(self, resolve=None):
        for n, item in enumerate(real(self, resolve)):
            if n == 3:  # the values, then two files
                return
            yield item

    monkeypatch.setattr(parallel.Pending, "results", two_then_nothing)
    assert loader.load([str(tmp_path)], jobs=2) == serial




@needs_fork
@settings(max_examples=15, deadline=None)
@given(st.lists(st.integers(-1000, 1000), max_size=40), st.integers(1, 4), st.integers(1, 8))
def test_imap_is_map(items, jobs, per_job):
    assert list(parallel.imap(_square, items, jobs=jobs, per_job=per_job)) == [n * n for n in items]


@needs_fork
def test_imap_yields_the_first_share_from_here_and_the_rest_from_children():
    pids = [pid for _, pid in parallel.imap(_tagged, list(range(600)), jobs=3, per_job=100)]
    assert set(pids[:200]) == {os.getpid()}
    assert os.getpid() not in set(pids[200:]) and len(set(pids[200:])) == 2


@needs_fork
def test_imap_does_here_what_a_failed_child_did_not_hand_over():
    parent = os.getpid()

    def fails_late(n):
        if os.getpid() != parent and n >= 700:
            raise RuntimeError("the child fails after its first chunk")
        return n

    assert list(parallel.imap(fails_late, list(range(1000)), jobs=2, per_job=1)) == list(range(1000))


@needs_fork
def test_imap_left_early_stops_its_children(monkeypatch):
    pids = []
    real_fork = os.fork

    def fork():
        pid = real_fork()
        if pid:
            pids.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", fork)
    results = parallel.imap(_square, list(range(10_000)), jobs=3, per_job=1)
    assert next(results) == 0
    results.close()
    assert len(pids) == 2
    for pid in pids:
        with pytest.raises(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)  # stopped and reaped: no such child any more


@needs_fork
def test_reports_written_by_processes_are_the_serial_ones(tmp_path, monkeypatch):
    from verify import check, load
    from verify.report import as_json, as_text

    _generated(tmp_path, 400)
    report = check(load([str(tmp_path)]))
    assert len(report.findings) > 4
    forks = []
    real_fork = os.fork
    monkeypatch.setattr(os, "fork", lambda: forks.append(1) or real_fork())
    for module in (as_json, as_text):
        monkeypatch.setattr(module, "FINDINGS_PER_JOB", 2)
        assert "".join(report.pieces(module.__name__.rsplit("_")[-1], jobs=2)) == \
            "".join(report.pieces(module.__name__.rsplit("_")[-1]))
    assert len(forks) == 2


def _stat(*cpus):
    """A /proc/stat with these (busy, idle) ticks per CPU."""
    lines = [f"cpu  {sum(b for b, _ in cpus)} 0 0 {sum(i for _, i in cpus)} 0 0 0 0 0 0"]
    lines += [f"cpu{n} {busy} 0 0 {idle} 0 0 0 0 0 0" for n, (busy, idle) in enumerate(cpus)]
    return "\n".join(lines + ["intr 1 2 3", "ctxt 99"]) + "\n"


def test_cpu_ticks_count_the_idle_and_all_ticks_of_this_processs_cpus(tmp_path, monkeypatch):
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 2}, raising=False)
    (tmp_path / "stat").write_text(_stat((10, 90), (50, 50), (30, 70)))
    assert parallel.cpu_ticks(str(tmp_path / "stat")) == (160, 200)  # cpu1 is not ours
    assert parallel.cpu_ticks(str(tmp_path / "missing")) is None


@pytest.mark.parametrize("others_busy, cpus, expected", [
    (0.0, 2, 2),    # a quiet machine: both
    (1.0, 2, 1),    # another program keeps the second CPU busy: this one alone
    (0.6, 2, 1),    # under half a CPU left idle: not worth a process
    (0.4, 2, 2),
    (2.5, 4, 2),    # four CPUs, this one busy, others use two and a half: one more
    (5.0, 4, 1),    # more busy than there are CPUs
])
def test_the_default_jobs_take_only_the_cpus_others_leave_idle(monkeypatch, others_busy, cpus, expected):
    monkeypatch.setattr(parallel, "usable_cpus", lambda: cpus)
    window = 100 * cpus  # ticks over all CPUs; this process kept one CPU busy
    idle = max(0, round((cpus - 1 - others_busy) * 100))
    assert parallel.default_jobs((1000, 5000), (1000 + idle, 5000 + window)) == expected


def test_without_tick_counts_or_too_short_a_look_the_default_is_one_process_per_cpu(monkeypatch):
    monkeypatch.setattr(parallel, "usable_cpus", lambda: 4)
    monkeypatch.setattr(parallel, "cpu_ticks", lambda: None)  # no /proc/stat: not this machine's counts
    assert parallel.default_jobs(None, (10, 20)) == 4
    assert parallel.default_jobs((10, 20), None) == 4
    assert parallel.default_jobs((10, 20), (10, 23)) == 4  # 3 ticks over 4 CPUs tell nothing


@pytest.mark.skipif(parallel.cpu_ticks() is None, reason="no /proc/stat here")
def test_the_default_jobs_on_this_machine_are_between_one_and_its_cpus():
    before = parallel.cpu_ticks()
    end = time.perf_counter() + 0.05
    while time.perf_counter() < end:  # busy, as a starting run is
        pass
    assert 1 <= parallel.default_jobs(before) <= parallel.usable_cpus()
