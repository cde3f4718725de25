"""The reports as their real consumers read them: the SARIF multitool with GitHub's ingestion
rules, a CommonMark/GFM renderer, an XML parser and the JUnit schema Jenkins enforces, and a
CI log's command parser. The corpus is hostile on purpose: a folder whose name needs
percent-encoding and breaks Markdown, a quote carrying a workflow command, terminal escapes
and characters XML 1.0 forbids, a file name that reads as a workflow command."""

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote

import pytest
from markdown_it import MarkdownIt
from rulekit import claim

from verify import check, load

HEADER = '[source]\nid = "{id}"\npublished = 2025-02-24\n[defaults]\nentity = "Acme"\n'
# TOML escapes: a carriage return, a newline then a workflow command, OSC (retitle the
# terminal), SGR (red), a form feed, a bidirectional override; pipes and backticks.
HOSTILE_QUOTE = (r"Acme has 4% of the market\r|\n::error file=evil.toml,line=1::owned "
                 r"\u001b]0;pwned\u0007\u001b[31mred\u000c `code` \u202eevil")
ERRORED = (HEADER.format(id="a")
           + claim("share", "market_share", "4 percent", period="2024-Q4", quote=HOSTILE_QUOTE)
           + claim("market", "market_size", "$90 billion", period="2024-Q4")
           + claim("cloud", "revenue", "$4.3 billion", segment="Cloud", period="2024-Q4")
           + '[[check]]\nid = "share_of_market"\nexpr = "share * market == cloud"\n')
BROKEN = HEADER.format(id="b") + claim("odd", "revenue", "$38.4 bilion", period="2024-Q4")
FOLDER = "a b%#|`x"  # a space, a percent sign, a hash, a pipe and a backtick
COMMAND_FILE = "::error title=owned::x.toml"  # a file name a CI log would obey at a line's start
CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@pytest.fixture
def hostile(tmp_path, monkeypatch):
    """A repository (it has .git) whose claims are hostile; the working directory is its root."""
    (tmp_path / ".git").mkdir()
    folder = tmp_path / "claims" / FOLDER
    folder.mkdir(parents=True)
    (folder / "a.toml").write_text(ERRORED, encoding="utf-8")
    (folder / COMMAND_FILE).write_text(BROKEN, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    report = check(load([f"claims/{FOLDER}"]))
    assert report.summary["errors"] == 1 and report.summary["problems"] == 1
    return report


def _runner_commands(log: str) -> list[str]:
    """The lines GitHub's runner reads as workflow commands: after trimming, `::name …::`
    (and the older `##[name]` form); a carriage return also ends a line in its log."""
    return [line.strip() for line in re.split(r"\r\n|\r|\n", log)
            if re.match(r"::[A-Za-z-]+.*::", line.strip()) or line.strip().startswith("##[")]


@pytest.mark.parametrize("color", [False, True])
def test_text_report_shows_hostile_text_and_obeys_none_of_it(hostile, color):
    text = hostile.render("text", color=color)
    if color:  # our own colours are the only escapes
        text = re.sub(r"\x1b\[\d+m", "", text)
    assert not CONTROLS.search(text.replace("\n", ""))
    assert _runner_commands(text) == []
    assert r"market\r|\n::error file=evil.toml,line=1::owned \x1b]0;pwned\x07\x1b[31mred\x0c `code` \u202eevil" in text
    assert f"claims/{FOLDER}/{COMMAND_FILE}:9:" in text


def test_a_file_name_that_reads_as_a_command_starts_no_line(tmp_path, monkeypatch):
    (tmp_path / COMMAND_FILE).write_text(BROKEN, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    text = check(load([COMMAND_FILE])).render("text")
    assert _runner_commands(text) == [] and text.startswith(f"./{COMMAND_FILE}:9:")


def test_github_annotations_are_the_only_commands_in_the_log(hostile):
    log = hostile.render("github")
    commands = _runner_commands(log)
    assert len(commands) == 2  # the error and the problem, and nothing the quote smuggled in
    assert not any("evil.toml" in c.split("::")[1] for c in commands)
    assert not CONTROLS.search(log.replace("\n", ""))


def _table(markdown: str) -> list[list[str]]:
    """The body rows of the first table as GFM renders them: the text of each cell, a <br>
    read as a line break."""
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    rows, in_body = [], False
    for token in tokens:
        if token.type == "tbody_open":
            in_body = True
        elif in_body and token.type == "tr_open":
            rows.append([])
        elif in_body and token.type == "inline":
            rows[-1].append("".join("\n" if child.type == "html_inline" and child.content == "<br>"
                                    else child.content for child in token.children or ()))
    return rows


def test_markdown_table_keeps_every_cell_whatever_the_text(hostile):
    markdown = hostile.render("markdown")
    rows = _table(markdown)
    assert len(rows) == 2 and all(len(row) == 4 for row in rows)
    problem, error = rows
    assert problem[2].startswith(f"claims/{FOLDER}/{COMMAND_FILE}:")
    assert error[1] == "share_of_market" and error[2].startswith(f"claims/{FOLDER}/a.toml:")
    assert r"market\r|\n::error file=evil.toml,line=1::owned \x1b]0;pwned\x07\x1b[31mred\x0c `code` \u202eevil" \
        in error[3]
    assert "$90 billion" in error[3]  # not math, not markup
    assert _runner_commands(markdown) == [] and not CONTROLS.search(markdown.replace("\n", ""))


# --- SARIF through Microsoft's multitool, with GitHub's ingestion rules -------------------

MULTITOOL_PACKAGE = "@microsoft/sarif-multitool"


@pytest.fixture(scope="session")
def multitool(tmp_path_factory):
    """The multitool on PATH, else installed with npm into a cache kept between runs."""
    found = shutil.which("sarif-multitool")
    if found:
        return found
    npm = shutil.which("npm")
    if npm is None:
        pytest.skip(f"npm is not on this machine: {MULTITOOL_PACKAGE} installs with npm")
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "verify-tests" / "sarif-multitool"
    tool = cache / "node_modules" / ".bin" / "sarif-multitool"
    if not tool.exists():
        subprocess.run([npm, "install", "--prefix", str(cache), "--no-audit", "--no-fund", MULTITOOL_PACKAGE],
                       check=True, capture_output=True, timeout=600)
    for binary in (cache / "node_modules" / "@microsoft").glob("sarif-multitool-*/Sarif.Multitool"):
        binary.chmod(0o755)  # npm may hold back the package's own install script that does this
    return str(tool)


def _multitool_findings(multitool, sarif: Path) -> list[str]:
    out = sarif.with_suffix(".validation.sarif")
    subprocess.run([multitool, "validate", str(sarif), "--output", str(out), "--log", "ForceOverwrite",
                    "--rule-kind", "Gh Ghas Sarif"], capture_output=True, timeout=300)
    log = json.loads(out.read_text(encoding="utf-8-sig"))
    return [f"{r['ruleId']}: {r['message'].get('text') or r['message']}" for run in log["runs"] for r in run["results"]]


def test_sarif_passes_the_multitool_with_githubs_rules(hostile, multitool, tmp_path):
    sarif = tmp_path / "verify.sarif"
    sarif.write_text(hostile.render("sarif"), encoding="utf-8")
    assert _multitool_findings(multitool, sarif) == []


def test_multitool_sees_what_we_fixed(multitool, tmp_path):
    """The oracle is alive: the defects of old (no help on a rule, a raw space in a URI) fail it."""
    bad = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "t", "rules": [
        {"id": "input-problem", "shortDescription": {"text": "x"}, "fullDescription": {"text": "x"}}]}},
        "results": [{"ruleId": "input-problem", "ruleIndex": 0, "message": {"text": "x"}, "locations": [
            {"physicalLocation": {"artifactLocation": {"uri": "a b%#/x.toml"}, "region": {"startLine": 1}}}]}]}]}
    sarif = tmp_path / "old.sarif"
    sarif.write_text(json.dumps(bad), encoding="utf-8")
    found = " ".join(_multitool_findings(multitool, sarif))
    assert "GH2012" in found and "SARIF1002" in found


def test_sarif_paths_are_encoded_and_relative_to_the_repository_root(hostile, tmp_path):
    run = json.loads(hostile.render("sarif"))["runs"][0]
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == tmp_path.as_uri() + "/"
    uris = set()
    for result in run["results"]:
        artifact = result["locations"][0]["physicalLocation"]["artifactLocation"]
        assert artifact["uriBaseId"] == "%SRCROOT%"
        assert not re.search(r"[ #|`]|%(?![0-9A-F]{2})", artifact["uri"])
        uris.add(unquote(artifact["uri"]))
    assert uris == {f"claims/{FOLDER}/a.toml", f"claims/{FOLDER}/{COMMAND_FILE}"}
    for rule in run["tool"]["driver"]["rules"]:
        assert rule["help"]["text"] and rule["help"]["markdown"] and rule["helpUri"].startswith("https://")


# --- JUnit: the strict schema Jenkins applies, and junitparser -----------------------------

JUNIT_SCHEMA = Path(__file__).parent / "schemas" / "junit-strict.xsd"


def test_junit_is_well_formed_and_passes_the_strict_schema(hostile):
    import xmlschema
    from junitparser import Error, Failure, JUnitXml

    xml = hostile.render("junit", elapsed=1.25)
    xmlschema.XMLSchema(str(JUNIT_SCHEMA)).validate(xml)  # parses it too: ill-formed XML fails here
    parsed = JUnitXml.fromstring(xml)
    cases = [case for suite in parsed for case in suite]
    assert len(cases) == hostile.checks + 1 and parsed.time == 1.25
    assert all(case.time == 0 for case in cases)
    outcomes = {case.name: [type(r) for r in case.result] for case in cases}
    assert outcomes["check:a.share_of_market"] == [Failure]
    assert [Error] in outcomes.values()
    [failure] = [r for case in cases for r in case.result if isinstance(r, Failure)]
    assert r"\n::error file=evil.toml" in failure.text and "\x1b" not in failure.text


def test_junit_leaves_out_the_checks_a_selection_leaves_out(hostile):
    from junitparser import JUnitXml

    def names(report):
        return {case.name for suite in JUnitXml.fromstring(report.render("junit")) for case in suite}

    assert "check:a.share_of_market" in names(hostile)
    ignored = hostile.selected(ignore=["check"])
    assert not any(name.startswith("check:") for name in names(ignored))
    assert ignored.summary["checks"] == hostile.checks - 1
    only_units = JUnitXml.fromstring(hostile.selected(select=["unit"]).render("junit"))
    assert {suite.name for suite in only_units} == {"unit", "problems"}  # problems are never filtered


def test_junit_from_the_command_line_carries_the_runs_time(hostile, tmp_path):
    from junitparser import JUnitXml

    from verify.cli import main

    out = tmp_path / "junit.xml"
    assert main([f"claims/{FOLDER}", "--format", "junit", "--output", str(out)]) == 2
    assert JUnitXml.fromfile(str(out)).time > 0


# --- any text at all ----------------------------------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from verify.report import as_github, as_markdown  # noqa: E402
from verify.report.escape import visible  # noqa: E402


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40), st.text(max_size=40))
def test_any_text_shows_in_a_markdown_cell_as_it_is_written(where, message):
    """What GFM renders of a row is the text given, controls made visible: no markup, no lost
    cell, no line break but the ones the message has."""
    row = as_markdown.row("error", where, "rule", message)
    cells = _table(as_markdown.HEADER + row + "\n")
    assert len(cells) == 1 and len(cells[0]) == 4, row
    assert cells[0][2] == visible(where)
    # (a table trims the white space at a cell's ends)
    assert cells[0][3].strip() == "\n".join(visible(line) for line in message.split("\n")).strip()


@given(st.text())
def test_visible_text_has_no_control_character(text):
    shown = visible(text)
    assert not CONTROLS.search(shown) and "\n" not in shown and "\u2028" not in shown
    assert visible(shown) == shown


def _runner_unescape(text: str, property: bool = False) -> str:
    """The Actions runner's unescaping of a command's data (and, in properties, `:` and `,`)."""
    pairs = [("%0D", "\r"), ("%0A", "\n")] + ([("%3A", ":"), ("%2C", ",")] if property else []) + [("%25", "%")]
    for escaped, char in pairs:
        text = text.replace(escaped, char)
    return text


@settings(max_examples=300, deadline=None)
@given(st.text(min_size=1, max_size=30).filter(lambda t: t.strip() == t and t), st.text(max_size=60))
def test_any_annotation_is_one_command_that_gives_back_its_text(file, message):
    from verify.model import Location

    line = as_github._command("error", Location(file, 3), "verify rule", visible(message))
    assert "\n" not in line and "\r" not in line
    head, data = re.fullmatch(r"::error (.*?)::(.*)", line, re.S).groups()
    props = dict(prop.split("=", 1) for prop in head.split(","))
    assert _runner_unescape(props["file"], property=True) == visible(file) and props["line"] == "3"
    assert _runner_unescape(data) == visible(message)


@given(st.text())
def test_printable_text_is_shown_as_it_is_and_any_other_through_the_table(text):
    from verify.report import escape

    assert visible(text) == text.translate(escape._table())
