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
