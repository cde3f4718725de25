"""Run with no arguments (as the pre-commit hook is), paths come from the config and are
printed as a person would type them: relative to the working directory (SARIF: to the
repository root), in every format."""

import json

import pytest
from rulekit import claim

from verify.cli import FORMAT_NAMES, main

HEADER = '[source]\nid = "{id}"\npublished = 2025-02-24\n[defaults]\nentity = "Acme"\n'
ERRORED = (HEADER.format(id="a") + claim("share", "market_share", "4 percent", period="2024-Q4")
           + claim("market", "market_size", "$90 billion", period="2024-Q4")
           + claim("cloud", "revenue", "$4.3 billion", segment="Cloud", period="2024-Q4")
           + '[[check]]\nid = "share_of_market"\nexpr = "share * market == cloud"\n')
BROKEN = HEADER.format(id="b") + claim("odd", "revenue", "$38.4 bilion", period="2024-Q4")


@pytest.fixture
def project(tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()
    (tmp_path / "verify.toml").write_text('paths = ["claims"]\n', encoding="utf-8")
    (tmp_path / "claims").mkdir()
    (tmp_path / "claims" / "a.toml").write_text(ERRORED, encoding="utf-8")
    (tmp_path / "claims" / "b.toml").write_text(BROKEN, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("format", FORMAT_NAMES)
def test_paths_from_the_config_are_printed_relative(project, capsys, format):
    assert main(["--format", format]) == 2
    out = capsys.readouterr().out
    if format == "sarif":
        run = json.loads(out)["runs"][0]
        assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == project.as_uri() + "/"
        del run["originalUriBaseIds"]
        out = json.dumps(run)
    assert str(project) not in out
    assert "claims/a.toml" in out and "claims/b.toml" in out


def test_from_a_subfolder_they_are_relative_to_it(project, capsys, monkeypatch):
    (project / "notes").mkdir()
    monkeypatch.chdir(project / "notes")
    assert main([]) == 2
    out = capsys.readouterr().out
    assert str(project) not in out and "../claims/b.toml:" in out
