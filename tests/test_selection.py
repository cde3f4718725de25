"""--select/--ignore and the config's select/ignore: every name is a rule that exists."""

import pytest
from rulekit import claim

from verify.cli import main

HEADER = '[source]\nid = "a"\npublished = 2025-02-24\n[defaults]\nentity = "Acme"\n'
# one failing check: 4% of $90bn is at most $4.131bn loosely, against $4.3bn
CORPUS = (HEADER + claim("share", "market_share", "4 percent", period="2024-Q4")
          + claim("market", "market_size", "$90 billion", period="2024-Q4")
          + claim("cloud", "revenue", "$4.3 billion", segment="Cloud", period="2024-Q4")
          + '[[check]]\nid = "share_of_market"\nexpr = "share * market == cloud"\n')


@pytest.fixture
def project(tmp_path, monkeypatch):
    (tmp_path / "claims").mkdir()
    (tmp_path / "claims" / "a.toml").write_text(CORPUS, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("option, name, closest", [
    ("--select", "chek", "check"),
    ("--ignore", "identity.market_capp", "identity.market_cap"),
    ("--select", "sahre_of_market", "share_of_market"),  # a check's own id
    ("--select", "share.rnak", "share.rank"),  # an id a family gives its findings
    ("--ignore", "unit.revnue", "unit.revenue"),  # a family's id per metric
    ("--select", "quote.valeu", "quote.value"),
])
def test_an_unknown_rule_name_is_an_error_naming_the_closest(project, capsys, option, name, closest):
    assert main(["claims", option, f"agreement,{name}"]) == 2
    captured = capsys.readouterr()
    assert f"{option}: unknown rule {name!r}: did you mean {closest!r}?" in captured.err
    assert captured.out == ""


@pytest.mark.parametrize("names", ["check", "share_of_market", "identity.market_cap,share.rank,unit.revenue"])
def test_rule_families_ids_and_check_ids_are_taken(project, capsys, names):
    expected = 1 if names != "identity.market_cap,share.rank,unit.revenue" else 0
    assert main(["claims", "--select", names]) == expected
    assert "unknown rule" not in capsys.readouterr().err


def test_a_string_where_the_config_wants_a_list_is_an_error(project, capsys):
    (project / "verify.toml").write_text('fail-on = "error"\nselect = "check, agreement"\n', encoding="utf-8")
    assert main(["claims"]) == 2
    err = capsys.readouterr().err
    assert "verify.toml:2: select is a list of rule families or ids, not a string: " \
           'select = ["check", "agreement"]' in err


def test_an_unknown_name_in_the_config_is_an_error_with_its_line(project, capsys):
    (project / "verify.toml").write_text('\nignore = ["agrement"]\n', encoding="utf-8")
    assert main(["claims"]) == 2
    assert "verify.toml:2: ignore: unknown rule 'agrement': did you mean 'agreement'?" in capsys.readouterr().err
