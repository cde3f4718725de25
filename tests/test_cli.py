import json
import os
import re
import stat
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from verify.cli import main

GOOD = textwrap.dedent("""
    [source]
    id = "{id}"
    published = 2025-02-24
    [defaults]
    entity = "Alibaba Group"
    [[claim]]
    id = "revenue"
    metric = "revenue"
    period = "2024-Q4"
    value = "$38.4 billion"
    [[claim]]
    id = "employees"
    metric = "employees"
    value = "over 194,000 employees"
""")


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "claims"
    folder.mkdir()
    (folder / "a.toml").write_text(GOOD.format(id="a"), encoding="utf-8")
    (folder / "b.toml").write_text(GOOD.format(id="b"), encoding="utf-8")
    return folder


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_valid_files_print_a_summary_and_exit_0(capsys, corpus):
    code, out, _ = run(capsys, corpus)
    assert code == 0
    assert out.strip().splitlines()[-1].startswith("2 files, 4 claims")


def test_a_broken_file_exits_2_and_still_reports_the_good_ones(capsys, corpus):
    (corpus / "c.toml").write_text('[source]\nid = "c"\n[[claim]]\nid = "x"\nvalue = "¥5bn"\n', encoding="utf-8")
    code, out, _ = run(capsys, corpus, "--format", "json")
    assert code == 2
    report = json.loads(out)
    assert report["version"] == 1
    assert report["summary"]["files"] == 3 and report["summary"]["claims"] == 4
    assert report["summary"]["problems"] == len(report["problems"]) >= 1
    problem = report["problems"][0]
    assert problem["file"].endswith("c.toml") and problem["line"] >= 1 and "ambiguous" in problem["message"] or \
        "no `entity`" in problem["message"]


def test_text_problems_name_file_and_line(capsys, corpus):
    (corpus / "c.toml").write_text('[source]\nid = "c"\nttle = "x"\n', encoding="utf-8")
    code, out, _ = run(capsys, corpus)
    assert code == 2
    assert f"{corpus / 'c.toml'}:3: problem: unknown field in [source] 'ttle': did you mean 'title'?" in out


def test_no_claim_files_is_exit_2(capsys, tmp_path):
    code, out, _ = run(capsys, tmp_path / "nothing")
    assert code == 2 and "no such file or folder" in out


def test_default_path_is_claims(capsys, corpus, monkeypatch):
    monkeypatch.chdir(corpus.parent)
    code, out, _ = run(capsys)
    assert code == 0 and "2 files" in out


def test_output_file_is_written(capsys, corpus, tmp_path):
    target = tmp_path / "report.json"
    code, out, _ = run(capsys, corpus, "--format", "json", "--output", target)
    assert code == 0 and out == ""
    assert json.loads(target.read_text())["summary"]["claims"] == 4
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".report")] == []


def test_output_to_a_pipe_or_device_writes_through_it(capsys, corpus, tmp_path):
    # `--output /dev/null` once renamed a temporary file over /dev/null: a FIFO shows it safely.
    fifo = tmp_path / "report.fifo"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    code, out, _ = run(capsys, corpus, "--format", "json", "--output", fifo)
    reader.join(timeout=10)
    assert code == 0 and out == ""
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert json.loads(received[0])["summary"]["claims"] == 4


def test_a_report_that_fails_midway_leaves_the_old_file(tmp_path):
    from verify.io import write_atomically

    target = tmp_path / "report.txt"
    target.write_text("old\n")

    def pieces():
        yield "new, first half\n"
        raise RuntimeError("rendering failed")

    with pytest.raises(RuntimeError):
        write_atomically(target, pieces())
    assert target.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.txt"]
    write_atomically(target, iter(["a", "é\n", b"bytes\n"]))
    assert target.read_text(encoding="utf-8") == "aé\nbytes\n"


def test_usage_errors_exit_2(capsys):
    with pytest.raises(SystemExit) as info:
        main(["--format", "yaml"])
    assert info.value.code == 2


def test_colour_only_when_asked_or_on_a_terminal(capsys, corpus):
    (corpus / "c.toml").write_text('[source]\nid = "c"\nttle = "x"\n', encoding="utf-8")
    _, plain, _ = run(capsys, corpus)
    _, coloured, _ = run(capsys, corpus, "--color", "always")
    assert "\033[" not in plain and "\033[35mproblem" in coloured


def test_module_and_console_script_run(corpus):
    env = {**os.environ, "NO_COLOR": "1"}
    for command in ([sys.executable, "-m", "verify", str(corpus)],
                    [str(Path(sys.executable).parent / "verify"), str(corpus)]):
        done = subprocess.run(command, capture_output=True, text=True, env=env)
        assert done.returncode == 0, done.stderr
        assert "2 files, 4 claims" in done.stdout
    version = subprocess.run([sys.executable, "-m", "verify", "--version"], capture_output=True, text=True)
    assert version.stdout.startswith("verify ")


def test_version_and_help_do_not_import_the_heavy_libraries():
    code = ("import sys; from verify.cli import main\n"
            "try:\n    main(['--version'])\nexcept SystemExit: pass\n"
            "print(sorted(m for m in ('pint', 'babel', 'verify.values', 'verify.claimfile') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_rules_lists_families_and_pack_identities(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "house.toml").write_text('[pack]\nname = "house"\n[[identity]]\nid = "ads"\n'
                                         'expr = "ad_revenue <= revenue"\n', encoding="utf-8")
    (tmp_path / "verify.toml").write_text('packs = ["house.toml"]\n', encoding="utf-8")
    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    for rule in ("agreement", "period-sum", "change", "identity", "share", "check", "unit",
                 "identity.market_cap", "identity.net_margin"):
        assert re.search(rf"^{re.escape(rule)}\s", out, re.MULTILINE), rule
    assert re.search(r"^identity\.ads\s+ad_revenue <= revenue\s+\[house pack", out, re.MULTILINE)


def test_explain_says_what_a_rule_checks_with_an_example(capsys):
    assert main(["explain", "share.rank"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("share.rank: ") and "Example:" in out and "fourth" in out
    assert main(["explain", "identity.market_cap"]) == 0
    assert "share price times the number of its shares" in capsys.readouterr().out


def test_explain_an_unknown_rule_names_the_closest(capsys):
    assert main(["explain", "agreemnt"]) == 2
    assert "did you mean 'agreement'?" in capsys.readouterr().err


@pytest.mark.parametrize("jobs", ["0", "-1", "two"])
def test_jobs_must_be_a_number_of_processes(capsys, corpus, jobs):
    with pytest.raises(SystemExit) as info:
        main([str(corpus), "--jobs", jobs])
    assert info.value.code == 2
    assert "is not a number of processes: write --jobs 2" in capsys.readouterr().err


def test_jobs_do_not_change_the_report(capsys, corpus):
    reports = [run(capsys, corpus, "--format", "json", "--jobs", jobs) for jobs in ("1", "2")]
    assert reports[0] == reports[1] and reports[0][0] == 0


def test_the_program_holds_the_collector_off_for_a_check_only():
    code = ("import atexit, gc, sys\n"
            "atexit.register(lambda: print('collecting', gc.isenabled()))\n"
            "sys.argv = ['verify', sys.argv[1], '--help']\n"
            "from verify.cli import program\nprogram()")
    for command, collecting in (("claims", False), ("lsp", True), ("draft", True)):
        done = subprocess.run([sys.executable, "-c", code, command], capture_output=True, text=True)
        assert done.stdout.splitlines()[-1] == f"collecting {collecting}", done.stderr


def test_help_fits_the_terminal_and_a_plain_run_loads_nothing_it_does_not_use():
    def shown(*args, columns="200"):
        done = subprocess.run([sys.executable, "-c", "import sys; from verify.cli import main\n"
                               "try:\n    main(sys.argv[1:])\nexcept SystemExit: pass\n"
                               "print(sorted(m for m in ('babel', 'shutil', 'tempfile') if m in sys.modules))",
                               *args], capture_output=True, text=True, env={**os.environ, "COLUMNS": columns})
        return done.stdout.splitlines()

    narrow, wide = shown("--help", columns="60"), shown("--help")
    assert max(map(len, wide[:-1])) > 100 and len(narrow) > len(wide)
    assert shown(str(Path(__file__).resolve().parents[1] / "claims"))[-1] == "[]"
