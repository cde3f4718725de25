"""Every report format on one small corpus with an error, a warning, an acknowledged
finding and a problem; exit codes for every --fail-on level."""

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st
from rulekit import claim

from verify import check, load
from verify.cli import FORMAT_NAMES, main
from verify.report import FORMAT_MODULES, as_github
from verify.report.report import Keys

SCHEMA = json.loads((Path(__file__).parent.parent / "docs" / "report.schema.json").read_text(encoding="utf-8"))
HEADER = '[source]\nid = "{id}"\npublished = 2025-02-24\n[defaults]\nentity = "Acme"\n'
MIXED = (
    HEADER.format(id="a")
    # error: 4% of $90bn is at most $4.131bn loosely, against $4.3bn
    + claim("share", "market_share", "4 percent", period="2024-Q4")
    + claim("market", "market_size", "$90 billion", period="2024-Q4")
    + claim("cloud", "revenue", "$4.3 billion", segment="Cloud", period="2024-Q4")
    + '[[check]]\nid = "share_of_market"\nexpr = "share * market == cloud"\n'
    # warning: 25 × 3 + 26 = 101 against 100, only strictly apart
    + claim("y", "revenue", "$100.0bn", period="2024") + claim("q1", "revenue", "$25.0bn", period="2024-Q1")
    + claim("q2", "revenue", "$25.0bn", period="2024-Q2") + claim("q3", "revenue", "$25.0bn", period="2024-Q3")
    + claim("q4", "revenue", "$26.0bn", period="2024-Q4")
    # acknowledged: $144 × 3.00bn shares is not $342bn
    + claim("cap", "market_cap", "$342 billion", as_of="2025-02-24")
    + claim("price", "share_price", "$144 per share", as_of="2025-02-24")
    + claim("shares", "shares_outstanding", "3.00 billion shares", as_of="2025-02-24")
    + '[[acknowledge]]\nrule = "identity.market_cap"\nclaims = ["cap", "price", "shares"]\n'
      'reason = "the share count is of last year"\n'
)
BROKEN = HEADER.format(id="b") + claim("odd", "revenue", "$38.4 bilion", period="2024-Q4")


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "claims"
    folder.mkdir()
    (folder / "a.toml").write_text(MIXED, encoding="utf-8")
    (folder / "b.toml").write_text(BROKEN, encoding="utf-8")
    return folder


@pytest.fixture
def report(corpus):
    return check(load([str(corpus)]))


def test_the_corpus_has_one_of_each(report):
    s = report.summary
    assert (s["errors"], s["warnings"], s["acknowledged"], s["problems"]) == (1, 1, 1, 1)


def test_the_cli_and_the_api_know_the_same_formats():
    assert set(FORMAT_NAMES) == set(FORMAT_MODULES)


def test_json_validates_against_the_documented_schema(report):
    document = json.loads(report.render("json"))
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    jsonschema.Draft202012Validator(SCHEMA).validate(document)
    [acknowledged] = [f for f in document["findings"] if f["acknowledged"]]
    assert acknowledged["id"] == "identity.market_cap"
    # ends are exact: 4% of $90bn loosely is [0.035 × 89.5e9, 0.045 × 90.5e9], widened by 1% a side
    [error] = [f for f in document["findings"] if f["severity"] == "error" and not f["acknowledged"]]
    side = error["loose"]["sides"][0]
    assert (side["low"], side["high"]) == ("3132500000", "4072500000")
    assert (side["widened"]["low"], side["widened"]["high"]) == ("3101175000", "4113225000")
    assert error["loose"]["tolerance"] == "0.02" and "tolerance" not in error["strict"]


def test_json_has_one_finding_and_one_problem_a_line(report, tmp_path):
    text = report.render("json")
    document = json.loads(text)
    lines = text.splitlines()
    assert [json.loads(line.strip().rstrip(",")) for line in lines if line.startswith('  {"rule"')] \
        == document["findings"] and len(document["findings"]) >= 3
    assert [json.loads(line.strip().rstrip(",")) for line in lines if line.startswith('  {"file"')] \
        == document["problems"] and document["problems"]
    (tmp_path / "nothing").mkdir()
    empty = check(load([str(tmp_path / "nothing")]))  # no files: a problem, and no findings
    assert json.loads(empty.render("json"))["findings"] == []


def test_sarif_has_what_code_scanning_needs(report):
    sarif = json.loads(report.render("sarif"))
    assert sarif["version"] == "2.1.0" and "sarif-2.1.0" in sarif["$schema"]
    [run] = sarif["runs"]
    rules = run["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    assert len(ids) == len(set(ids))
    assert {"share_of_market", "period-sum", "identity.market_cap", "input-problem"} == set(ids)
    for rule in rules:
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] in ("error", "warning") and result["message"]["text"]
        [location] = result["locations"]
        physical = location["physicalLocation"]
        assert physical["artifactLocation"]["uri"].endswith((".toml",))
        assert physical["region"]["startLine"] >= 1
        assert re.fullmatch(r"[0-9a-f]{64}", result["partialFingerprints"]["primaryLocationLineHash"])
    by_rule = {r["ruleId"]: r for r in run["results"]}
    assert by_rule["identity.market_cap"]["suppressions"] == [{"kind": "inSource", "status": "accepted"}]
    assert "suppressions" not in by_rule["share_of_market"]
    assert {loc["message"]["text"] for loc in by_rule["share_of_market"]["relatedLocations"]} == {
        "a.share = '4 percent'", "a.market = '$90 billion'", "a.cloud = '$4.3 billion'"}
    assert by_rule["share_of_market"]["properties"]["loose"]["sides"][0]["interval"] == "[$3.1325B, $4.0725B]"
    assert by_rule["share_of_market"]["properties"]["loose"]["tolerance"] == "0.02"


def test_sarif_alerts_keep_their_identity_when_claims_move_within_their_file(corpus):
    """GitHub keys an alert on repository, path, rule id and primaryLocationLineHash (its upload
    action hashes the flagged line only when a result has none): ours is the rule and the fact."""
    before = _fingerprints(check(load([str(corpus)])))
    path = corpus / "a.toml"
    text = path.read_text(encoding="utf-8")
    share = claim("share", "market_share", "4 percent", period="2024-Q4")
    moved = text.replace(share, "").replace('[[check]]', "# moved below\n\n" + share + "[[check]]")
    assert moved != text
    path.write_text(moved.replace("[defaults]", "# a longer header\n\n[defaults]"), encoding="utf-8")
    after_report = check(load([str(corpus)]))
    assert _fingerprints(after_report) == before
    lines = {r["ruleId"]: r["locations"][0]["physicalLocation"]["region"]["startLine"]
             for r in json.loads(after_report.render("sarif"))["runs"][0]["results"]}
    assert lines["share_of_market"] > 0


def _fingerprints(report):
    return {r["ruleId"]: r["partialFingerprints"]["primaryLocationLineHash"]
            for r in json.loads(report.render("sarif"))["runs"][0]["results"] if r["ruleId"] != "input-problem"}


def test_junit_has_a_case_per_check_and_a_failure_per_finding(report):
    root = ET.fromstring(report.render("junit"))
    cases = root.findall(".//testcase")
    assert int(root.get("tests")) == len(cases) == report.checks + len(report.problems)
    failures = root.findall(".//failure")
    assert int(root.get("failures")) == len(failures) == 2
    assert {f.get("type") for f in failures} == {"error[share_of_market]", "warning[period-sum]"}
    assert len(root.findall(".//skipped")) == 1 and int(root.get("errors")) == 1
    assert sum(int(suite.get("skipped")) for suite in root.findall("testsuite")) == 1
    [problem] = root.findall(".//error")
    assert "bilion" in problem.get("message")
    [failed] = [c for c in cases if c.find("failure") is not None and c.get("classname") == "verify.check"]
    text = failed.find("failure").text
    assert re.match(r".*a\.toml:\d+(:\d+)?: ", text)
    assert "loose (±1% per side): share * market = [$3.1325B, $4.0725B]" in text


ANNOTATION = re.compile(r"::(error|warning|notice) file=[^,:]+\.toml,line=\d+(,col=\d+)?,title=[^:]+::.+")


def test_github_annotations_one_per_finding_and_problem(report):
    lines = report.render("github").splitlines()
    annotations = [line for line in lines if line.startswith("::")]
    assert all(ANNOTATION.fullmatch(line) for line in annotations), annotations
    assert sorted(line.split(" ")[0] for line in annotations) == ["::error", "::error", "::notice", "::warning"]
    assert any("%0A" in line for line in annotations)  # the computation rides along, newline-escaped
    assert lines[-1].startswith("2 files,")


def test_github_caps_annotations_per_type_and_sends_the_rest_to_the_summary(tmp_path, monkeypatch, capsys):
    folder = tmp_path / "claims"
    folder.mkdir()
    body = HEADER.format(id="a") + "".join(
        claim(f"s{i}", "market_share", "60%", entity=f"E{i}", market=f"m{i // 2}", period="2024")
        for i in range(26))  # 13 markets at 120%: 13 errors
    (folder / "a.toml").write_text(body, encoding="utf-8")
    report = check(load([str(folder)]))
    assert report.summary["errors"] == 13
    annotations = [line for line in report.render("github").splitlines() if line.startswith("::error")]
    assert len(annotations) == as_github.CAP
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert main([str(folder), "--format", "github"]) == 1
    written = summary.read_text(encoding="utf-8")
    assert "3 more annotations" in written and written.count("| ❌ error |") == 3


def test_markdown_is_a_table_with_a_row_per_finding_and_problem(report):
    text = report.render("markdown")
    assert text.startswith("**verify**: 2 files,")
    rows = [line for line in text.splitlines() if line.startswith("| ") and "---" not in line][1:]
    assert len(rows) == 4
    assert sum("❌ error" in r for r in rows) == 1 and sum("🚫 problem" in r for r in rows) == 1
    assert all(r.count(" | ") == 3 for r in rows)  # no stray pipes: cells are escaped


def test_more_than_one_output_in_one_run(corpus, tmp_path, capsys):
    sarif, junit = tmp_path / "out.sarif", tmp_path / "out.xml"
    code = main([str(corpus), "--report", f"sarif:{sarif}", "--report", f"junit:{junit}"])
    assert code == 2  # the broken file
    out = capsys.readouterr().out
    assert "error[share_of_market]" in out
    assert json.loads(sarif.read_text(encoding="utf-8"))["version"] == "2.1.0"
    assert ET.fromstring(junit.read_text(encoding="utf-8")).tag == "testsuites"


def test_a_bad_report_spec_is_a_usage_error(corpus, capsys):
    assert main([str(corpus), "--report", "pdf:x.pdf"]) == 2
    assert "FORMAT:FILE" in capsys.readouterr().err


@pytest.mark.parametrize("body, expected", [
    # error and warning: fail on error or warning, not never
    (MIXED, {"error": 1, "warning": 1, "never": 0, "--strict": 1}),
    # a warning alone: only --fail-on warning (and --strict) fail
    (MIXED.replace("$4.3 billion", "$3.6 billion"), {"error": 0, "warning": 1, "never": 0, "--strict": 1}),
    # nothing unacknowledged: every level passes
    (MIXED.replace("$4.3 billion", "$3.6 billion").replace("$26.0bn", "$25.0bn"),
     {"error": 0, "warning": 0, "never": 0, "--strict": 0}),
    # a problem: 2 whatever the level
    (MIXED + "[[claim]]\nid = 3\n", {"error": 2, "warning": 2, "never": 2, "--strict": 2}),
])
def test_exit_codes_for_every_fail_on_level(tmp_path, capsys, body, expected):
    (tmp_path / "a.toml").write_text(body, encoding="utf-8")
    for level, code in expected.items():
        args = [str(tmp_path), "--strict"] if level == "--strict" else [str(tmp_path), "--fail-on", level]
        assert main(args) == code, level


@given(st.lists(st.text(max_size=12), max_size=40), st.integers(1, 5))
def test_keys_give_back_every_key_in_order_whatever_its_characters(keys, chunk):
    class Small(Keys):
        CHUNK = chunk

    held = Small(keys)
    assert list(held) == keys and len(held) == len(keys)
    held.append("last\0key")
    assert list(held)[-1] == "last\0key" and len(held) == len(keys) + 1


def test_a_long_quote_is_cut_in_the_text_report_with_its_length_and_whole_in_json(tmp_path):
    from verify.report.as_text import QUOTE_SHOWN

    long = "the figure was " + "q" * 5000
    (tmp_path / "c.toml").write_text(HEADER.format(id="a") + claim("r", "revenue", "$10 billion", period="2024")
                                     + claim("s", "revenue", "$20 billion", period="2024", quote=long)
                                     + claim("t", "revenue", "$30 billion", period="2024", quote="short"),
                                     encoding="utf-8")
    report = check(load([str(tmp_path)]))
    text = report.render("text")
    assert f"“{long[:QUOTE_SHOWN]}… (5,015 characters)”" in text and long[:QUOTE_SHOWN + 1] not in text
    assert "“short”" in text
    assert long in report.render("json")


def test_a_file_name_that_is_not_utf8_is_written_by_every_format(tmp_path):
    import os

    name = os.fsdecode(b"bad\x80.toml")  # held as a lone surrogate, '\udc80'
    (tmp_path / name).write_text(HEADER.format(id="a") + claim("r", "revenue", "$10 billion", period="2024")
                                 + claim("s", "revenue", "$20 billion", period="2024") + "bogus = 1\n",
                                 encoding="utf-8")
    report = check(load([str(tmp_path)]))
    assert report.findings and report.problems
    for form in FORMAT_NAMES:
        written = report.render(form)
        written.encode("utf-8")  # JSON and SARIF held a raw surrogate: no UTF-8 file could hold them
        if form in ("text", "markdown", "github", "junit"):
            assert "bad\\udc80.toml" in written and "\udc80" not in written, form
    ET.fromstring(report.render("junit"))  # was not well formed: a raw surrogate
    sarif = json.loads(report.render("sarif"))  # raised UnicodeEncodeError hashing the name
    assert all(r["partialFingerprints"] for r in sarif["runs"][0]["results"])
    assert "bad%80.toml" in report.render("sarif")  # the file's own bytes, as a URI writes them
    assert "bad\\udc80.toml" in report.render("json") and json.loads(report.render("json"))


def test_noncharacters_in_a_file_name_and_a_quote_leave_the_html_strict_and_the_text_escaped(tmp_path):
    import html5lib

    (tmp_path / "x\ufdd0.toml").write_text(HEADER.format(id="a") + claim("r", "revenue", "$10 billion", period="2024")
                                          + claim("s", "revenue", "$20 billion", period="2024", quote="a\ufffeb\U0001ffff"),
                                          encoding="utf-8")
    report = check(load([str(tmp_path)]))
    html5lib.HTMLParser(strict=True).parse(report.render("html"))  # "Invalid codepoint in stream" before
    text = report.render("text")
    assert "x\\ufdd0.toml" in text and "a\\ufffeb\\U0001ffff" in text
