"""Hostile input, run through the real command line: every case ends with problems
(exit 2) or a report, within 2 s and 200 MB, with a message that says what to fix.

Each case is built here, in tmp_path. A run is a subprocess that times `main()` and
reads its own peak memory; an address-space limit keeps a regression from taking the
machine down with it.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import attrs
import pytest

from verify.cli import FORMAT_NAMES

SECONDS = 2.0
MEGABYTES = 200

RUNNER = textwrap.dedent("""
    import resource, sys, time
    resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))
    start = time.perf_counter()
    from verify.cli import main
    try:
        code = main(sys.argv[1:])
    except SystemExit as exc:
        code = exc.code
    seconds = time.perf_counter() - start
    try:  # this program's own peak: ru_maxrss would count the test process it was forked from
        with open("/proc/self/status") as status:
            peak = next(int(l.split()[1]) for l in status if l.startswith("VmHWM:")) / 1024
    except OSError:
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    sys.stderr.write(f"\\n@@ {seconds:.3f} {peak:.1f}\\n")
    sys.stderr.flush()
    sys.exit(code)
""")


@attrs.frozen
class Run:
    code: int
    out: str
    err: str
    seconds: float
    megabytes: float

    @property
    def said(self) -> str:
        return self.out + self.err


# Past the nesting every tomli the bounds allow refuses: 400 levels from 2.3, Python's
# recursion limit (about 1,000) before.
TOO_DEEP = "x = " + "[" * 1100 + "]" * 1100 + "\n"


def verify(*args, cwd: Path | None = None, stdout=None, env: dict | None = None) -> Run:
    done = subprocess.run([sys.executable, "-c", RUNNER, "--jobs", "1", *map(os.fsdecode, args)]
                          if args[:1] not in (("rates",), ("rules",), ("fmt",)) else
                          [sys.executable, "-c", RUNNER, *map(os.fsdecode, args)],
                          cwd=cwd, stdout=stdout if stdout is not None else subprocess.PIPE,
                          stderr=subprocess.PIPE, timeout=60, env=env)
    err = done.stderr.decode("utf-8", "replace")
    err, _, stats = err.rpartition("\n@@ ")
    seconds, megabytes = map(float, stats.split())
    out = done.stdout.decode("utf-8", "replace") if done.stdout is not None else ""
    run = Run(done.returncode, out, err, seconds, megabytes)
    assert "Traceback" not in run.err, run.err
    assert run.seconds < SECONDS, run
    assert run.megabytes < MEGABYTES, run
    return run


HEAD = textwrap.dedent("""\
    [source]
    id = "s"
    published = 2025-02-24

    [[claim]]
    id = "a"
    entity = "E"
    metric = "revenue"
    period = "2024-Q4"
    value = "$10 billion"
""")


def claim_file(folder: Path, extra: str = "", name: str = "c.toml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(HEAD + textwrap.dedent(extra), encoding="utf-8")
    return path


def check(expr: str) -> str:
    return f'[[check]]\nid = "k"\nexpr = "{expr}"\n'


def claim(value: str, **fields: str) -> str:
    lines = "".join(f"{k} = {v}\n" for k, v in fields.items())
    return f'[[claim]]\nid = "b"\nentity = "E"\nmetric = "revenue"\nperiod = "2024-Q4"\nvalue = "{value}"\n{lines}'


def problem(run: Run, *fragments: str) -> str:
    """The run ended with problems (exit 2) and said each fragment on one line."""
    assert run.code == 2, run
    lines = [line for line in run.said.splitlines() if all(f in line for f in fragments)]
    assert lines, run.said
    return lines[0]


# -- crashes in claim files ------------------------------------------------------

@pytest.mark.parametrize("literal, said", [
    ("'garbage'", "expected a number at 'garbage'"),
    ("'¥5'", "'¥' is ambiguous"),
])
def test_an_unreadable_quoted_value_in_a_check_is_a_problem_at_its_column(tmp_path, literal, said):
    path = claim_file(tmp_path, check(f"a == {literal}"))
    line = problem(verify(path), said, "quoted value")
    assert line.startswith(f"{path}:13:15:")  # the check's expr, at the quote


def test_a_check_reads_a_good_quoted_value_as_before(tmp_path):
    run = verify(claim_file(tmp_path, check("a == '$10 billion'")))
    assert run.code == 0, run


@pytest.mark.parametrize("number", ["1e4400", "1e999999999", "1e-999999999", "9" * 150])
def test_a_number_past_the_bounds_in_a_check_is_a_problem(tmp_path, number):
    problem(verify(claim_file(tmp_path, check(f"{number} == 1"))), "no figure", "c.toml:13")


def test_a_long_chain_of_terms_is_a_problem_not_a_recursion_error(tmp_path):
    line = problem(verify(claim_file(tmp_path, check("1" + "+1" * 997 + " == 1"))), "more than 200 operators")
    assert ":13:" in line


def test_a_chain_within_the_bound_is_evaluated(tmp_path):
    run = verify(claim_file(tmp_path, check("1" + "+1" * 199 + " == 200")))
    assert run.code == 0, run


def every_format(tmp_path: Path, path: Path) -> tuple[Run, dict[str, str]]:
    """One run writing every report format; the run and each report's text."""
    reports = {format: tmp_path / f"report.{format}" for format in FORMAT_NAMES}
    run = verify(path, *(a for format, out in reports.items() for a in ("--report", f"{format}:{out}")))
    return run, {format: out.read_text(encoding="utf-8") for format, out in reports.items()}


def test_a_product_of_large_numbers_is_reported_in_every_format(tmp_path):
    # 1e100 fifty times: 10**5000, past Python's 4,300-digit limit for str(int)
    run, reports = every_format(tmp_path, claim_file(tmp_path, check("*".join(["1e100"] * 50) + " == 1")))
    assert run.code == 1, run
    for format, text in reports.items():
        assert "e4998" in text or "1" + "0" * 5000 in text, (format, text[:2000])
    json.loads(reports["json"])


@pytest.mark.parametrize("value", ["$9999999999999999999999999999999 billion", "$1234567890123456789012345678901"])
def test_money_with_31_significant_digits_is_reported_in_every_format(tmp_path, value):
    run, reports = every_format(tmp_path, claim_file(tmp_path, claim(value)))
    assert run.code == 1, run  # the two revenue figures disagree
    assert "internal error" not in run.said
    for format, text in reports.items():
        assert "s.b" in text, format


def test_26_digits_with_bad_grouping_are_a_problem(tmp_path):
    problem(verify(claim_file(tmp_path, claim("1,0000000000000000000000000"))), "is not a number", "c.toml:16")


def test_a_unit_with_a_tower_of_powers_is_refused_before_pint_sees_it(tmp_path):
    line = problem(verify(claim_file(tmp_path, claim("5 km^9^9^9"))), "unknown unit 'km^9^9^9'")
    assert ":16:" in line


@pytest.mark.parametrize("precision", ['"1e999999999"', '"1e-999999999"', "1e300"])
def test_a_precision_past_the_bounds_is_a_problem(tmp_path, precision):
    problem(verify(claim_file(tmp_path, claim("$5", precision=precision))), "precision", "c.toml:17")


def test_toml_nested_too_deeply_is_a_syntax_error_with_a_line(tmp_path):
    path = claim_file(tmp_path, TOO_DEEP)
    problem(verify(path), f"{path}:11:", "nested too deeply")


def test_dates_whose_arithmetic_would_overflow_are_refused(tmp_path):
    path = claim_file(tmp_path, textwrap.dedent("""\
        [[claim]]
        id = "b"
        entity = "E"
        metric = "market_cap"
        as_of = 0001-01-01
        change = "percent"
        since = "-1 month"
        value = "up 5%"
    """))
    problem(verify(path), "as_of 0001-01-01 is out of range", "1800 to 2200")


# -- files that are not what they seem --------------------------------------------

def test_a_symlink_loop_among_claim_files_is_a_problem_and_the_rest_is_read(tmp_path):
    claim_file(tmp_path / "claims")
    (tmp_path / "claims" / "loop.toml").symlink_to("loop.toml")
    run = verify(tmp_path / "claims")
    problem(run, "loop.toml", "symbolic links")
    assert "1 claim" in run.out


def test_a_symlink_loop_as_the_first_path_is_a_problem(tmp_path):
    (tmp_path / "loop.toml").symlink_to("loop.toml")
    problem(verify("loop.toml", cwd=tmp_path), "loop.toml", "symbolic links")


def test_a_fifo_named_like_a_claim_file_is_not_waited_on(tmp_path):
    claim_file(tmp_path)
    os.mkfifo(tmp_path / "p.toml")
    run = verify(tmp_path)
    problem(run, "p.toml", "not a regular file")
    assert "1 claim" in run.out


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_device_given_as_a_claim_file_is_not_read(device):
    problem(verify(device), device, "not a regular file")


def test_a_file_name_that_is_not_utf8_is_reported_and_written(tmp_path):
    folder = tmp_path / "claims"
    claim_file(folder, "bogus = 1\n", name=os.fsdecode(b"bad\xff.toml"))
    for format in ("text", "json"):
        out = tmp_path / os.fsdecode(b"report\xfe." + format.encode())
        run = verify(folder, "--format", format, "--output", out)
        assert run.code == 2, run
        written = out.read_bytes()
        assert b"bad\xff.toml" in written or b"bad\\udcff.toml" in written


def test_a_claim_file_larger_than_the_cap_is_refused_by_what_is_read(tmp_path):
    from verify.claimfile.discover import MAX_FILE_BYTES

    path = claim_file(tmp_path)
    with path.open("ab") as f:
        f.write(b"#" * (MAX_FILE_BYTES + 1))
    problem(verify(path), "larger than 64 MiB")


# -- config, pyproject, packs and rates sources with the wrong content -----------------

def project(tmp_path: Path, config: str, name: str = "verify.toml") -> Path:
    claim_file(tmp_path / "claims")
    (tmp_path / name).write_text(textwrap.dedent(config), encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("config, said", [
    ("[hedges.about]\nstrict = 5\n", "hedges.about.strict is an interval"),
    ('[hedges.about]\nstrict = "[1e999999999, 1]"\n', "hedges.about.strict is an interval"),
    ('loose-min-relative = "1e-999999999"\n', "loose-min-relative is a fraction"),
    ("loose-tolerance = 1e300\n", "loose-tolerance is a fraction"),
    ("loose-tolerance = true\n", "loose-tolerance is a fraction"),
    ('packs = ["/dev/zero"]\n', "not a regular file"),
    ('vocabularies = ["/dev/zero"]\n', "not a regular file"),
    (TOO_DEEP, "nested too deeply"),
])
def test_a_bad_config_is_a_problem_with_its_file(tmp_path, config, said):
    folder = project(tmp_path, config)
    line = problem(verify("claims", cwd=folder), said)
    assert "verify.toml" in line or "/dev/zero" in line


@pytest.mark.parametrize("pyproject", [
    "[tool]\nverify = 5\n",
    "[tool.verify]\n" + "x = " + "{a = " * 450 + "1" + "}" * 450 + "\n",
])
def test_a_bad_pyproject_is_a_problem(tmp_path, pyproject):
    folder = project(tmp_path, pyproject, "pyproject.toml")
    problem(verify("claims", "--config", "pyproject.toml", cwd=folder), "pyproject.toml")


def test_a_pyproject_whose_tool_is_no_table_is_not_a_config(tmp_path):
    folder = project(tmp_path, 'tool = "verify"\n', "pyproject.toml")
    assert verify("claims", cwd=folder).code == 0
    problem(verify("claims", "--config", "pyproject.toml", cwd=folder), "[tool.verify]", "is a table")


@pytest.mark.parametrize("pack, said", [
    ('pack = 5\n[[identity]]\nid = "x"\nexpr = "a == b"\n', "[pack] is a table"),
    ("identity = [1]\n", "each identity is a table"),
    ('[[identity]]\nid = "x"\nexpr = "a == b"\nexplain = 5\n', "texts in quotes"),
    ('[[identity]]\nid = "x"\nexpr = "a == 1e999999999 * b"\n', "no figure"),
    ('[[identity]]\nid = "x"\nexpr = "a == b' + " + b" * 300 + '"\n', "more than 200 operators"),
    (TOO_DEEP, "nested too deeply"),
])
def test_a_bad_rule_pack_is_a_problem_with_its_file(tmp_path, pack, said):
    folder = project(tmp_path, 'packs = ["pack.toml"]\n')
    (folder / "pack.toml").write_text(pack, encoding="utf-8")
    problem(verify("claims", cwd=folder), "pack.toml", said)


RATES_CSV = "Date,USD,JPY,\n2025-01-03,1.0323,162.88,\n2025-01-02,1.0321,163.11,\n"


@pytest.mark.parametrize("sources, said", [
    ("source = 5\n", "is a table of texts"),
    ("source = [1]\n", "is a table of texts"),
    ('[[source]]\nname = 5\nfile = "r.csv"\n', "is a table of texts"),
    (TOO_DEEP, "nested too deeply"),
    ('[[source]]\nname = "L"\nfile = "loop.csv"\n', "loop.csv"),
])
def test_a_bad_rates_folder_is_a_problem(tmp_path, sources, said):
    rates = tmp_path / "rates"
    rates.mkdir()
    (rates / "r.csv").write_text(RATES_CSV, encoding="utf-8")
    (rates / "loop.csv").symlink_to("loop.csv")
    (rates / "sources.toml").write_text(sources, encoding="utf-8")
    claim_file(tmp_path / "claims")
    problem(verify("claims", "--rates", "rates", cwd=tmp_path), said)
    problem(verify("rates", "show", "--rates", "rates", cwd=tmp_path), said)


# -- output ---------------------------------------------------------------------

def test_a_full_disk_on_standard_output_is_a_message_and_exit_2(tmp_path):
    with open("/dev/full", "wb") as full:
        run = verify(claim_file(tmp_path), stdout=full)
    problem(run, "cannot write the text report to standard output", "No space left")


def test_an_unwritable_output_is_a_message_and_exit_2(tmp_path):
    problem(verify(claim_file(tmp_path), "--output", tmp_path / "no" / "such" / "r.txt"), "cannot write")


@pytest.mark.parametrize("option", ["--output", "--report"])
def test_a_report_over_an_input_file_is_refused_and_the_input_kept(tmp_path, option):
    path = claim_file(tmp_path)
    before = path.read_bytes()
    target = f"json:{path}" if option == "--report" else str(path)
    problem(verify(tmp_path, option, target), "would overwrite", "which this run reads")
    assert path.read_bytes() == before


@pytest.mark.parametrize("option", ["--output", "--report"])
def test_a_report_over_an_article_the_claims_quote_is_refused_and_the_article_kept(tmp_path, option):
    (tmp_path / "article.txt").write_text("Revenue was $10 billion.\n", encoding="utf-8")
    (tmp_path / "c.toml").write_text('[source]\nid = "s"\npublished = 2025-02-24\ntext = "article.txt"\n'
                                     '[[claim]]\nid = "a"\nentity = "E"\nmetric = "revenue"\nperiod = "2024"\n'
                                     'value = "$10 billion"\nquote = "Revenue was $10 billion"\n', encoding="utf-8")
    target = "article.txt" if option == "--output" else "text:article.txt"
    problem(verify(".", option, target, cwd=tmp_path), "would overwrite", "article.txt")
    assert (tmp_path / "article.txt").read_text(encoding="utf-8") == "Revenue was $10 billion.\n"


def test_a_report_over_a_rates_file_or_the_config_is_refused(tmp_path):
    rates = tmp_path / "rates"
    rates.mkdir()
    (rates / "r.csv").write_text(RATES_CSV, encoding="utf-8")
    (rates / "sources.toml").write_text('[[source]]\nname = "R"\nfile = "r.csv"\n', encoding="utf-8")
    folder = project(tmp_path, 'rates = "rates"\n')
    problem(verify("claims", "--output", "rates/r.csv", cwd=folder), "would overwrite", "r.csv")
    problem(verify("claims", "--report", "json:verify.toml", cwd=folder), "would overwrite", "verify.toml")
    assert (rates / "r.csv").read_text(encoding="utf-8") == RATES_CSV


def test_a_report_file_respects_the_umask_and_keeps_an_existing_mode(tmp_path):
    path = claim_file(tmp_path / "claims")
    fresh, kept = tmp_path / "fresh.txt", tmp_path / "kept.txt"
    kept.write_text("old", encoding="utf-8")
    kept.chmod(0o640)
    old = os.umask(0o022)
    try:
        verify(path, "--output", fresh)
        verify(path, "--output", kept)
    finally:
        os.umask(old)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o644
    assert stat.S_IMODE(kept.stat().st_mode) == 0o640
    assert "1 file" in kept.read_text(encoding="utf-8")


def dead_pid() -> str:
    """The id of a process that has ended."""
    return subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True).stdout.strip()


def test_a_killed_runs_temporary_file_is_removed_by_the_next_write(tmp_path):
    path = claim_file(tmp_path / "claims")
    stale = tmp_path / f".r.txt.{dead_pid()}.abcd1234"
    stale.write_text("half a report", encoding="utf-8")
    live = tmp_path / f".r.txt.{os.getpid()}.abcd1234"  # this process is alive: its file stays
    live.write_text("being written", encoding="utf-8")
    verify(path, "--output", tmp_path / "r.txt")
    assert not stale.exists() and live.exists()


# -- a bug hides nothing ----------------------------------------------------------

def verify_with_a_bug(bug: str, *args, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """The command line run with `bug` (Python code) planted in verify first."""
    return subprocess.run([sys.executable, "-c", textwrap.dedent(bug) + RUNNER, "--jobs", "1", *map(str, args)],
                          capture_output=True, text=True, timeout=60, cwd=cwd)


def test_a_crashing_rule_is_a_problem_and_other_rules_still_report(tmp_path):
    path = claim_file(tmp_path, claim("$20 billion"))
    bug = """
        from verify.rules import share
        def broken(self, context):
            raise ZeroDivisionError("a bug in the share rule")
            yield
        share.ShareRule.run = broken
    """
    for debug in ([], ["--debug"]):
        done = verify_with_a_bug(bug, path, *debug)
        assert done.returncode == 2, done
        assert "internal error while running the rule 'share'" in done.stdout
        assert "ZeroDivisionError: a bug in the share rule" in done.stdout
        assert "error[agreement]" in done.stdout  # the other rule's finding: $10 billion against $20 billion
        assert ("Traceback" in done.stderr) == bool(debug)


def test_a_file_that_trips_a_bug_is_a_problem_and_the_other_files_are_read(tmp_path):
    claim_file(tmp_path, claim("$20 billion"), name="good.toml")
    claim_file(tmp_path, name="bad.toml").write_text(HEAD.replace('id = "s"', 'id = "t"'), encoding="utf-8")
    bug = """
        from verify.claimfile import loader
        read = loader._Reader.read
        def broken(self, data):
            if self.result.path.endswith("bad.toml"):
                raise KeyError("a bug in the loader")
            return read(self, data)
        loader._Reader.read = broken
    """
    done = verify_with_a_bug(bug, tmp_path)
    assert done.returncode == 2, done
    assert f"{tmp_path / 'bad.toml'}: problem: internal error while reading this file: KeyError" in done.stdout
    assert "error[agreement]" in done.stdout and "2 files, 2 claims" in done.stdout


def test_a_report_format_that_trips_a_bug_leaves_the_other_reports_written(tmp_path):
    path = claim_file(tmp_path, claim("$20 billion"))
    bug = """
        from verify.report import as_sarif
        def broken(report, **options):
            raise IndexError("a bug in the SARIF writer")
        as_sarif.render = broken
    """
    done = verify_with_a_bug(bug, path, "--report", f"sarif:{tmp_path / 'r.sarif'}",
                             "--report", f"json:{tmp_path / 'r.json'}")
    assert done.returncode == 2, done
    assert "internal error while writing the sarif report" in done.stderr and "IndexError" in done.stderr
    assert "error[agreement]" in done.stdout
    assert json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["summary"]["errors"] == 1
    assert not (tmp_path / "r.sarif").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary left


# -- rates refresh ------------------------------------------------------------------

CODES = ("USD", "JPY", "BGN", "CZK", "DKK", "GBP", "HUF", "PLN", "RON", "SEK", "CHF", "NOK")


def ecb_csv(days: int = 30, codes: tuple[str, ...] = CODES, cell=lambda d, c: f"{1 + c / 10 + d / 1000:.4f}") -> str:
    """An ECB-shaped history, newest first, every line ending in a comma as the ECB's do."""
    from datetime import date, timedelta

    first = date(2025, 1, 1)
    lines = ["Date," + ",".join(codes) + ","]
    for d in reversed(range(days)):
        lines.append(f"{first + timedelta(days=d)}," + ",".join(cell(d, c) for c in range(len(codes))) + ",")
    return "\n".join(lines) + "\n"


def rates_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "rates"
    folder.mkdir()
    (folder / "eurofxref-hist.csv").write_text(ecb_csv(), encoding="utf-8")
    return folder


def refresh(tmp_path: Path, data: bytes, name: str = "new.zip") -> Run:
    (tmp_path / name).write_bytes(data)
    before = (tmp_path / "rates" / "eurofxref-hist.csv").read_bytes()
    run = verify("rates", "refresh", tmp_path / name, "--into", tmp_path / "rates")
    if run.code != 0:
        assert (tmp_path / "rates" / "eurofxref-hist.csv").read_bytes() == before  # unchanged
    return run


def zipped(text: str) -> bytes:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("eurofxref-hist.csv", text)
    return buffer.getvalue()


def test_a_good_zip_refreshes_the_table_and_removes_a_killed_refreshs_leftover(tmp_path):
    stale = rates_folder(tmp_path) / f".eurofxref-hist.csv.{dead_pid()}.abcd1234"
    stale.write_text("Date,USD,\n2025-01-01,1.03,\n", encoding="utf-8")
    run = refresh(tmp_path, zipped(ecb_csv(days=31)))
    assert run.code == 0, run
    assert "2025-01-01 to 2025-01-31" in run.out
    assert sorted(p.name for p in stale.parent.iterdir()) == ["eurofxref-hist.csv"]


def test_a_zip_that_lies_about_its_size_is_read_by_what_comes_out(tmp_path):
    import struct
    import zlib

    rates_folder(tmp_path)
    bomb = zlib.compressobj(9, zlib.DEFLATED, -15)
    data = bomb.compress(b"0" * (80 << 20)) + bomb.flush()  # 80 MiB that inflate from ~80 KiB
    name = b"eurofxref-hist.csv"
    crc, claimed = zlib.crc32(b"0" * 1000), 1000
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, len(data), claimed, len(name), 0) + name
    central = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0, crc, len(data), claimed,
                          len(name), 0, 0, 0, 0, 0, 0) + name
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 1, 1, len(central), len(local) + len(data), 0)
    run = refresh(tmp_path, local + data + central + end)
    problem(run, "new.zip")
    honest_but_huge = local + data + central.replace(struct.pack("<I", claimed), struct.pack("<I", 2 << 30), 1) + end
    problem(refresh(tmp_path, honest_but_huge), "larger than 64 MiB")


def damaged(good: bytes) -> list[tuple[str, bytes]]:
    """Eighteen ways a download or a disk breaks a zip."""
    import struct

    central = good.rindex(b"PK\x01\x02")
    end = good.rindex(b"PK\x05\x06")
    data = good.index(b"eurofxref-hist.csv") + len("eurofxref-hist.csv")
    cases = [(f"cut at {share}%", good[:len(good) * share // 100]) for share in (5, 30, 60, 90, 99)]
    cases += [("no end record", good[:end]), ("end record only", good[end:])]

    def patched(at: int, value: bytes) -> bytes:
        return good[:at] + value + good[at + len(value):]

    cases += [
        ("compressed data flipped", patched(data + 20, bytes([good[data + 20] ^ 0xFF]))),
        ("compressed data zeroed", patched(data + 10, b"\0" * 40)),
        ("unknown compression", patched(8, struct.pack("<H", 99)) [:central + 10] + patched(central + 10, struct.pack("<H", 99))[central + 10:]),
        ("encrypted flag", patched(central + 8, struct.pack("<H", 1))),
        ("central directory offset past the end", patched(end + 16, struct.pack("<I", len(good) * 4))),
        ("central directory size wrong", patched(end + 12, struct.pack("<I", 3))),
        ("local header signature broken", patched(0, b"PK\x09\x09")),
        ("local header offset wrong", patched(central + 42, struct.pack("<I", 7))),
        ("no CSV in it", patched(central + 46, b"eurofxref-hist.cs_")),
        ("compressed size too small", patched(central + 20, struct.pack("<I", 5))),
        ("crc wrong", patched(central + 16, struct.pack("<I", 12345)) [:14] + struct.pack("<I", 12345) +
         patched(central + 16, struct.pack("<I", 12345))[18:]),
    ]
    assert len(cases) == 18
    return cases


def test_damaged_zips_end_in_a_problem_and_leave_the_table(tmp_path, capsys):
    import time

    from verify.cli import main

    # In this process: eighteen interpreters would cost seconds; the memory bound of a
    # zip read is the test above's.
    folder = rates_folder(tmp_path)
    before = (folder / "eurofxref-hist.csv").read_bytes()
    for what, data in damaged(zipped(ecb_csv(days=31))):
        (tmp_path / "new.zip").write_bytes(data)
        start = time.perf_counter()
        code = main(["rates", "refresh", str(tmp_path / "new.zip"), "--into", str(folder)])
        assert time.perf_counter() - start < SECONDS, what
        err = capsys.readouterr().err
        assert code == 2 and "new.zip" in err and "Traceback" not in err, (what, err)
        assert (folder / "eurofxref-hist.csv").read_bytes() == before


def test_a_csv_cut_short_is_refused(tmp_path):
    rates_folder(tmp_path)
    newest_first = ecb_csv(days=31).splitlines(keepends=True)
    problem(refresh(tmp_path, "".join(newest_first[:6]).encode(), "cut.csv"), "lacks 26 days", "cut short")


def test_a_csv_with_a_duplicate_currency_column_is_refused(tmp_path):
    rates_folder(tmp_path)
    problem(refresh(tmp_path, ecb_csv(days=31, codes=(*CODES, "USD")).encode(), "dup.csv"), "USD heads two columns")


def test_a_csv_with_digits_of_another_script_is_refused(tmp_path):
    rates_folder(tmp_path)
    arabic = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
    text = ecb_csv(days=31, cell=lambda d, c: f"{1 + c / 10 + d / 1000:.4f}".translate(arabic) if d == 30 and c == 0
                   else f"{1 + c / 10 + d / 1000:.4f}")
    problem(refresh(tmp_path, text.encode(), "digits.csv"), "not ASCII 0-9")


# -- smaller ----------------------------------------------------------------------

def test_a_stub_that_takes_a_files_source_id_hides_none_of_its_findings(tmp_path):
    claim_file(tmp_path, claim("$20 billion"), name="good.toml")
    (tmp_path / "0.toml").write_text('[source]\nid = "s"\n', encoding="utf-8")
    run = verify(tmp_path)
    line = problem(run, "0.toml:1", "source id 's' is also used by", "good.toml:1")
    assert "which keeps it as it holds more" in line
    assert "error[agreement]" in run.out  # the good file's finding: $10 billion against $20 billion


def test_a_misspelt_array_of_tables_and_a_missing_source_table_have_a_line(tmp_path):
    path = claim_file(tmp_path, '[[claims]]\nid = "b"\n')
    problem(verify(path), f"{path}:11:", "unknown table 'claims'", "did you mean 'claim'?")
    bare = tmp_path / "bare.toml"
    bare.write_text('[[claim]]\nid = "a"\n', encoding="utf-8")
    problem(verify(bare), f"{bare}:1:", "no [source] table")


def test_an_acknowledgement_silences_only_findings_of_its_own_file(tmp_path):
    claim_file(tmp_path, claim("$20 billion"), name="good.toml")
    other = tmp_path / "other.toml"
    other.write_text(textwrap.dedent("""\
        [source]
        id = "t"
        published = 2025-02-24

        [[acknowledge]]
        rule = "agreement"
        claims = ["s.a", "s.b"]
        reason = "silencing another file"
    """), encoding="utf-8")
    run = verify(tmp_path)
    problem(run, f"{other}:7", "must name a claim of the file it stands in", "move it to the file of s.a, s.b")
    assert "error[agreement]" in run.out and "1 error" in run.out
    # In the file that holds the claims, the same acknowledgement is honoured.
    other.unlink()
    with (tmp_path / "good.toml").open("a", encoding="utf-8") as f:
        f.write('[[acknowledge]]\nrule = "agreement"\nclaims = ["a", "b"]\nreason = "two measures"\n')
    run = verify(tmp_path)
    assert run.code == 0 and "1 acknowledged" in run.out, run


@pytest.mark.parametrize("value, fix", [("$٥ billion", "'5'"), ("$１０ billion", "'10'"), ("$۱۲۳۴", "'1234'")])
def test_digits_of_another_script_are_refused_with_their_ascii_form(tmp_path, value, fix):
    problem(verify(claim_file(tmp_path, claim(value))), "digits of another script", f"e.g. {fix}", "c.toml:16")


def test_an_integer_of_thousands_of_digits_is_a_syntax_error_with_a_line(tmp_path):
    path = claim_file(tmp_path, "x = " + "1" * 5000 + "\n")
    problem(verify(path), f"{path}:11:", "thousands of digits")


def test_fmt_reads_no_fifo_and_no_toml_nested_too_deeply(tmp_path):
    claim_file(tmp_path, TOO_DEEP, name="deep.toml")
    os.mkfifo(tmp_path / "p.toml")
    run = verify("fmt", "--check", tmp_path)
    problem(run, "p.toml", "not a regular file")
    problem(run, "deep.toml", "nested too deeply")


@pytest.mark.parametrize("command", [["rates", "show"], ["rules"]])
def test_other_commands_on_a_full_disk_say_so_and_exit_2(command):
    with open("/dev/full", "wb") as full:
        run = verify(*command, stdout=full)
    problem(run, "cannot write to standard output", "No space left")



def test_a_quote_of_ten_million_characters_is_read_in_bounds(tmp_path):
    path = claim_file(tmp_path)
    text = path.read_text(encoding="utf-8").replace('value = "$10 billion"\n',
                                                     'value = "$10 billion"\nquote = "' + "q" * 10_000_000 + '"\n')
    path.write_text(text, encoding="utf-8")
    assert verify(path).code == 0
