"""The GitHub job summary: what the annotations leave out, within the 1 MiB GitHub keeps of it."""

from verify.cli import main
from verify.findings import Finding
from verify.model import Corpus, Location
from verify.report import as_github
from verify.report.report import Report

LIMIT = as_github.SUMMARY_LIMIT


def _errors(n: int, message_length: int = 400) -> Report:
    findings = tuple(Finding(rule="check", id=f"c{i}", severity="error", message="x" * message_length,
                             at=Location("claims/a.toml", i + 1)) for i in range(n))
    return Report(Corpus(files=("claims/a.toml",)), findings)


def test_the_summary_stays_under_a_mebibyte_and_says_what_it_left_out():
    report = _errors(4000)  # ~1.8 MB of rows past the first ten
    summary = as_github.overflow(report, elsewhere=("verify.sarif",))
    assert len(summary.encode()) <= LIMIT
    listed = summary.count("| ❌ error |")
    assert 1000 < listed < 3990
    assert f"**{3990 - listed} of the 3990 are not listed here**" in summary
    assert "All of them are in this step's log, `verify.sarif`." in summary
    assert "All of them are in `annotations.txt`." in as_github.overflow(report, elsewhere=("annotations.txt",),
                                                                       logged=False)
    log = report.render("github")
    assert log.count("claims/a.toml:") == 3990 and log.count("::error ") == 10  # the rest, in the log


def test_the_summary_fits_in_what_the_step_has_left(tmp_path, monkeypatch):
    claims = tmp_path / "claims"
    claims.mkdir()
    body = '[source]\nid = "a"\npublished = 2025-02-24\n[defaults]\nentity = "Acme"\n' + "".join(
        f'[[claim]]\nid = "s{i}"\nmetric = "market_share"\nvalue = "60%"\nentity = "E{i}"\n'
        f'market = "m{i // 2}"\nperiod = "2024"\n' for i in range(26))  # 13 markets at 120%: 13 errors
    (claims / "a.toml").write_text(body, encoding="utf-8")
    summary = tmp_path / "summary.md"
    summary.write_bytes(b"x" * (LIMIT - 900))  # what earlier commands of the step wrote
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert main([str(claims), "--format", "github"]) == 1
    written = summary.read_bytes()
    assert len(written) <= LIMIT
    added = written[LIMIT - 900:].decode()
    assert "of the 3 are not listed here" in added
