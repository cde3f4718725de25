"""The Python API for editorial tools: a checker that stays loaded, round trips, dumps."""

import json
import shutil
import sys
import threading
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import verify
from verify import Checker, Claim, Source, Value, check, dumps, load, parse_value

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
import generate  # noqa: E402


def comparable(finding):
    """What a finding says, whatever order its claims come in (a draft's come last) and
    wherever they were read (a draft's text is read from no file)."""
    data = finding.to_dict()
    return json.dumps([data["rule"], data["id"], data["severity"], data["acknowledged"],
                       sorted(json.dumps({k: v for k, v in c.items() if k != "location"}, sort_keys=True)
                              for c in data["claims"]),
                       sorted(json.dumps(side, sort_keys=True) for side in data["sides"])])


def involving(report, refs):
    """The findings of a full check that involve any of `refs`."""
    return sorted(comparable(f) for f in report.findings if any(c.ref in refs for c in f.claims))


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    generate.write_corpus(3000, folder)
    return folder


def test_a_draft_gets_the_findings_a_full_check_gives_it(generated, tmp_path):
    """The oracle: check the whole corpus with the draft in it, and keep what involves the draft."""
    corpus_dir = tmp_path / "corpus"
    shutil.copytree(generated, corpus_dir)
    drafts = sorted(corpus_dir.glob("*.toml"))[:3]
    full = check(load([str(corpus_dir)]))
    texts = [d.read_text(encoding="utf-8") for d in drafts]
    for d in drafts:
        d.unlink()
    checker = Checker([str(corpus_dir)])
    seen = 0
    for text in texts:
        report = checker.check(text)
        assert report.corpus.problems == ()
        refs = {c.ref for c in report.corpus.claims}
        got = sorted(comparable(f) for f in report.findings)
        assert got == involving(full, refs)
        seen += len(got)
    assert seen > 0  # the generated corpus garbles some figures on purpose


def test_a_draft_built_in_code_against_the_project_corpus():
    checker = Checker([str(ROOT / "claims")])
    source = Source("draft_story", title="Alibaba's cloud quarter", published="2025-02-25")
    claims = [
        Claim(id="q4_revenue", entity="Alibaba Group", metric="revenue", period="2024-Q4", value="$45 billion"),
        Claim(id="employees", entity="Alibaba Group", metric="employees", value="about 194,000 employees",
              as_of="2025-02-24"),
    ]
    report = checker.check(source, claims)
    assert [f.rule for f in report.findings] == ["agreement"]
    finding = report.findings[0]
    assert finding.severity == "error"
    assert {c.ref for c in finding.claims} >= {"draft_story.q4_revenue", "crn_alibaba_53b.q4_revenue"}
    assert report.exit_code() == 1


def test_a_draft_may_not_reuse_a_corpus_ref():
    checker = Checker([str(ROOT / "claims")])
    claim = Claim(id="q4_revenue", entity="Alibaba Group", metric="revenue", period="2024-Q4",
                  value="$38.4 billion", source="crn_alibaba_53b")
    with pytest.raises(ValueError, match="already in the corpus"):
        checker.check([claim])


def test_reload_reads_only_what_changed(tmp_path):
    shutil.copytree(ROOT / "claims", tmp_path / "claims")
    checker = Checker([str(tmp_path / "claims")])
    before = len(checker.corpus.claims)
    assert checker.reload() == []
    path = tmp_path / "claims" / "roundup-alibaba-ai-race.toml"
    path.write_text(path.read_text(encoding="utf-8") + '\n[[claim]]\nid = "extra"\nentity = "Alibaba Group"\n'
                    'metric = "employees"\nas_of = 2025-02-24\nvalue = "500,000 employees"\n', encoding="utf-8")
    assert checker.reload() == [str(path)]
    assert len(checker.corpus.claims) == before + 1
    draft = Claim(id="staff", entity="Alibaba Group", metric="employees", value="194,000 employees",
                  as_of="2025-02-24", source="draft")
    assert any("roundup.extra" in {c.ref for c in f.claims} for f in checker.check([draft]).findings)


def test_reload_rereads_a_claim_file_whose_article_changed(tmp_path):
    shutil.copytree(ROOT / "claims", tmp_path / "claims")
    checker = Checker([str(tmp_path / "claims")])
    article = tmp_path / "claims" / "sources" / "crn-alibaba-53b-ai-plan.txt"
    article.write_text(article.read_text(encoding="utf-8") + "\nA line added after publication.\n", encoding="utf-8")
    assert checker.reload() == [str(tmp_path / "claims" / "crn-alibaba-53b-ai-plan.toml")]
    assert checker.corpus.articles["crn_alibaba_53b"].text.rstrip().endswith("A line added after publication.")
    assert checker.reload() == []


def test_checks_from_many_threads_agree():
    checker = Checker([str(ROOT / "claims")])
    draft = [Claim(id="cap", entity="Alibaba Group", metric="market_cap", value="$400 billion",
                   as_of="2025-02-24", source="draft")]
    expected = [f.to_dict() for f in checker.check(draft).findings]
    results, errors = [], []

    def work():
        try:
            for _ in range(5):
                results.append([f.to_dict() for f in checker.check(draft).findings])
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(results) == 20 and all(r == expected for r in results) and expected


# -- round trips -------------------------------------------------------------------

def round_trip(obj):
    data = json.loads(json.dumps(obj.to_dict(), allow_nan=False))
    return type(obj).from_dict(data)


def test_reports_and_findings_round_trip_through_json():
    for folder in (ROOT / "claims", ROOT / "tests" / "golden" / "claims"):
        report = check(load([str(folder)]))
        assert report.findings
        again = round_trip(report)
        assert again == report
        assert again.render("json") == report.render("json")
        for finding in report.findings:
            assert round_trip(finding) == finding
        for claim in report.corpus.claims:
            copy = round_trip(claim)
            assert copy == claim and copy.location == claim.location
        for item in (*report.corpus.sources, *report.corpus.checks, *report.corpus.acknowledgements):
            assert round_trip(item) == item


VALUES = st.builds(
    lambda hedge, sign, number, scale, unit: f"{hedge}{sign}{number}{scale}{unit}",
    st.sampled_from(["", "about ", "nearly ", "over ", "up to ", "more than "]),
    st.sampled_from(["", "$", "€", "RMB ¥", "HK$"]),
    st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False).map(str),
    st.sampled_from(["", "k", " million", "bn"]),
    st.sampled_from(["", " shares", " employees", "%", " per share"]),
)
PERIODS = st.sampled_from([None, "2024", "2024-Q4", "2025-02", "2024-H1", "2025-01-01..2025-02-24", "Feb 2024"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(VALUES)
def test_any_value_round_trips(text):
    value = parse_value(text)
    assert round_trip(value) == value


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(value=VALUES, period=PERIODS, change=st.sampled_from([None, "percent", "absolute"]),
       quote=st.one_of(st.none(), st.text(min_size=1, max_size=40).filter(str.strip)),
       note=st.one_of(st.none(), st.text(min_size=1, max_size=20).filter(str.strip)),
       segment=st.one_of(st.none(), st.sampled_from(["Cloud", "ADR"])))
def test_any_claim_round_trips_and_dumps_back(tmp_path_factory, value, period, change, quote, note, segment):
    claim = Claim(id="c1", entity="Example Corp", metric="revenue", value=value, period=period,
                  as_of=None if period else "2025-02-24", change=change, quote=quote, note=note,
                  segment=segment, source="story")
    assert round_trip(claim) == claim
    source = Source("story", title="A story", published="2025-02-24")
    folder = tmp_path_factory.mktemp("dump")
    (folder / "story.toml").write_text(dumps(source, [claim]), encoding="utf-8")
    corpus = load([str(folder)])
    assert corpus.problems == ()
    assert corpus.claims == (claim,) and corpus.sources == (source,)
    assert corpus.claims[0].value.text == value  # as written


def test_dumps_writes_the_corpus_back_as_it_was(tmp_path):
    corpus = load([str(ROOT / "claims")])
    for source in corpus.sources:
        own = lambda items: [x for x in items if x.source == source.id]  # noqa: E731
        text = dumps(source, own(corpus.claims), checks=own(corpus.checks),
                     acknowledgements=own(corpus.acknowledgements))
        (tmp_path / f"{source.id}.toml").write_text(text, encoding="utf-8")
    shutil.copytree(ROOT / "claims" / "sources", tmp_path / "sources")  # the articles' texts, beside them
    again = load([str(tmp_path)])
    assert again.problems == ()
    assert (again.sources, again.claims, again.checks, again.acknowledgements) == \
        (corpus.sources, corpus.claims, corpus.checks, corpus.acknowledgements)


def test_dumps_refuses_a_claim_of_another_source():
    with pytest.raises(ValueError, match="one file per source"):
        dumps(Source("a"), [Claim(id="c", entity="E", metric="m", value="5", source="b", as_of="2025-01-01")])


def test_from_dict_rejects_data_of_another_shape():
    data = Claim(id="c", entity="E", metric="revenue", value="$5", period="2024").to_dict()
    with pytest.raises(ValueError, match="no field"):
        Claim.from_dict({**data, "vaule": "x"})
    with pytest.raises(TypeError):
        Value.from_dict({**data["value"], "nominal": 5.5})
    assert all(hasattr(getattr(verify, name), "from_dict")
               for name in ("Claim", "Source", "Check", "Value", "Finding", "Report", "Acknowledgement"))


# -- progress and the example ------------------------------------------------------

def test_load_and_check_report_progress(generated):
    seen = []
    corpus = load([str(generated)], progress=lambda *args: seen.append(args))
    reading = [s for s in seen if s[0] == "reading"]
    files = len(list(generated.glob("*.toml")))
    assert [d for _, d, _ in reading] == list(range(1, files + 1)) and {t for *_, t in reading} == {files}
    seen.clear()
    check(corpus, progress=lambda *args: seen.append(args))
    assert seen[-1][0] == "checking" and seen[-1][1] == seen[-1][2] == len(verify.engine.builtin_rules())


def test_progress_shows_only_on_a_terminal_outside_ci(monkeypatch):
    import io

    from verify import progress

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert progress.for_terminal(io.StringIO()) is None  # redirected
    assert isinstance(progress.for_terminal(Terminal()), progress.Bars)
    monkeypatch.setenv("CI", "true")
    assert progress.for_terminal(Terminal()) is None
    screen = Terminal()
    bars = progress.Bars(screen, delay=0)
    for done in range(1, 4):
        bars("reading", done, 3)
    for done in range(1, 6):
        bars("writing", done, -1)
    bars("writing", 5, 5)
    drawn = screen.getvalue()
    assert "reading:" in drawn and "/3 " in drawn and "file/s" in drawn  # a count against its total, a rate
    assert "writing:" in drawn and "piece/s" in drawn
    assert bars.bars == {}  # every stage closed


def test_the_editorial_example_runs(tmp_path):
    import subprocess

    result = subprocess.run([sys.executable, str(ROOT / "examples" / "editorial_check.py"), str(ROOT / "claims")],
                            capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    out = result.stdout
    assert out.startswith("ERROR (agreement)")
    assert "draft says 'nearly 150,000 employees'" in out and "crn_alibaba_53b says 'over 194,000 employees'" in out
    assert "draft says '$39.8 billion'" in out and "crn_alibaba_53b says '$38.4 billion'" in out
    assert "cloud_revenue" not in out  # the right figure raises nothing
