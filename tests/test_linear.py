"""Loading stays linear in every shape of file, and line positions and suggestions stay right.

The scaling tests time a load at n and 4n and bound the ratio generously (linear is 4,
quadratic 16), taking the best of a few runs, so a busy machine does not fail them.
"""

from __future__ import annotations

import difflib
import string
import time
import tracemalloc

import pytest
import tomli
from hypothesis import given, settings
from hypothesis import strategies as st

from verify import suggest
from verify.claimfile.loader import load
from verify.claimfile.positions import scan

HEAD = '[source]\nid = "s"\npublished = 2025-02-24\n\n'


def _claim(i: int, value: str = '"$10 billion"', key: str = "value") -> str:
    return f'[[claim]]\nid = "c{i}"\nentity = "E{i}"\nmetric = "revenue"\nperiod = "2024-Q4"\n{key} = {value}\n\n'


SHAPES = {
    "checks": lambda n: [_claim(i) for i in range(n)]
    + [f"[[check]]\nid = \"k{i}\"\nexpr = \"c{i} == '$10 billion'\"\n\n" for i in range(n)],
    "bad values": lambda n: [_claim(i, '"ten zillion bucks"') for i in range(n)],
    "misspelt fields": lambda n: [_claim(i, key="vaule") for i in range(n)],
    "unknown refs": lambda n: [_claim(i) for i in range(2 * n)]
    + [f"[[check]]\nid = \"k{i}\"\nexpr = \"cc{i} == '$10 billion'\"\n\n" for i in range(n // 4)],
}


def _load_time(tmp_path, shape: str, n: int, runs: int = 3) -> tuple[float, int]:
    folder = tmp_path / f"{shape}-{n}".replace(" ", "_")
    folder.mkdir()
    (folder / "c.toml").write_text(HEAD + "".join(SHAPES[shape](n)), encoding="utf-8")
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        corpus = load(str(folder))
        best = min(best, time.perf_counter() - start)
    return best, len(corpus.problems)


def test_a_file_of_many_checks_bad_values_typos_or_unknown_refs_loads_in_linear_time(tmp_path):
    load(str(tmp_path))  # imports paid before timing
    _load_time(tmp_path, "bad values", 20, runs=1)
    for shape in SHAPES:
        small, small_problems = _load_time(tmp_path, shape, 300)
        large, large_problems = _load_time(tmp_path, shape, 1200)
        assert large_problems == 4 * small_problems  # the same mistake in each entry, reported each time
        assert large / small < 8, f"{shape}: {small:.3f}s at 300, {large:.3f}s at 1200"


def test_a_bad_value_repeated_is_read_once_and_reported_at_every_line(write, monkeypatch):
    # Each unknown unit's "did you mean" ranks ~2,000 unit names (ms each): 8,000 copies of
    # one bad value took 44 s when each was read again.
    import verify.claimfile.loader as loader

    calls = []
    real = loader.parse_value
    monkeypatch.setattr(loader, "parse_value", lambda *a, **k: calls.append(a[0]) or real(*a, **k))
    path = write("c.toml", HEAD + "".join(_claim(i, '"5 tonnnes"') for i in range(300)) + _claim(300, '"5 km"'))
    problems = [str(p) for p in load(str(path.parent)).problems]
    assert calls == ["5 tonnnes", "5 km"]
    assert len(problems) == 300
    assert problems[0].startswith(f"{path}:10:12: value: unknown unit 'tonnnes' in '5 tonnnes' (did you mean ")
    assert problems[-1].startswith(f"{path}:{10 + 7 * 299}:12: value: unknown unit 'tonnnes'")
    assert len(set(p.split(":", 3)[3] for p in problems)) == 1  # the same message each time


def test_every_misspelt_field_and_ref_is_reported_with_its_line_and_the_name_meant(write):
    path = write("c.toml", HEAD + _claim(0, key="vaule") + _claim(1)
                 + "[[check]]\nid = \"k\"\nexpr = \"c1 == cc0\"\n")
    problems = [str(p) for p in load(str(path.parent)).problems]
    assert problems == [
        f"{path}:10: unknown field in [[claim]] 'vaule': did you mean 'value'?",
        f"{path}:21:15: unknown claim 'cc0': did you mean 'c0'?",
    ]


def test_a_misspelt_table_of_misspelt_fields_still_has_lines(write):
    path = write("c.toml", HEAD + _claim(0).replace("[[claim]]", "[[claims]]").replace("value =", "vaule ="))
    problems = [str(p) for p in load(str(path.parent)).problems]
    assert f"{path}:10: unknown field in [[claim]] 'vaule': did you mean 'value'?" in problems


# -- the line scanner ------------------------------------------------------------

def test_a_ten_megabyte_quote_is_scanned_in_small_memory_and_linear_time():
    def scanned(size: int) -> tuple[float, int]:
        text = HEAD + _claim(0) + 'quote = "' + "q\\\"" * (size // 3) + '"\n' + 'note = "after"\n'
        tracemalloc.start()
        start = time.perf_counter()
        positions = scan(text)
        elapsed = time.perf_counter() - start
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        assert positions.line("claim", 0, "note") == 13
        return elapsed, peak

    small_time, _ = scanned(2_500_000)
    large_time, large_peak = scanned(10_000_000)
    assert large_peak < 25_000_000  # the line itself (10 MB) and its slice; 1.5 GB before
    assert large_time / small_time < 8


def test_twenty_megabytes_of_multi_line_note_is_skipped_in_one_search():
    text = HEAD + _claim(0) + 'note = """\n' + "a line of a note, with \\\" and ' and [\n" * 500_000 + '"""\nquote = "q"\n'
    start = time.perf_counter()
    positions = scan(text)
    assert time.perf_counter() - start < 1.0  # 11.7 s when each character was visited in Python
    assert positions.line("claim", 0, "quote") == 500_014


def test_a_line_separator_inside_a_quote_is_not_a_line_break():
    # TOML lines end at LF; U+2028 and U+0085 may stand in a string
    text = HEAD + _claim(0, '"a\u2028b\x85c"') + "[[check]]\nid = \"k\"\nexpr = \"c0 == 1\"\n"
    positions = scan(text)
    assert positions.line("check", 0, "expr") == 14
    assert positions.column("check", 0, "expr") == 9


@pytest.mark.parametrize("first, second", [("1", "[\n  1,\n]"), ("[\n  1,\n]", "1")])
def test_a_key_of_two_dotted_tables_is_on_the_line_that_sets_it_first(first, second):
    # `[a.b]` and `[a.c]` are both table `a` to the scanner; keys on lines of their own are
    # found when asked for, the others at once, and either way the first line is kept
    text = f'[a.b]\nx = {first}\ny = "q"\n\n[a.c]\nx = {second}\nz = 2\n'
    tomli.loads(text)
    positions = scan(text)
    assert positions.line("a", None, "x") == 2
    assert positions.line("a", None, "z") == text.splitlines().index("z = 2") + 1
    assert scan(text).lines[("a", None, "x")] == 2


# Values as TOML writes them, some over several lines, with comments, brackets and quotes inside.
_TEXT = st.text(alphabet=string.ascii_letters + " #[]{}=,.'\"\\\u2028\x85é", max_size=12)
_BASIC = _TEXT.map(lambda s: '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"')
_LITERAL = _TEXT.map(lambda s: "'" + s.replace("'", "") + "'")
_MULTI_BASIC = st.tuples(st.lists(_BASIC.map(lambda s: s[1:-1]), min_size=1, max_size=4),
                         st.sampled_from(["\n", "\\\n", '""\n']), st.integers(0, 2)).map(
    lambda p: '"""' + p[1].join(p[0]) + '"' * p[2] + '"""')
_MULTI_LITERAL = st.tuples(st.lists(_LITERAL.map(lambda s: s[1:-1]), min_size=1, max_size=4),
                           st.integers(0, 2)).map(lambda p: "'''" + "\n".join(p[0]) + "'" * p[1] + "'''")
_SCALAR = st.one_of(_BASIC, _LITERAL, st.integers().map(str),
                    st.sampled_from(["true", "1.5e3", "2025-02-24", "1979-05-27 07:32:00"]))
_VALUE = st.recursive(
    st.one_of(_SCALAR, _MULTI_BASIC, _MULTI_LITERAL),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3).map(lambda items: "[\n  " + "".join(i + ",\n  " for i in items) + "# a [comment\n]"),
        st.lists(inner, max_size=3).map(lambda items: "[" + ", ".join(items) + "]"),
        st.lists(_SCALAR, max_size=3).map(lambda items: "{" + ", ".join(f"k{i} = {v}" for i, v in enumerate(items)) + "}"),
    ),
    max_leaves=6,
)
_KEYS = {"value": "value", "quote": "quote", "'odd key'": "odd key", '"quoted [key]"': "quoted [key]", "a-b_c": "a-b_c"}
_ENTRIES = st.lists(st.tuples(st.sampled_from(sorted(_KEYS)), _VALUE, st.booleans()), max_size=4,
                    unique_by=lambda entry: _KEYS[entry[0]])


@settings(max_examples=60, deadline=None)
@given(_ENTRIES, st.lists(st.tuples(st.sampled_from(["[source]", "[[claim]]", "[[check]]"]), _ENTRIES), max_size=5),
       st.booleans())
def test_the_scanner_finds_the_line_of_every_key_and_table(top, tables, crlf):
    chunks: list[str] = []
    expected: dict[tuple, int] = {}
    line = 1

    def add(chunk: str, address: tuple | None = None) -> None:
        nonlocal line
        if address is not None:
            expected[address] = line
        chunks.append(chunk + "\n")
        line += chunk.count("\n") + 1

    counts: dict[str, int] = {}
    for header, entries in [(None, top), *tables]:
        name, index = "", None
        if header == "[source]":
            if "source" in counts:
                continue
            name, counts[name] = "source", 0
        elif header:
            name = header.strip("[]")
            index = counts[name] = counts.get(name, -1) + 1
        if header:
            add(f"  {header}  # a table", (name, index, None))
        for key, value, commented in entries:
            add("# a comment with a = sign and a [bracket and a \"quote")
            add(f"{key} = {value}" + ("  # after" if commented else ""),
                (name, index, _KEYS[key]) if name else (_KEYS[key], None, None))
        add("")
    text = "".join(chunks)
    if crlf:
        text = text.replace("\n", "\r\n")
    tomli.loads(text)  # the scanner reads only documents TOML accepts
    assert scan(text).lines == expected


# -- suggestions -----------------------------------------------------------------

_WORD = st.text(alphabet="abcdefgh_", min_size=1, max_size=10)


@given(st.lists(_WORD, min_size=1, max_size=suggest.SCAN_LIMIT, unique=True), _WORD)
def test_among_a_few_names_the_suggestion_is_difflibs(names, word):
    expected = difflib.get_close_matches(word, names, n=1, cutoff=0.6)
    assert suggest.closest(word, names) == (expected[0] if expected else None)


def _edits(word: str):
    """Words one or two typing mistakes away from `word`."""
    i = st.integers(0, max(len(word) - 1, 0))
    letter = st.sampled_from("abcdefgh_")
    one = st.one_of(
        st.tuples(i, letter).map(lambda p: word[:p[0]] + p[1] + word[p[0]:]),  # extra
        i.map(lambda p: word[:p] + word[p + 1:]),  # missing
        st.tuples(i, letter).map(lambda p: word[:p[0]] + p[1] + word[p[0] + 1:]),  # changed
        i.map(lambda p: word[:p] + word[p + 1:p + 2] + word[p:p + 1] + word[p + 2:]),  # swapped
    )
    return one


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet="abcdefgh_", min_size=4, max_size=14), min_size=suggest.SCAN_LIMIT + 1,
                max_size=120, unique=True), st.data())
def test_among_many_names_a_typo_finds_a_name_as_close_as_the_one_meant(names, data):
    meant = data.draw(st.sampled_from(names))
    word = data.draw(_edits(meant))
    found = suggest.Names(names).closest(word)

    def ratio(name):
        return difflib.SequenceMatcher(None, name, word).ratio()

    if ratio(meant) >= suggest.CUTOFF:
        assert found is not None and ratio(found) >= ratio(meant)
    best = difflib.get_close_matches(word, names, n=1, cutoff=suggest.CUTOFF)
    if found is not None:
        assert ratio(found) >= suggest.CUTOFF and best


def test_a_suggestion_among_twenty_thousand_names_takes_no_longer_than_among_five_hundred():
    def per_lookup(count: int) -> float:
        names = suggest.Names(f"claim_{i:06d}" for i in range(count))
        names.closest("claim_00001x")  # the index is built once
        start = time.perf_counter()
        for i in range(200):
            assert names.closest(f"clam_{i:06d}") == f"claim_{i:06d}"
        return time.perf_counter() - start

    assert per_lookup(20_000) < 4 * per_lookup(500) + 0.05
