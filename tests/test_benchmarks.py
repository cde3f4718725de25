"""A small smoke run of the benchmark's generator and runner, so that neither rots."""

import importlib.util
import sys
from pathlib import Path

import pytest

from verify import check, load

BENCHMARKS = Path(__file__).parent.parent / "benchmarks"


def _module(name):
    sys.path.insert(0, str(BENCHMARKS))
    try:
        spec = importlib.util.spec_from_file_location(name, BENCHMARKS / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(BENCHMARKS))


def test_the_generator_writes_valid_mostly_consistent_claims(tmp_path):
    generate = _module("generate")
    assert generate.write_corpus(300, tmp_path) == 300
    corpus = load([str(tmp_path)])
    assert corpus.problems == () and len(corpus.claims) == 300 and len(corpus.checks) > 0
    report = check(corpus)
    findings = len(report.findings)
    # a few percent of figures are garbled on purpose: some findings, never most claims
    assert 0 < findings < 0.15 * 300, findings
    assert {f.rule for f in report.findings} & {"agreement", "period-sum", "change", "check", "identity"}
    assert generate.write_corpus(300, tmp_path / "again") == 300
    assert (tmp_path / "again" / "source-00000.toml").read_text() == (tmp_path / "source-00000.toml").read_text()


def test_the_runner_prints_every_figure(tmp_path, capsys):
    run = _module("run")
    assert run.main(["--sizes", "150", "--repeat", "1", "--work", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    for label in ("python -c pass", "verify --version", "verify --help", "project corpus",
                  "| 150 |", "tomllib floor", "peak RSS", "| CPU |", "summed PSS", "load average"):
        assert label in out, label


@pytest.mark.skipif(not Path("/proc/self/smaps_rollup").exists(), reason="no smaps_rollup here")
def test_the_summed_pss_counts_forked_processes_memory_once_each():
    """A parent and its forked child each write 40 MB of their own: the sum holds both,
    once each (the largest process's RSS would show one)."""
    run = _module("run")
    holder = ("import os, time\n"
              "pid = os.fork()\n"
              "block = bytearray(40 * 2**20)\n"
              "block[::4096] = b'x' * len(block[::4096])\n"
              "time.sleep(0.6)\n"
              "os._exit(0) if pid == 0 else os.waitpid(pid, 0)\n")
    [(_wall, _peak, _cpu, summed)] = run.measure_all([[sys.executable, "-c", holder]], 1, pss=True)
    # two interpreters of a few MB each besides; not the peak RSS of wait4, which counts a
    # forked process's pages before it execs (this test's own, under pytest)
    assert 80 * 2**20 < summed < 120 * 2**20
    [(_wall, _peak, _cpu, unmeasured)] = run.measure_all([[sys.executable, "-c", "pass"]], 1)
    assert unmeasured == 0


def test_without_garbled_figures_the_generator_writes_one_truth_per_fact(tmp_path, monkeypatch):
    generate = _module("generate")
    monkeypatch.setattr(generate, "INCONSISTENT", 0)
    assert generate.write_corpus(1500, tmp_path, seed=16) == 1500
    corpus = load([str(tmp_path)])
    # sources of different years write last year's fourth quarter, shares of one market, staff
    # at year ends: each fact has one true figure, hedged or rounded, so nothing disagrees
    years = {line for f in tmp_path.iterdir() for line in f.read_text().splitlines() if line.startswith("published")}
    assert len({y[12:16] for y in years}) == 3
    assert check(corpus).findings == ()


def test_every_adversarial_shape_but_the_typos_loads_without_problems(tmp_path):
    """A shape that failed to load would time the problem, not the work it names."""
    shapes = _module("shapes")
    for name, (write, _n) in shapes.SHAPES.items():
        folder = tmp_path / name
        folder.mkdir()
        write(100, folder)
        corpus = load([str(folder)])
        problems = [str(p) for p in check(corpus).problems]
        assert (problems != []) == (name == "typos"), (name, problems[:3])


def test_the_hostile_cases_are_built_and_judged(tmp_path, capsys):
    hostile = _module("hostile")
    assert hostile.main(["quoted_garbage", "injection_text", "csv_cut", "--work", str(tmp_path)]) == 0
    rows = [line for line in capsys.readouterr().out.splitlines() if line.startswith("| ") and "---" not in line][1:]
    assert [row.split(" | ")[0] for row in rows] == ["| quoted_garbage", "| injection_text", "| csv_cut"]
    assert all(row.endswith("| ok |") for row in rows), rows
    assert (tmp_path / "csv_cut" / "rates" / "eurofxref-hist.csv").read_text().count("\n") == 401  # kept whole
    # what the judge refuses
    assert hostile.verdict("injection_text", 1, 0.1, 20, "ok\n::error file=.github/x::pwned\n") == "a workflow command"
    assert hostile.verdict("injection_text", 1, 0.1, 20, "a \x1b[31m b") == "a control character"
    assert hostile.verdict("quoted_garbage", 1, 2.5, 250, "Traceback (most recent call last)") == \
        "traceback, over 2 s, over 200 MB"
    assert hostile.verdict("checks_8000", 3, 9.0, 20, "x") == "exit 3"  # the scaling cases have no time bound
