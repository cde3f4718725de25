"""[tool.verify] in a pyproject.toml that does not parse: the error is reported, not walked past."""

import pytest

from verify.cli import main
from verify.config import ConfigError, discover

CLAIMS = '[source]\nid = "a"\npublished = 2025-02-24\n'


@pytest.mark.parametrize("table", ["[tool.verify]", '[ tool . "verify" ]', "[tool.verify.hedges.about]"])
def test_a_syntax_error_in_the_pyproject_holding_the_config_is_reported_with_its_line(tmp_path, capsys, table):
    (tmp_path / "claims").mkdir()
    (tmp_path / "claims" / "a.toml").write_text(CLAIMS, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(f'[project]\nname = "x"\nversion = 1.0.0\n\n{table}\n',
                                             encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        discover([str(tmp_path / "claims")])
    assert caught.value.file == str(tmp_path / "pyproject.toml") and caught.value.line == 3
    assert main([str(tmp_path / "claims")]) == 2
    assert "pyproject.toml:3: TOML syntax error in the config" in capsys.readouterr().err


def test_a_broken_pyproject_without_the_table_is_not_the_config(tmp_path):
    (tmp_path / "verify.toml").write_text('fail-on = "warning"\n', encoding="utf-8")
    project = tmp_path / "project"
    project.mkdir()
    (project / "pyproject.toml").write_text('[project]\nname = "x"\nversion = 1.0.0\n', encoding="utf-8")
    assert discover([str(project)]).fail_on == "warning"
