import json
import os
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from verify import load

GOOD = """
    [source]
    id = "crn"
    title = "Alibaba unveils plans to invest $53 billion in AI infrastructure"
    publisher = "CRN"
    published = 2025-02-24

    [defaults]
    entity = "Alibaba Group"

    [[claim]]
    id = "q4_revenue"
    metric = "revenue"
    period = "2024-Q4"
    value = "$38.4 billion"
    quote = "generated total revenue of $38.4 billion"

    [[claim]]
    id = "q4_revenue_growth"
    metric = "revenue"
    period = "2024-Q4"
    change = "percent"
    since = "2023-Q4"
    value = "8%"

    [[claim]]
    id = "market_cap"
    metric = "market_cap"
    value = "$342 billion"

    [[claim]]
    id = "ytd_gain"
    metric = "market_cap"
    change = "absolute"
    since = "ytd"
    value = "over $100 billion"

    [[check]]
    id = "gain_below_cap"
    expr = "ytd_gain < market_cap"

    [[acknowledge]]
    rule = "check"
    claims = ["ytd_gain", "market_cap"]
    reason = "reviewed"
"""


def line_of(path, needle: str, occurrence: int = 1) -> int:
    """The 1-based line of the n-th line of the file that contains `needle`."""
    hits = [n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line]
    return hits[occurrence - 1]


def only_problem(corpus):
    assert len(corpus.problems) == 1, [str(p) for p in corpus.problems]
    return corpus.problems[0]


def test_a_good_file_loads_every_field(write):
    path = write("crn.toml", GOOD)
    corpus = load([str(path)])
    assert corpus.problems == ()
    assert [c.ref for c in corpus.claims] == ["crn.q4_revenue", "crn.q4_revenue_growth",
                                             "crn.market_cap", "crn.ytd_gain"]
    revenue = corpus.claim("crn.q4_revenue")
    assert revenue.entity == "Alibaba Group"
    assert revenue.period.kind == "quarter" and revenue.as_of is None
    assert revenue.quote.startswith("generated")
    assert revenue.location.line == line_of(path, "$38.4 billion") and revenue.location.file == str(path)
    cap = corpus.claim("crn.market_cap")
    assert cap.as_of.isoformat() == "2025-02-24"  # taken from source.published
    assert corpus.claim("crn.ytd_gain").since.kind == "ytd"
    assert corpus.checks[0].id == "gain_below_cap" and corpus.checks[0].location.line == line_of(path, "expr =")
    assert corpus.acknowledgements[0].claims == ("crn.ytd_gain", "crn.market_cap")
    assert corpus.sources[0].title.startswith("Alibaba")


def test_folders_are_walked_and_config_files_skipped(write, tmp_path):
    write("a/crn.toml", GOOD)
    write("a/deep/er/other.toml", GOOD.replace('id = "crn"', 'id = "other"'))
    write("a/verify.toml", "not = 'a claim file'")
    write("a/notes.txt", "ignored")
    corpus = load([str(tmp_path / "a")])
    assert corpus.problems == ()
    assert len(corpus.files) == 2 and len(corpus.claims) == 8


def test_references_across_files(write, tmp_path):
    write("crn.toml", GOOD)
    write("other.toml", """
        [source]
        id = "roundup"
        published = 2025-02-24
        [[claim]]
        id = "gain"
        entity = "Alibaba Group"
        metric = "market_cap"
        change = "absolute"
        since = "ytd"
        value = "over $100 billion"
        [[check]]
        id = "same_gain"
        expr = "gain == crn.ytd_gain"
    """)
    corpus = load([str(tmp_path)])
    assert corpus.problems == ()
    assert {c.ref for c in corpus.checks} == {"crn.gain_below_cap", "roundup.same_gain"}


@pytest.mark.parametrize("old, new, at, column, message", [
    # TOML syntax: line and column from the parser, and what to write
    ('value = "$38.4 billion"', 'value = $38.4 billion', "$38.4", 9, "text values need quotes"),
    # unknown field, with the closest valid name
    ('value = "$38.4 billion"', 'vaule = "$38.4 billion"', "vaule", None, "did you mean 'value'?"),
    ('[defaults]', '[defualts]', "defualts", None, "unknown table 'defualts': did you mean 'defaults'?"),
    # missing required field: at the claim's header
    ('    metric = "market_cap"\n    value', '    value', ("[[claim]]", 3), None,
     '[[claim]] has no `metric`: add metric = "revenue"'),
    # bad id characters
    ('id = "q4_revenue"', 'id = "Q4 Revenue"', "Q4 Revenue", None, "e.g. 'q4_revenue'"),
    # a value that does not parse, with the column in the file
    ('value = "$38.4 billion"', 'value = "$38.4 bilion"', "bilion", 16, "unknown unit 'bilion'"),
    # an ambiguous symbol, naming every fix
    ('value = "$342 billion"', 'value = "¥342 billion"', "¥342", None, 'set currency = "CNY"'),
    # a period that does not parse
    ('period = "2024-Q4"\n    value = "$38.4', 'period = "Q4 2024"\n    value = "$38.4', "Q4 2024", None,
     'write period \'Q4 2024\' as "2024-Q4"'),
    # since without change: at `since`
    ('    change = "percent"\n', '', "2023-Q4", None, "`since` is the baseline of a change: add change"),
    # references to missing claims, with the column inside the expression
    ('expr = "ytd_gain < market_cap"', 'expr = "ytd_gain < market_kap"', "expr", 20,
     "unknown claim 'market_kap': did you mean 'market_cap'?"),
    ('claims = ["ytd_gain", "market_cap"]', 'claims = ["ytd_gain", "nope"]', "nope", None, "unknown claim 'nope'"),
    ('expr = "ytd_gain < market_cap"', 'expr = "ytd_gain < other.cap"', "expr", 20, "unknown claim 'other.cap'"),
    # expression syntax, with its column
    ('expr = "ytd_gain < market_cap"', 'expr = "ytd_gain < < market_cap"', "expr", 20, "expected a number"),
    # wrong types and kinds
    ('published = 2025-02-24', 'published = "last monday"', "published", None, "published = 2025-02-24"),
    ('value = "8%"', 'value = 8', "value = 8", None, 'value = "8"'),
    ('change = "percent"', 'change = "relative"', "relative", None,
     'change = "absolute" or "percent" or "points"'),
])
def test_bad_input_names_file_line_and_fix(write, old, new, at, column, message):
    assert old in GOOD
    path = write("crn.toml", GOOD.replace(old, new, 1))
    problem = only_problem(load([str(path)]))
    needle, occurrence = at if isinstance(at, tuple) else (at, 1)
    assert problem.location.file == str(path)
    assert (problem.location.line, problem.location.column) == (line_of(path, needle, occurrence), column), \
        str(problem)
    assert message in problem.message


def test_duplicate_claim_id_in_a_file(write):
    path = write("crn.toml", GOOD.replace('id = "q4_revenue_growth"', 'id = "q4_revenue"'))
    problem = only_problem(load([str(path)]))
    assert problem.location.line == line_of(path, 'id = "q4_revenue"', 2)
    first = line_of(path, 'id = "q4_revenue"')
    assert f"already used on line {first}" in problem.message


def test_duplicate_source_id_across_files(write, tmp_path):
    write("a.toml", GOOD)
    write("b.toml", GOOD)
    corpus = load([str(tmp_path)])
    # As much in each: which one meant the id cannot be told, so neither is read.
    a, b = sorted(corpus.problems, key=lambda p: p.location.file)
    assert a.location.file.endswith("a.toml") and "b.toml:1" in a.message and a.location.line == 1
    assert b.location.file.endswith("b.toml") and "a.toml:1" in b.message
    assert "neither file is read" in a.message
    assert len(corpus.claims) == 0


def test_a_typo_is_reported_once_and_read_as_meant(write):
    path = write("crn.toml", GOOD.replace("[defaults]", "[defualts]").replace('vaule = ', 'value = ')
                 .replace('value = "$38.4 billion"', 'vaule = "$38.4 billion"'))
    corpus = load([str(path)])
    assert sorted(p.location.line for p in corpus.problems) == [line_of(path, "defualts"), line_of(path, "vaule")]
    assert corpus.claim("crn.q4_revenue").entity == "Alibaba Group"
    assert corpus.claim("crn.q4_revenue").value.text == "$38.4 billion"


def test_a_bad_published_date_is_reported_once(write):
    path = write("crn.toml", GOOD.replace("published = 2025-02-24", 'published = "monday"'))
    problem = only_problem(load([str(path)]))
    assert problem.location.line == line_of(path, "published")


def test_a_bad_defaults_field_is_reported_once_at_its_line(write):
    path = write("crn.toml", GOOD.replace('entity = "Alibaba Group"', 'entity = "Alibaba Group"\ncurrency = "yuan"'))
    corpus = load([str(path)])
    problem = only_problem(corpus)
    assert problem.location.line == line_of(path, "yuan") and "ISO 4217" in problem.message


def test_a_claim_without_time_needs_a_published_date(write):
    path = write("crn.toml", GOOD.replace("published = 2025-02-24\n", ""))
    problems = load([str(path)]).problems
    assert {p.location.line for p in problems} == {line_of(path, "[[claim]]", 3), line_of(path, "[[claim]]", 4)}
    assert all("add as_of = 2025-02-24" in p.message for p in problems)


def test_one_bad_file_does_not_stop_the_others(write, tmp_path):
    write("good.toml", GOOD)
    write("broken.toml", "[source\nid = 'x'")
    write("no_source.toml", "[[claim]]\nid = 'x'\n")
    corpus = load([str(tmp_path)])
    assert len(corpus.claims) == 4
    assert {os.path.basename(p.location.file) for p in corpus.problems} == {"broken.toml", "no_source.toml"}


def test_a_bad_claim_does_not_stop_its_file(write):
    path = write("crn.toml", GOOD.replace('value = "$342 billion"', 'value = "¥342 billion"'))
    corpus = load([str(path)])
    assert len(corpus.claims) == 3
    # the check that names the broken claim cannot run, and is not reported twice
    assert corpus.checks == () and len(corpus.problems) == 1


def test_files_that_cannot_be_read(write, tmp_path):
    (tmp_path / "latin1.toml").write_bytes(b'[source]\nid = "x"\ntitle = "caf\xe9"\n')
    corpus = load([str(tmp_path / "latin1.toml"), str(tmp_path / "missing")])
    messages = sorted(str(p) for p in corpus.problems)
    assert "latin1.toml:3: the file is not UTF-8 text" in messages[0]
    assert "no such file or folder" in messages[1]
    assert load([str(tmp_path / "empty_dir_that_is_missing")]).files == ()


def test_an_empty_folder_is_a_problem(tmp_path):
    (tmp_path / "claims").mkdir()
    assert "no claim files" in only_problem(load([str(tmp_path / "claims")])).message


def test_links_out_of_the_given_folder_are_not_followed(write, tmp_path):
    outside = write("outside/secret.toml", GOOD)
    (tmp_path / "claims").mkdir()
    os.symlink(outside, tmp_path / "claims" / "link.toml")
    write("claims/own.toml", GOOD.replace('id = "crn"', 'id = "own"'))
    corpus = load([str(tmp_path / "claims")])
    assert [s.id for s in corpus.sources] == ["own"]


TOMLISH = st.text(alphabet=st.sampled_from(list('[]{}="\'.,#\n abcdeilmortuv_0123456789$%¥-:')), max_size=300)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=TOMLISH)
def test_arbitrary_tomlish_text_never_crashes_the_loader(tmp_path, body):
    path = tmp_path / "fuzz.toml"
    path.write_text(body, encoding="utf-8")
    corpus = load([str(path)])
    assert all(p.message and p.location.file == str(path) for p in corpus.problems)


def toml_literal(x) -> str:
    if isinstance(x, bool):
        return "true" if x else "false"
    if isinstance(x, str):
        return json.dumps(x)  # JSON's string escapes are valid TOML
    return repr(x)  # ints, and floats including inf and nan, as TOML writes them


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(field=st.sampled_from(["id", "entity", "value", "period", "as_of", "change", "since", "currency",
                              "precision", "segment", "quote"]),
       junk=st.one_of(st.text(max_size=40), st.integers(), st.floats(), st.booleans()))
def test_arbitrary_field_values_give_problems_not_tracebacks(tmp_path, field, junk):
    fields = {"id": '"fuzz"', "entity": '"E"', "metric": '"m"', "value": '"5"'}
    fields[field] = toml_literal(junk)
    claim = "\n".join(f"{k} = {v}" for k, v in fields.items())
    path = tmp_path / "fuzz.toml"
    path.write_text(f'[source]\nid = "s"\npublished = 2025-02-24\n[[claim]]\n{claim}\n', encoding="utf-8")
    corpus = load([str(path)])
    assert len(corpus.claims) + len(corpus.problems) >= 1
    assert all(p.message and p.location.line for p in corpus.problems)


# Lines that may stand between the fields of a claim, each opening and closing what it opens.
FILLERS = [
    'note = "a [bracket] and a # hash"',
    "note = 'literal [ with { and \" inside'",
    'note = """a string\nover [ several\nlines = 3"""',
    "note = '''literal\n[[claim]]\nvalue = \"not a key\"'''",
    "# a comment [[claim]] with brackets {",
    "",
    'quote = "He said \\"value = 5\\" [sic]"  # trailing [comment',
]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.lists(st.sampled_from(FILLERS), max_size=3),
                          st.lists(st.sampled_from(FILLERS), max_size=3)), min_size=1, max_size=5))
def test_each_claim_is_located_at_its_value_line(tmp_path, layouts):
    def key(filler):
        return filler.partition(" = ")[0] if " = " in filler.split("\n")[0] else filler

    lines = ['[source]', 'id = "s"', 'published = 2025-02-24']
    expected = {}
    for n, (before, after) in enumerate(layouts):
        used: set[str] = set()  # TOML allows each key once in a table
        lines += ["", "[[claim]]", f'id = "c{n}"', 'entity = "E"', 'metric = "revenue"']
        for filler in before:
            if key(filler) not in used:
                used.add(key(filler))
                lines += filler.split("\n")
        lines.append('value = "$5 billion"')
        expected[f"c{n}"] = len(lines)
        for filler in after:
            if key(filler) not in used:
                used.add(key(filler))
                lines += filler.split("\n")
    path = tmp_path / "layout.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    corpus = load([str(path)])
    assert not [p for p in corpus.problems if "TOML" in p.message]
    assert {c.id: c.location.line for c in corpus.claims} == expected


def test_a_repeated_value_is_read_once_and_shared(write, tmp_path):
    for source, locale in (("a", "en_US"), ("b", "en_US"), ("c", "de_DE")):
        write(f"claims/{source}.toml", f'[source]\nid = "{source}"\nlocale = "{locale}"\n'
              '[[claim]]\nid = "staff"\nentity = "E"\nmetric = "employees"\nas_of = 2025-01-01\n'
              'value = "1.234 employees"\n')
    corpus = load([str(tmp_path / "claims")])
    staff = {c.source: c.value for c in corpus.claims}
    assert staff["a"] is staff["b"]
    assert (staff["a"].nominal, staff["c"].nominal) == (Fraction("1.234"), 1234)  # each locale its own
