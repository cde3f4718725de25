"""The quote rule: a claim's quote is in its article, and its value in its quote."""

import textwrap
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from verify import check, load
from verify.errors import InputError
from verify.rules.quote import QuoteRule, number_in
from verify.textmatch import find_quote, normalise
from verify.values import parse_value

ARTICLE = """\
Chipmaker Nortel Semi said on Tuesday that quarterly revenue reached 38.4 bln dollars,
up 8 percent from a year earlier – its “best quarter ever”, the chief executive said.
The company ranks No. 4 among foundries. More than 90,000 derivative models run on its
chips, and its shares fell 5% in early trading.
"""


def run(tmp_path, *claims, text=ARTICLE, name="article.txt"):
    (tmp_path / "sources").mkdir(exist_ok=True)
    (tmp_path / "sources" / name).write_text(text, encoding="utf-8")
    body = "".join(textwrap.dedent(c) for c in claims)
    (tmp_path / "story.toml").write_text(textwrap.dedent(f"""\
        [source]
        id = "story"
        published = 2025-02-24
        text = "sources/{name}"
        [defaults]
        entity = "Nortel Semi"
        """) + body, encoding="utf-8")
    corpus = load([str(tmp_path)])
    assert corpus.problems == (), [str(p) for p in corpus.problems]
    return check(corpus, rules=[QuoteRule()])


def claim(id, value, quote, metric="revenue", extra=""):
    return f"""
[[claim]]
id = "{id}"
metric = "{metric}"
period = "2024-Q4"
value = "{value}"
quote = '''{quote}'''
{extra}
"""


def ids(report):
    return sorted((f.id, f.claims[0].id) for f in report.findings)


def test_a_quote_is_found_however_it_is_typeset(tmp_path):
    report = run(tmp_path,
                 claim("a", "38.4 bln dollars", "REVENUE REACHED 38.4 bln dollars, up 8 percent"),
                 claim("b", "8%", 'up 8 percent from a year earlier - its "best quarter ever"',
                       extra='change = "percent"'),
                 claim("c", "$38.4 billion", "quarterly revenue   reached\t38.4 bln dollars"))
    assert report.findings == ()
    assert report.skipped == {}


def test_an_ellipsis_matches_its_pieces_in_order(tmp_path):
    report = run(tmp_path,
                 claim("inorder", "$38.4 billion", "Nortel Semi said ... revenue reached 38.4 bln dollars"),
                 claim("unicode", "$38.4 billion", "Nortel Semi said…38.4 bln dollars"),
                 claim("reversed", "$38.4 billion", "revenue reached 38.4 bln dollars ... Nortel Semi said"))
    assert ids(report) == [("quote.missing", "reversed")]


def test_a_quote_matches_whole_words_only(tmp_path):
    report = run(tmp_path, claim("partial", "8.4 bln dollars", "reached 8.4 bln dollars"))
    assert ids(report) == [("quote.missing", "partial")]


def test_a_missing_quote_says_where_it_stops_matching(tmp_path):
    report = run(tmp_path, claim("typo", "$38.4 billion", "quarterly revenue reached 34.8 bln dollars"))
    missing = [f for f in report.findings if f.id == "quote.missing"]
    assert len(missing) == 1
    assert "article.txt:1:44 ('quarterly revenue reached')" in missing[0].message
    assert missing[0].location.file.endswith("story.toml")  # the claim, where the fix is


@pytest.mark.parametrize("value, quote", [
    ("$38.4 billion", "revenue reached 38.4 bln dollars"),  # the same number, however written
    ("US$38,400 million", "revenue reached 38.4 bln dollars"),
    ("more than 90,000 models", "More than 90,000 derivative models"),  # an adjective before the noun
    ("fourth", "The company ranks No. 4 among foundries"),
    ("down 5%", "its shares fell 5% in early trading"),
    ("5%", "its shares fell 5% in early trading"),  # no sign claimed, none contradicted
])
def test_the_value_is_found_in_its_quote_by_the_value_grammar(value, quote):
    assert number_in(parse_value(value), quote) is not None


@pytest.mark.parametrize("value, quote", [
    ("$34.8 billion", "revenue reached 38.4 bln dollars"),  # transposed digits
    ("€38.4 billion", "revenue reached 38.4 bln dollars"),  # another currency
    ("90,000 employees", "More than 90,000 derivative models"),  # another noun
    ("up 5%", "its shares fell 5% in early trading"),  # the other direction
    ("third", "The company ranks No. 4 among foundries"),
])
def test_another_number_is_not_the_value(value, quote):
    assert number_in(parse_value(value), quote) is None


def test_a_value_missing_from_its_quote_points_at_the_claim_and_the_place_in_the_text(tmp_path):
    report = run(tmp_path, claim("transposed", "$34.8 billion", "quarterly revenue reached 38.4 bln dollars"))
    [finding] = report.findings
    assert finding.id == "quote.value" and finding.severity == "error"
    assert finding.location.file.endswith("story.toml") and finding.claims[0].id == "transposed"
    assert "'$34.8 billion' is not in its quote (at " in finding.message
    assert "sources/article.txt:1:44)" in finding.message


def test_the_value_is_found_in_an_html_article_and_points_into_the_file(tmp_path):
    page = "<html><body>\n<p>Revenue reached <b>38.4&nbsp;bln</b>\ndollars.</p></body></html>\n"
    report = run(tmp_path, claim("ok", "$38.4 billion", "Revenue reached 38.4 bln dollars"),
                 claim("wrong", "$39 billion", "Revenue reached 38.4 bln dollars"), text=page, name="a.html")
    [finding] = report.findings
    assert finding.id == "quote.value" and finding.claims[0].id == "wrong"
    assert "a.html:2:4)" in finding.message


def test_claims_without_a_quote_or_a_text_are_skipped_and_counted(tmp_path):
    (tmp_path / "other.toml").write_text(textwrap.dedent("""\
        [source]
        id = "other"
        published = 2025-02-24
        [[claim]]
        id = "r"
        entity = "Nortel Semi"
        metric = "revenue"
        period = "2024-Q4"
        value = "$1 billion"
        quote = "not checked: this source has no text"
        """), encoding="utf-8")
    report = run(tmp_path, claim("a", "$38.4 billion", "revenue reached 38.4 bln dollars"),
                 '[[claim]]\nid = "b"\nmetric = "revenue"\nperiod = "2024"\nvalue = "$150 billion"\n')
    assert report.findings == ()
    assert report.skipped == {"quote": 2}
    assert len(report.ran["quote"]) == 1


words = st.lists(st.sampled_from(["revenue", "rose", "8%", "to", "$38.4", "billion", "“record”", "it's",
                                  "Q4–2024", "said", "the", "firm"]), min_size=1, max_size=30)


@given(words, st.data())
def test_any_passage_of_a_text_is_found_after_retypesetting(text_words, data):
    text = " ".join(text_words)
    start = data.draw(st.integers(0, len(text_words) - 1))
    end = data.draw(st.integers(start + 1, len(text_words)))
    passage = " ".join(text_words[start:end])
    # the quote as someone retyped it: straight quotes, hyphens, other spacing and case
    retyped = passage.replace("“", '"').replace("”", '"').replace("–", "-").replace(" ", "  ").upper()
    match = find_quote(retyped, text)
    assert match is not None
    assert normalise(text[match.start:match.end]).text == normalise(retyped).text


def test_reading_quotes_never_loads_pint(tmp_path):
    """A word that is no unit ("derivative", "in") must not cost a run the loading of pint."""
    import subprocess
    import sys

    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "s.toml").write_text(textwrap.dedent("""\
        [source]
        id = "s"
        published = 2025-02-24
        text = "sources/a.txt"
        [[claim]]
        id = "models"
        entity = "Nortel Semi"
        metric = "models"
        value = "more than 90,000 models"
        quote = "More than 90,000 derivative models run on its chips"
        """), encoding="utf-8")
    code = ("import sys, verify; r = verify.check(verify.load(sys.argv[1]));"
            "assert not r.findings, r.findings; print('pint' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_a_physical_unit_is_found_when_a_claim_has_one():
    # the claim's own reading loaded pint; the quote's phrases may then use it too
    assert number_in(parse_value("1.5 GW"), "a plant of 1,500 MW on the coast") is not None
    assert number_in(parse_value("1.5 GW"), "a plant of 1,500 kW on the coast") is None


def test_a_quote_finding_in_the_json_and_sarif_reports_points_into_the_article(tmp_path):
    import json
    from pathlib import Path

    import jsonschema

    report = run(tmp_path, claim("transposed", "$34.8 billion", "quarterly revenue reached 38.4 bln dollars"),
                 claim("typo", "$38.4 billion", "quarterly revenue reached 34.8 bln dollars"))
    schema = json.loads((Path(__file__).parent.parent / "docs" / "report.schema.json").read_text(encoding="utf-8"))
    document = json.loads(report.render("json"))
    jsonschema.Draft202012Validator(schema).validate(document)
    places = {(f["id"], f["claims"][0]["ref"]): f.get("in_text") for f in document["findings"]}
    assert {k: v and (v["file"].endswith("sources/article.txt"), v["line"], v["column"])
            for k, v in places.items()} == {
        ("quote.value", "story.transposed"): (True, 1, 44),  # where the quote's number is
        ("quote.missing", "story.typo"): (True, 1, 44),  # where the quote begins to match
        ("quote.value", "story.typo"): None,  # a quote not in the text has no place in it
    }
    sarif = json.loads(report.render("sarif"))
    related = [r["relatedLocations"][-1] for r in sarif["runs"][0]["results"] if len(r["relatedLocations"]) == 2]
    assert len(related) == 2
    assert {r["message"]["text"] for r in related} == {"the place in the article's text"}
    assert all(r["physicalLocation"]["artifactLocation"]["uri"].endswith("sources/article.txt")
               and r["physicalLocation"]["region"] == {"startLine": 1, "startColumn": 44} for r in related)


@pytest.mark.parametrize("phrase", ["12 sharez", "1,23.4 shares", "5 USF"])
def test_phrases_read_on_the_chance_of_a_value_work_out_no_suggestion(phrase, monkeypatch):
    """A quote's phrases that are no value fail unseen: no "did you mean" is ranked for them
    (difflib, babel's strict parse), while the same text as a claim's value still gets one."""
    import difflib

    import babel.numbers

    from verify.rules import quote
    from verify.units import _UNIT_NAMES

    with pytest.raises(InputError, match="did you mean"):
        parse_value(phrase)

    def unasked(*args, **kwargs):
        raise AssertionError("a suggestion was worked out for a phrase no one reads")

    monkeypatch.setattr(difflib, "get_close_matches", unasked)
    monkeypatch.setattr(difflib, "SequenceMatcher", unasked)
    monkeypatch.setattr(babel.numbers, "parse_decimal", unasked)
    _UNIT_NAMES.clear()  # the index the suggestion above built: no suggestion may build another
    assert quote._read_cached(phrase, "en_US", None, False) is None
    with pytest.raises(AssertionError, match="no one reads"):
        parse_value(phrase)


def _normalised_char_by_char(text):
    """The normalisation spelled out one character at a time: what the fast path must equal."""
    quotes = {c: "'" for c in "‘’‚‛′`´"} | {c: '"' for c in "“”„‟″«»"}
    dashes = {c: "-" for c in "‐‑‒–—―−﹘﹣－"}
    out, origins, space = [], [], True
    for i, char in enumerate(text):
        if char in "\u00ad\u200b\u200c\u200d\u2060\ufeff":
            continue
        if char.isspace():
            if not space:
                out.append((" ", i))
            space = True
            continue
        space = False
        char = quotes.get(char) or dashes.get(char) or char
        out += [(folded, i) for folded in unicodedata.normalize("NFKC", char).casefold()]
    if out and out[-1][0] == " ":
        out.pop()
    return "".join(c for c, _ in out), tuple(i for _, i in out)


@given(st.text(st.sampled_from("aZ9 .`'’“\t\n\u00a0\u200b\x1c–ﬁẞİ½é")) | st.text())
def test_normalising_takes_plain_ascii_runs_whole_as_it_would_each_character(text):
    found = normalise(text)
    assert (found.text, found.origins) == _normalised_char_by_char(text)
    assert found.length == len(text)
