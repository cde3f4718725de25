"""The HTML report: valid HTML5, self-contained, every finding and claimed number in it."""

import re
from fractions import Fraction
from pathlib import Path

import html5lib
import pytest
from hypothesis import given
from hypothesis import strategies as st

from verify import check, load
from verify.cli import main
from verify.findings import Side
from verify.interval import Interval
from verify.quantity import Quantity
from verify.report import as_html
from verify.units import Unit

ROOT = Path(__file__).resolve().parent.parent
CORPORA = {"corpus": ROOT / "claims", "golden": ROOT / "tests" / "golden" / "claims"}


def report_of(name):
    return check(load([str(CORPORA[name])]))


SVG = "{http://www.w3.org/2000/svg}"


def parsed(page: str):
    """The page as html5lib's strict parser reads it: any parse error raises."""
    return html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(page)


def drawn(tree, name: str) -> list:
    return list(tree.iter(SVG + name))


@pytest.mark.parametrize("name", sorted(CORPORA))
def test_the_report_is_valid_html5_with_every_finding_and_claim(name):
    report = report_of(name)
    page = report.render("html")
    tree = parsed(page)
    findings = tree.findall(".//article[@class]")
    findings = [a for a in findings if "finding" in a.get("class").split()]
    assert len(findings) == len(report.findings) > 0
    assert sorted(a.get("data-rule") for a in findings) == sorted(f.id for f in report.findings)
    rows = {tr.get("id") for tr in tree.iter("tr") if tr.get("id")}
    assert rows == {f"claim-{c.ref}" for c in report.corpus.claims}
    with_sides = [f for f in report.findings if f.sides]
    assert len(drawn(tree, "svg")) == len(with_sides)


def test_every_located_number_is_marked_with_its_verdict():
    report = report_of("golden")
    tree = parsed(report.render("html"))
    marks = {a.get("id"): a for a in tree.iter("a") if "num" in (a.get("class") or "").split()}
    # beta's article: every claim's number is in it but third_share's (its quote is not)
    beta = [c for c in report.corpus.claims if c.source == "beta"]
    assert {f"mark-{c.ref}" for c in beta if c.id != "third_share"} <= set(marks)
    assert "mark-beta.third_share" not in marks
    assert "".join(marks["mark-beta.market_size"].itertext()) == "US$90,000\xa0million"
    assert "v-error" in marks["mark-beta.rival_share"].get("class")
    assert "v-consistent" in marks["mark-beta.acme_rank"].get("class")
    # alpha has no text: its claims are listed, with a word on how to show them in an article
    assert "No text: its claims are listed below" in report.render("html")


def test_the_page_needs_nothing_from_outside():
    page = report_of("corpus").render("html")
    assert "default-src 'none'" in page
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)
    assert "@import" not in page and "url(" not in page


def test_text_from_claim_files_and_articles_is_escaped(tmp_path):
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "a.txt").write_text("Revenue <script>alert(1)</script> was $5 billion.\x1b[31m\n",
                                                encoding="utf-8")
    (tmp_path / "s.toml").write_text(
        '[source]\nid = "s"\ntitle = "<img src=x onerror=alert(1)>"\npublished = 2025-02-24\n'
        'text = "sources/a.txt"\n[[claim]]\nid = "r"\nentity = "A"\nmetric = "revenue"\nperiod = "2024"\n'
        'value = "$5 billion"\nquote = "was $6 billion</td><script>x</script>\\u0007"\n', encoding="utf-8")
    page = check(load([str(tmp_path)])).render("html")
    parsed(page)
    assert "<script>alert" not in page and "<img" not in page and "</td><script>x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "\\x1b[31m" in page and "\\x07" in page  # control characters shown, never obeyed
    assert len(re.findall("<script>", page)) == 1  # the page's own


def side(label, strict, loose, unit=Unit((), Fraction(1, 100), "%")):
    return Side(label, Quantity(Interval.parse(strict), unit), Quantity(Interval.parse(loose), unit))


def test_the_picture_draws_open_closed_and_unbounded_ends():
    svg = as_html.number_line((side("A", "[57, 60]", "[51, 60]"), side("B", "(8, 8.8]", "(8, inf)"),
                               side("C", "[3, 3]", "[3, 3]")))
    tree = parsed(f"<!DOCTYPE html><title>t</title>{svg}")
    circles = drawn(tree, "circle")
    assert len([c for c in circles if c.get("class") == "open"]) == 2  # B's low ends
    assert len([c for c in circles if c.get("class") == "closed"]) == 5  # A's four ends, B's strict high
    assert len([c for c in circles if c.get("class") is None]) == 2  # C's points
    [arrow] = drawn(tree, "polygon")
    assert "unbounded" in arrow.get("class")
    ticks = [t.text for t in drawn(tree, "text") if t.get("class") == "tick"]
    assert ticks and all(t.endswith("%") for t in ticks)


def test_the_picture_draws_the_tolerance_of_the_relation():
    svg = as_html.number_line((side("A", "[100, 100]", "[100, 100]"), side("B", "[102.5, 103]", "[102.5, 103]")),
                              Fraction(2, 100))
    tree = parsed(f"<!DOCTYPE html><title>t</title>{svg}")
    [a, b] = [g for g in drawn(tree, "g") if g.get("class") == "widened"]
    # A widened to [99, 101], B to [101.475, 104.03]: two strokes each, and no overlap
    assert len(a.findall(SVG + "line")) == 3 and len(b.findall(SVG + "line")) == 3
    a_right = float(a.findall(SVG + "line")[0].get("x2"))
    b_left = float(b.findall(SVG + "line")[0].get("x1"))
    assert a_right < b_left
    assert "±1% per side" in svg


def test_sides_in_units_that_cannot_meet_get_no_picture():
    usd = Unit((("USD", 1),), Fraction(1), "USD")
    assert as_html.number_line((side("A", "[1, 2]", "[1, 2]"), side("B", "[1, 2]", "[1, 2]", usd))) == ""
    assert as_html.number_line((side("A", "(-inf, inf)", "(-inf, inf)"),)) == ""


finite = st.fractions(min_value=-10**12, max_value=10**12, max_denominator=10**6)


@given(finite, finite)
def test_ticks_are_round_and_within_the_range(a, b):
    low, high = min(a, b), max(a, b)
    if low == high:
        high = low + 1
    ticks = as_html.ticks(low, high)
    assert 2 <= len(ticks) <= 6
    assert all(low <= t <= high for t in ticks)
    steps = {ticks[i + 1] - ticks[i] for i in range(len(ticks) - 1)}
    assert len(steps) == 1
    [step] = steps
    digits = str(step).split("/")[0].strip("-").rstrip("0") or "0"
    assert digits in ("1", "2", "5")


def test_the_command_line_writes_html_alone_or_beside_another_format(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    out = tmp_path / "report.html"
    assert main(["claims", "--format", "html", "--output", str(out)]) == 1
    parsed(out.read_text(encoding="utf-8"))
    extra = tmp_path / "also.html"
    assert main(["claims", "--report", f"html:{extra}"]) == 1
    assert "Articles" in extra.read_text(encoding="utf-8")
    assert "error[" in capsys.readouterr().out  # the text report still went to standard output


def test_a_clean_run_says_so(tmp_path):
    (tmp_path / "s.toml").write_text('[source]\nid = "s"\npublished = 2025-02-24\n', encoding="utf-8")
    report = check(load([str(tmp_path)]))
    page = report.render("html")
    parsed(page)
    assert "No discrepancies found." in page
