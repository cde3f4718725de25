import pytest
from rulekit import claim

from verify import check, load
from verify.cli import main
from verify.config import Config, ConfigError, discover, find, read

HEADER = '[source]\nid = "a"\npublished = 2025-02-24\n[defaults]\nentity = "Acme"\n'


def project(tmp_path, config_name, config_text, body):
    (tmp_path / config_name).write_text(config_text, encoding="utf-8")
    folder = tmp_path / "claims" / "deep"
    folder.mkdir(parents=True)
    (folder / "a.toml").write_text(HEADER + body, encoding="utf-8")
    return folder


def test_verify_toml_is_found_walking_up_from_the_checked_path(tmp_path):
    folder = project(tmp_path, "verify.toml", 'fail-on = "warning"\n', "")
    assert find(folder) == tmp_path / "verify.toml"
    assert discover([str(folder)]).fail_on == "warning"


def test_pyproject_counts_only_with_a_tool_verify_table(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.ruff]\nline-length = 100\n', encoding="utf-8")
    assert find(tmp_path) != tmp_path / "pyproject.toml"
    (tmp_path / "pyproject.toml").write_text('[tool.verify]\nselect = ["check"]\n', encoding="utf-8")
    assert find(tmp_path) == tmp_path / "pyproject.toml"
    assert discover([str(tmp_path)]).select == ("check",)


def test_a_config_is_found_from_a_path_that_does_not_exist_yet(tmp_path):
    (tmp_path / "verify.toml").write_text('fail-on = "never"\n', encoding="utf-8")
    assert discover([str(tmp_path / "nowhere")]).fail_on == "never"  # found from a path not yet made
    (tmp_path / "verify.toml").unlink()
    assert find(tmp_path) is None or not find(tmp_path).is_relative_to(tmp_path)
    defaults = Config()
    assert (defaults.fail_on, defaults.packs, defaults.rates, defaults.select) == (None, (), None, None)


@pytest.mark.parametrize("text, line, expected", [
    ('fail-on = "warning"\nfail_on = "error"\n', 2, "did you mean 'fail-on'?"),
    ('fail-on = "sometimes"\n', 1, "fail-on is one of error, warning, never"),
    ('paths = "claims"\nrates = 5\n', 2, "rates is a folder"),
    ('[hedges.about]\nstrict = "[0.9 1.1]"\n', 2, 'hedges.about.strict is an interval'),
    ('[hedges.about]\nstirct = "[0.9, 1.1]"\n', 2, "did you mean 'strict'?"),
    ('[hedges.barely]\nstrict = "[0.99, 1]"\n', 1, "a new hedge needs words, strict and loose"),
    ('[metrics]\nebitda_margin = 5\n', 1, "metrics maps a metric to its kind"),
    ('select = [1, 2]\n', 1, "select is a list of strings"),
    ('fail-on = \n', 1, "TOML syntax error"),
])
def test_config_errors_name_the_line_and_the_fix(tmp_path, text, line, expected):
    path = tmp_path / "verify.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        read(path)
    assert expected in caught.value.message
    assert (caught.value.file, caught.value.line) == (str(path), line)


def test_a_config_error_is_exit_2_on_the_command_line(tmp_path, capsys):
    folder = project(tmp_path, "verify.toml", 'fial-on = "warning"\n', "")
    assert main([str(folder)]) == 2
    err = capsys.readouterr().err
    assert "verify.toml:1: unknown config key 'fial-on': did you mean 'fail-on'?" in err


def test_the_config_sets_fail_on_select_and_paths(tmp_path, capsys, monkeypatch):
    # 25 × 3 + 26 = 101 against 100: a warning
    body = (claim("y", "revenue", "$100.0bn", period="2024") + claim("q1", "revenue", "$25.0bn", period="2024-Q1")
            + claim("q2", "revenue", "$25.0bn", period="2024-Q2") + claim("q3", "revenue", "$25.0bn", period="2024-Q3")
            + claim("q4", "revenue", "$26.0bn", period="2024-Q4"))
    folder = project(tmp_path, "verify.toml", 'fail-on = "warning"\npaths = ["claims"]\n', body)
    monkeypatch.chdir(tmp_path)
    assert main([]) == 1  # paths from the config, warning fails
    assert main(["--fail-on", "error"]) == 0  # the command line wins
    (tmp_path / "verify.toml").write_text('fail-on = "warning"\nignore = ["period-sum"]\n', encoding="utf-8")
    assert main([str(folder)]) == 0
    capsys.readouterr()


def test_command_line_config_overrides_the_found_one(tmp_path, capsys):
    folder = project(tmp_path, "verify.toml", 'fail-on = "never"\n',
                     claim("r", "revenue", "194,000 employees", period="2024"))
    other = tmp_path / "strict.toml"
    other.write_text('fail-on = "error"\n', encoding="utf-8")
    assert main([str(folder)]) == 0
    assert main([str(folder), "--config", str(other)]) == 1
    capsys.readouterr()


def test_the_hedge_table_is_the_projects(tmp_path):
    # "nearly 60%" reads strictly as [57, 60]%; a newsroom that reads "nearly" as within 1% gets [59.4, 60]
    folder = project(tmp_path, "verify.toml", '[hedges.nearly]\nstrict = "[0.99, 1]"\n',
                     claim("g", "growth_rate", "nearly 60%", period="2024"))
    corpus = load([str(folder)], config=discover([str(folder)]))
    assert str(corpus.claims[0].value.strict) == "[59.4, 60] %"
    assert str(load([str(folder)]).claims[0].value.strict) == "[57, 60] %"


def test_a_new_hedge_word_from_the_config(tmp_path):
    text = '[hedges.barely]\nwords = ["barely"]\nstrict = "[1, 1.01]"\nloose = "[1, 1.05]"\n'
    folder = project(tmp_path, "verify.toml", text, claim("g", "growth_rate", "barely 10%", period="2024"))
    [c] = load([str(folder)], config=discover([str(folder)])).claims
    assert str(c.value.strict) == "[10, 10.1] %" and c.value.hedge == "barely"


def test_metrics_and_vocabularies_extend_the_unit_rule(tmp_path):
    (tmp_path / "media.toml").write_text('[metrics]\nsubscribers = "count:subscriber"\n', encoding="utf-8")
    folder = project(tmp_path, "verify.toml", 'vocabularies = ["media.toml"]\n[metrics]\nad_revenue = "money"\n',
                     claim("ads", "ad_revenue", "20%", period="2024")
                     + claim("subs", "subscribers", "$5bn", period="2024"))
    config = discover([str(folder)])
    report = check(load([str(folder)], config=config), config=config)
    assert sorted(f.id for f in report.findings) == ["unit.ad_revenue", "unit.subscribers"]
    assert check(load([str(folder)])).findings == ()


def test_the_rates_folder_of_the_config_is_used(tmp_path, capsys):
    rates = tmp_path / "house"
    rates.mkdir()
    (rates / "sources.toml").write_text('[[source]]\nname = "House"\nfile = "house.csv"\n', encoding="utf-8")
    (rates / "house.csv").write_text("Date,USD,CNY,\n2025-02-24,1.0,7.0,\n2024-12-31,1.0,7.0,\n",
                                    encoding="utf-8")
    body = (claim("a", "revenue", "RMB 280.0bn", period="2024-Q4")
            + claim("b", "revenue", "€40.0bn", period="2024-Q4"))
    folder = project(tmp_path, "verify.toml", 'rates = "house"\n', body)
    config = discover([str(folder)])
    report = check(load([str(folder)], config=config), config=config)
    assert report.findings == ()  # at 7 CNY per EUR, RMB 280bn is exactly €40bn
    (folder / "a.toml").write_text(HEADER + body.replace("€40.0bn", "€45.0bn"), encoding="utf-8")
    assert main([str(folder), "--format", "json"]) == 1
    assert '"source": "House"' in capsys.readouterr().out
