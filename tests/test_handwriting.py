"""Writing claim files by hand: `verify schema`, `verify new` and `verify fmt`."""

import datetime
import json
import os
import shutil
import stat
from pathlib import Path

import jsonschema
import pytest
import tomli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from verify import load
from verify.claimfile.json_schema import claim_file_schema
from verify.claimfile.layout import LayoutError, layout
from verify.claimfile.skeleton import skeleton
from verify.cli import main

ROOT = Path(__file__).resolve().parent.parent
CLAIM_FILES = sorted((ROOT / "claims").glob("*.toml")) + sorted((ROOT / "tests" / "golden" / "claims").glob("*.toml"))


def as_json(document):
    """A TOML document as an editor's schema validator sees it: dates become ISO strings."""
    if isinstance(document, dict):
        return {k: as_json(v) for k, v in document.items()}
    if isinstance(document, list):
        return [as_json(v) for v in document]
    if isinstance(document, datetime.date):
        return document.isoformat()
    return document


def validator():
    schema = claim_file_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


# -- verify schema ------------------------------------------------------------------

def test_the_shipped_schema_is_the_one_the_command_prints(capsys):
    assert main(["schema"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed == claim_file_schema()
    assert json.loads((ROOT / "docs" / "claim-file.schema.json").read_text(encoding="utf-8")) == printed


@pytest.mark.parametrize("path", CLAIM_FILES, ids=lambda p: p.name)
def test_every_claim_file_in_the_repository_validates(path):
    errors = list(validator().iter_errors(as_json(tomli.loads(path.read_text(encoding="utf-8")))))
    assert errors == []


def test_the_schema_accepts_exactly_the_fields_the_loader_accepts(write):
    """A field the loader reads is in the schema, and a field it calls unknown is not."""
    schema = claim_file_schema()["properties"]
    samples = {"published": "2025-02-24", "as_of": "2025-02-24", "change": "percent", "since": "2023-Q4",
               "precision": "exact", "currency": "USD", "locale": "en_US", "id": "x1", "period": "2024-Q4",
               "claims": ["c"], "expr": "c > 0", "rule": "check", "value": "$5"}
    for table, spec in schema.items():
        properties = (spec.get("items") or spec)["properties"]
        for field in [*properties, "bogus_field"]:
            body = _file_with(table, field, samples.get(field, "text"))
            path = write(f"{table}_{field}.toml", body)
            unknown = [p.message for p in load([str(path)]).problems if "unknown field" in p.message]
            assert bool(unknown) == (field not in properties), (table, field, unknown)
            errors = list(validator().iter_errors(as_json(tomli.loads(body))))
            assert bool(errors) == (field not in properties), (table, field, [e.message for e in errors])


def _file_with(table, field, sample):
    tables = {
        "source": {"id": "s", "published": "2025-02-24"},
        "defaults": {"entity": "E"},
        "claim": {"id": "c", "metric": "revenue", "value": "$5", "period": "2024"},
        "check": {"id": "k", "expr": "c > 0"},
        "acknowledge": {"rule": "check", "claims": ["c"], "reason": "r"},
    }
    if field == "as_of" and table in ("claim", "defaults"):
        tables["claim"].pop("period")
    tables[table] = {**tables[table], field: sample}
    lines = []
    for name, fields in tables.items():
        lines.append(f"[[{name}]]" if name in ("claim", "check", "acknowledge") else f"[{name}]")
        for key, value in fields.items():
            is_date = key in ("published", "as_of")
            lines.append(f"{key} = {value if is_date else json.dumps(value)}")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("mistake, fixed", [
    ('[[claims]]\nid = "b"\nentity = "E"\nmetric = "m"\nvalue = "1"', "a misspelt table"),
    ('[[claim]]\nid = "b"\nentity = "E"\nmetric = "m"\nvaule = "1"', "a misspelt field, and no value"),
    ('[[claim]]\nid = "B b"\nentity = "E"\nmetric = "m"\nvalue = "1"', "an id with capitals and a space"),
    ('[[claim]]\nid = "b"\nentity = "E"\nmetric = "m"\nvalue = 1', "a value that is not a string"),
    ('[[claim]]\nid = "b"\nentity = "E"\nmetric = "m"\nvalue = "1"\nchange = "relative"', "an unknown change"),
    ('[[claim]]\nid = "b"\nentity = "E"\nmetric = "m"\nvalue = "1"\nas_of = "last week"', "a date as text"),
    ('[[acknowledge]]\nrule = "check"\nclaims = "a"\nreason = "r"', "claims as a string"),
    ('[[check]]\nid = "k"', "a check without expr"),
    ('[source.extra]\nx = 1', "a table inside [source]"),
])
def test_structural_mistakes_fail_the_schema(mistake, fixed):
    body = '[source]\nid = "s"\npublished = 2025-02-24\n' + mistake + "\n"
    assert list(validator().iter_errors(as_json(tomli.loads(body)))), fixed


def test_a_file_without_source_fails_the_schema():
    assert list(validator().iter_errors({"claim": []}))


# -- verify new ------------------------------------------------------------------

def test_a_new_file_loads_and_checks_clean(tmp_path, capsys):
    path = tmp_path / "claims" / "article.toml"
    path.parent.mkdir()
    assert main(["new", "--source-id", "crn_alibaba", "--publisher", 'CRN "tech"', str(path)]) == 0
    corpus = load([str(path)])
    assert corpus.problems == ()
    assert [c.ref for c in corpus.claims] == ["crn_alibaba.q4_revenue"]
    assert corpus.sources[0].publisher == 'CRN "tech"'
    assert main([str(path.parent)]) == 0
    assert list(validator().iter_errors(as_json(tomli.loads(path.read_text(encoding="utf-8"))))) == []


def test_new_refuses_to_overwrite_and_bad_ids(tmp_path, capsys):
    path = tmp_path / "a.toml"
    path.write_text("keep me", encoding="utf-8")
    assert main(["new", str(path)]) == 2
    assert "--force" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == "keep me"
    assert main(["new", "--source-id", "Bad Id"]) == 2
    assert "source id" in capsys.readouterr().err


def test_new_prints_to_standard_output(capsys):
    assert main(["new"]) == 0
    out = capsys.readouterr().out
    assert out == skeleton()
    assert tomli.loads(out)["source"]["published"] == datetime.date.today()


# -- verify fmt ------------------------------------------------------------------

MESSY = '''\
# The article: Example Corp's results.

[[claim]]
value = "$5 billion"   # as printed
# the headline figure
id = "revenue"
metric = "revenue"

period = "2024"

# -- checks ----

[[check]]
expr = "revenue > 0"
id = "positive"
# below the check

[defaults]
entity = "Example Corp"
[source]
published = 2025-02-24
id = "example"
'''

LAID_OUT = '''\
# The article: Example Corp's results.

[source]
id = "example"
published = 2025-02-24

[defaults]
entity = "Example Corp"

[[claim]]
# the headline figure
id = "revenue"
metric = "revenue"
period = "2024"
value = "$5 billion"   # as printed

# -- checks ----

[[check]]
id = "positive"
expr = "revenue > 0"
# below the check
'''


def test_fmt_orders_tables_and_fields_and_keeps_every_comment():
    assert layout(MESSY) == LAID_OUT
    assert layout(LAID_OUT) == LAID_OUT


def test_fmt_check_prints_a_diff_and_exits_1_without_writing(tmp_path, capsys):
    path = tmp_path / "a.toml"
    path.write_text(MESSY, encoding="utf-8")
    assert main(["fmt", "--check", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert out.startswith(f"--- {path}") and '-id = "example"' in out and '+id = "example"' in out
    assert path.read_text(encoding="utf-8") == MESSY


def test_fmt_rewrites_in_place_keeping_the_mode(tmp_path, capsys):
    path = tmp_path / "a.toml"
    path.write_text(MESSY, encoding="utf-8")
    os.chmod(path, 0o640)
    assert main(["fmt", str(tmp_path)]) == 0
    assert path.read_text(encoding="utf-8") == LAID_OUT
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert main(["fmt", "--check", str(tmp_path)]) == 0
    assert [p.name for p in tmp_path.iterdir()] == ["a.toml"]  # no temporary file left


def test_fmt_leaves_a_file_it_cannot_read_and_says_why(tmp_path, capsys):
    bad = tmp_path / "bad.toml"
    bad.write_text("[source\nid = 1\n", encoding="utf-8")
    assert main(["fmt", str(tmp_path)]) == 2
    assert "not valid TOML" in capsys.readouterr().err
    assert bad.read_text(encoding="utf-8") == "[source\nid = 1\n"
    with pytest.raises(LayoutError, match="nested table"):
        layout('[source]\nid = "s"\n[source.extra]\nx = 1\n')


def test_fmt_never_changes_what_the_corpus_says(tmp_path):
    def meaning(folder):
        corpus = load([str(folder)])
        assert corpus.problems == ()
        return sorted((c.ref, c.value.text, c.entity, c.metric, c.period, c.as_of, c.change, c.since, c.quote)
                      for c in corpus.claims), sorted((c.ref, c.expr) for c in corpus.checks)

    for path in CLAIM_FILES:
        (tmp_path / path.name).write_text(layout(path.read_text(encoding="utf-8")), encoding="utf-8")
    for folder in {p.parent for p in CLAIM_FILES if (p.parent / "sources").is_dir()}:
        shutil.copytree(folder / "sources", tmp_path / "sources", dirs_exist_ok=True)  # the articles' texts, beside them
    before_claims, before_checks = [], []
    for folder in {p.parent for p in CLAIM_FILES}:
        claims, checks = meaning(folder)
        before_claims += claims
        before_checks += checks
    assert meaning(tmp_path) == (sorted(before_claims), sorted(before_checks))


# A claim file of random shape: tables and fields in any order, comments anywhere.
_FIELD_VALUES = {
    "source": [("id", '"src"'), ("title", '"A title"'), ("published", "2025-02-24"), ("locale", '"en_US"')],
    "defaults": [("entity", '"Example Corp"'), ("currency", '"CNY"')],
    "claim": [("metric", '"revenue"'), ("period", '"2024-Q4"'), ("value", '"RMB ¥280.2bn"'),
              ("quote", '"""two\nlines"""'), ("note", "'single quoted'")],
    "check": [("expr", '"c0 > 0"'), ("note", '"n"')],
}


@st.composite
def claim_files(draw):
    comment = st.sampled_from(["", "# a note", "# -- a section --", "#"])
    tables = [("source", None), ("defaults", None)]
    tables += [("claim", i) for i in range(draw(st.integers(1, 3)))]
    tables += [("check", i) for i in range(draw(st.integers(0, 2)))]
    tables = draw(st.permutations(tables))
    lines = [c for c in [draw(comment)] if c]
    for name, index in tables:
        lines += [c for c in [draw(comment)] if c]
        lines.append(f"[[{name}]]" if index is not None else f"[{name}]")
        fields = list(_FIELD_VALUES[name])
        if index is not None:
            fields.append(("id", f'"{name[:1]}{index}"'))
        for key, value in draw(st.permutations(fields)):
            lines += [c for c in [draw(comment)] if c]
            trailing = draw(st.sampled_from(["", "  # inline"]))
            lines.append(f"{key} = {value}{trailing}")
        if draw(st.booleans()):
            lines.append("")
    return "\n".join(lines) + "\n"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(claim_files())
def test_fmt_is_idempotent_keeps_comments_and_meaning(text):
    once = layout(text)
    assert layout(once) == once
    assert tomli.loads(once) == tomli.loads(text)
    comments = lambda t: sorted(line.strip() for line in t.splitlines() if line.strip().startswith("#"))  # noqa: E731
    inline = lambda t: t.count("# inline")  # noqa: E731
    assert comments(once) == comments(text)
    assert inline(once) == inline(text)
    order = [line for line in once.splitlines() if line.startswith("[")]
    names = [line.strip("[]") for line in order]
    assert names == sorted(names, key=["source", "defaults", "claim", "check"].index)


def test_the_repositorys_own_claim_files_are_laid_out_canonically(capsys):
    """The verify-fmt hook passes on the project's own claims."""
    assert main(["fmt", "--check", str(ROOT / "claims"), str(ROOT / "tests" / "golden" / "claims")]) == 0
    assert capsys.readouterr().out == ""
