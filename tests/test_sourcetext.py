import os

import pytest
from hypothesis import given
from hypothesis import strategies as st

from verify.sourcetext import ArticleError, article_from, read_article

PAGE = """<!doctype html>
<html><head><title>Ignored headline</title>
<style>p { color: red }</style><script>var revenue = "$99 billion";</script></head>
<body>
  <h1>Chipmaker lifts its forecast</h1>
  <p>The company said revenue rose
     to $4.2&nbsp;billion in the quarter, AT&amp;T&#39;s too.</p>
  <p>Margins were 41%.<br>Shares fell 3%.</p>
</body></html>
"""


def test_plain_text_is_read_as_it_is(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("\ufeffLine one\nRevenue was $4.2 billion.\n", encoding="utf-8")
    article = read_article(path)
    assert article.kind == "text"
    assert article.text == "Line one\nRevenue was $4.2 billion.\n"
    at = article.text.index("$4.2")
    assert article.position(at) == (2, 13)
    assert article.position(0) == (1, 1)


def test_markdown_is_read_as_it_is(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("# Headline\n\n*Revenue* was $4.2 billion.\n", encoding="utf-8")
    article = read_article(path)
    assert article.kind == "markdown"
    assert article.position(article.text.index("$4.2")) == (3, 15)


def test_html_is_reduced_to_what_a_reader_sees():
    article = article_from(PAGE, "html")
    assert article.text.startswith("Chipmaker lifts its forecast\n\nThe company said revenue rose to $4.2\xa0billion")
    assert "AT&T's too." in article.text
    assert "Margins were 41%.\nShares fell 3%." in article.text
    for hidden in ("Ignored headline", "$99", "color"):
        assert hidden not in article.text


def test_html_offsets_point_into_the_file():
    article = article_from(PAGE, "html")
    lines = PAGE.split("\n")
    for word in ("$4.2", "Chipmaker", "fell", "41%"):
        line, column = article.position(article.text.index(word))
        assert lines[line - 1][column - 1:].startswith(word), word
    # a decoded entity points at its markup
    line, column = article.position(article.text.index("\xa0"))
    assert lines[line - 1][column - 1:].startswith("&nbsp;")


def test_pre_keeps_its_white_space():
    article = article_from("<p>a  b</p><pre>x  1\n  y</pre>", "html")
    assert article.text == "a b\n\nx  1\n  y"


@given(st.lists(st.sampled_from(list("ab <>/&;#\n\tpx1") + ["<p>", "</p>", "&amp;", "<br>", "<script>",
                                                             "</script>", "<pre>", "</pre>", "&#39;"]))
       .map("".join))
def test_every_offset_of_any_page_maps_into_the_file(page):
    article = article_from(page, "html")
    lines = page.split("\n")
    for offset, char in enumerate(article.text):
        line, column = article.position(offset)
        assert 1 <= line <= len(lines)
        assert 1 <= column <= len(lines[line - 1]) + 1
        if not char.isspace() and char not in "&<>;#":
            # a visible character that was copied is the character at its place
            assert lines[line - 1][column - 1] in (char, "&")


@given(st.one_of(st.text(), st.lists(st.sampled_from(
    ["<", ">", "!", "[", "]", "<!", "<![CDATA[", "]]>", "<?", "</", "<p", "<script>", "&#x110000;", "&#0;", "&amp",
     "<!--", "-->", "<pre>", "\r\n", "\x00", "x", " ", "0"])).map("".join)))
def test_any_page_is_read_or_refused_with_its_line(page):
    try:
        article = article_from(page, "html")
    except ArticleError as exc:
        assert exc.line is not None and "broken HTML markup" in exc.message
        return
    for offset in range(len(article.text)):
        assert article.position(offset) >= (1, 1)


def test_broken_markup_is_an_error_with_its_line():
    with pytest.raises(ArticleError) as raised:
        article_from("<p>fine</p>\n<![0 broken", "html", "a.html")
    assert raised.value.line == 2
    assert "a.html: broken HTML markup that cannot be read" in raised.value.message


@pytest.mark.parametrize("name, content, expected", [
    ("a.pdf", b"x", "a .txt, .md or .html file"),
    ("a.txt", b"ok\n\xff\xfe", "is not UTF-8 text: save it as UTF-8"),
    ("big.txt", b"x" * 101, "larger than"),
])
def test_bad_articles_say_what_is_wrong(tmp_path, name, content, expected):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ArticleError) as raised:
        read_article(path, max_bytes=100)
    assert expected in raised.value.message
    if name == "a.txt":
        assert raised.value.line == 2


def test_a_missing_file_or_a_folder_is_an_error(tmp_path):
    with pytest.raises(ArticleError, match="no such file"):
        read_article(tmp_path / "gone.txt")
    (tmp_path / "dir.txt").mkdir()
    with pytest.raises(ArticleError, match="not a regular file"):
        read_article(tmp_path / "dir.txt")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_a_fifo_is_not_read(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(ArticleError, match="not a regular file"):
        read_article(fifo)


# -- [source] text in claim files ----------------------------------------------

CLAIM_FILE = """\
[source]
id = "story"
published = 2025-02-24
text = {text}

[[claim]]
id = "revenue"
entity = "Acme"
metric = "revenue"
period = "2024-Q4"
value = "$4.2 billion"
"""


def load_with(tmp_path, text, article=None, name="article.txt"):
    from verify import load

    folder = tmp_path / "claims"
    (folder / "sources").mkdir(parents=True)
    if article is not None:
        (folder / "sources" / name).write_bytes(article)
    (folder / "story.toml").write_text(CLAIM_FILE.format(text=text), encoding="utf-8")
    return load([str(folder)])


def test_a_claim_file_reads_its_article_relative_to_itself(tmp_path):
    corpus = load_with(tmp_path, '"sources/article.txt"', "Revenue was $4.2 billion.\n".encode())
    assert corpus.problems == ()
    assert corpus.sources[0].text == "sources/article.txt"
    assert corpus.articles["story"].text == "Revenue was $4.2 billion.\n"


@pytest.mark.parametrize("text, article, expected", [
    ('"sources/gone.txt"', None, "text: no such file"),
    ('"sources/article.txt"', b"caf\xe9\n", "is not UTF-8 text: save it as UTF-8 (line 1)"),
    ('"sources/article.html"', b"<p>ok</p>\n<![0", "broken HTML markup that cannot be read: fix it, or save the "
                                                   "article as .txt (line 2)"),
    ('"../outside.txt"', None, "is outside this file's folder"),
    ('"/etc/hostname.txt"', None, "is outside this file's folder"),
    ('"sources/article.pdf"', b"%PDF", "a .txt, .md or .html file"),
    ("42", None, "text: must be a non-empty string"),
    ('""', None, "text: must be a non-empty string"),
])
def test_an_article_that_cannot_be_read_is_a_problem_at_its_line(tmp_path, text, article, expected):
    name = text.strip('"').removeprefix("sources/") if text.startswith('"sources/') else "article.txt"
    (tmp_path / "outside.txt").write_text("outside", encoding="utf-8")
    corpus = load_with(tmp_path, text, article, name)
    [problem] = corpus.problems
    assert expected in problem.message
    assert problem.location.file.endswith("story.toml") and problem.location.line == 4
    assert [c.id for c in corpus.claims] == ["revenue"]  # the claims are still loaded
    assert corpus.articles == {}


def test_a_symlink_out_of_the_folder_is_not_followed(tmp_path):
    (tmp_path / "secret.txt").write_text("not an article", encoding="utf-8")
    load_with(tmp_path, '"sources/link.txt"')  # the folders, before the link
    (tmp_path / "claims" / "sources" / "link.txt").symlink_to(tmp_path / "secret.txt")
    from verify import load

    corpus = load([str(tmp_path / "claims")])
    assert "is outside this file's folder" in corpus.problems[0].message
