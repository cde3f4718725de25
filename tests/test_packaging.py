"""What PyPI and pre-commit are given: the sdist and wheel as built, their metadata as twine
checks it, the sdist holding what its own tests read, and the hook manifest."""

import email
import re
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent


@pytest.fixture(scope="module")
def dist(tmp_path_factory):
    if not (ROOT / "pyproject.toml").is_file():
        pytest.skip("not run from a source tree")
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "build", "--no-isolation", "--sdist", "--wheel", "--outdir", str(out),
                    str(ROOT)], check=True, capture_output=True, timeout=300)
    [sdist] = out.glob("*.tar.gz")
    [wheel] = out.glob("*.whl")
    return sdist, wheel


def test_twine_check_strict_passes(dist):
    result = subprocess.run([sys.executable, "-m", "twine", "check", "--strict", *map(str, dist)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_metadata_has_licence_classifiers_and_links(dist):
    _, wheel = dist
    with zipfile.ZipFile(wheel) as archive:
        [name] = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
        metadata = email.message_from_bytes(archive.read(name))
        assert any(n.endswith("/licenses/LICENSE") for n in archive.namelist())
    assert metadata["License-Expression"] == "MIT"
    classifiers = metadata.get_all("Classifier")
    assert "Programming Language :: Python :: 3.11" in classifiers and "Typing :: Typed" in classifiers
    urls = dict(url.split(", ", 1) for url in metadata.get_all("Project-URL"))
    assert set(urls) >= {"Homepage", "Changelog", "Documentation"}
    assert all(url.startswith("https://") for url in urls.values())


def test_the_sdist_holds_what_its_tests_read(dist):
    sdist, _ = dist
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    needed = {"LICENSE", "README.md", "CHANGELOG.md", ".pre-commit-hooks.yaml", "docs/report.schema.json",
              "docs/claim-file.schema.json", "benchmarks/generate.py", "examples/editorial_check.py",
              "tests/schemas/junit-strict.xsd", "rates/eurofxref-hist.csv"}
    assert needed <= names, needed - names
    # every path a test names from the project root is in it, but for what tests write (ignored by git)
    written = {line.strip().strip("/") for line in (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()}
    for test in (ROOT / "tests").glob("test_*.py"):
        for folder in set(re.findall(r'ROOT / "([\w.-]+)"', test.read_text(encoding="utf-8"))) - written:
            assert any(n == folder or n.startswith(folder + "/") for n in names), (test.name, folder)


def test_every_dependency_has_a_lower_and_an_upper_bound_or_a_reason():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    releasing = (ROOT / "docs" / "releasing.md").read_text(encoding="utf-8")
    for requirement in project["dependencies"]:
        name = re.match(r"[A-Za-z0-9_.-]+", requirement)[0]
        assert re.fullmatch(r"[A-Za-z0-9_.-]+>=[0-9][0-9A-Za-z.]*(,<[0-9][0-9A-Za-z.]*)?", requirement), requirement
        assert f"`{name}`" in releasing, f"docs/releasing.md says nothing of {name}'s bounds"
    oldest = subprocess.run([sys.executable, str(ROOT / ".ci" / "oldest.py"), str(ROOT / "pyproject.toml")],
                            capture_output=True, text=True, check=True).stdout.split()
    assert len(oldest) == len(project["dependencies"]) and all("==" in pin for pin in oldest)


def test_the_hook_manifest_is_what_pre_commit_accepts():
    manifest = ROOT / ".pre-commit-hooks.yaml"
    result = subprocess.run([sys.executable, "-m", "pre_commit", "validate-manifest", str(manifest)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
