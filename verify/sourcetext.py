"""Reading an article's text: .txt, .md or .html, as UTF-8, with every offset traceable to
its line and column in the file.

HTML is reduced to the text a reader sees (scripts, styles and markup dropped, entities
decoded, a paragraph break between blocks), and each offset of that text still maps to
the place in the file it came from, so that a finding can point an editor there.
Markdown and plain text are read as they are.

    article = read_article("sources/crn-alibaba.html")
    article.text                 # what the article says
    article.position(offset)     # (line, column), 1-based, in the file
"""

from __future__ import annotations

import bisect
import re
from pathlib import Path

import attrs

# An article is a few hundred kilobytes at most; this leaves room for a page's markup.
MAX_ARTICLE_BYTES = 16 * 1024 * 1024
KINDS = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
         ".html": "html", ".htm": "html", ".xhtml": "html"}


class ArticleError(Exception):
    """An article that cannot be read; the message says why and what to do, and `line`, if
    known, where in the file (the message does not repeat it)."""

    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.line = line


@attrs.frozen(eq=False)
class Article:
    """An article's text, and where each of its characters stands in the file.

    `_pieces` are the starts, in `text`, of its runs, each with its offset in the file
    (`_origins`): a run copied one for one maps character by character; one that the
    reduction made (a decoded entity, a paragraph break) maps to where it was made.
    """

    path: str
    kind: str  # "text", "markdown" or "html"
    text: str
    _pieces: tuple[int, ...] = (0,)
    _origins: tuple[int, ...] = (0,)
    _copied: tuple[bool, ...] = (True,)  # whether each run is copied one for one, or made
    _line_starts: tuple[int, ...] = (0,)  # offsets, in the file, where its lines begin

    def offset_in_file(self, offset: int) -> int:
        """The offset in the file's text of the character at `offset` of `text`."""
        i = bisect.bisect_right(self._pieces, offset) - 1
        return self._origins[i] + (offset - self._pieces[i] if self._copied[i] else 0)

    def position(self, offset: int) -> tuple[int, int]:
        """The line and column (both 1-based) in the file of the character at `offset` of `text`."""
        at = self.offset_in_file(offset)
        line = bisect.bisect_right(self._line_starts, at) - 1
        return line + 1, at - self._line_starts[line] + 1


def read_article(path: str | Path, *, max_bytes: int = MAX_ARTICLE_BYTES) -> Article:
    """The article at `path`, or an ArticleError that says what is wrong and what to do."""
    path = Path(path)
    kind = KINDS.get(path.suffix.lower())
    if kind is None:
        raise ArticleError(f"{path.name}: an article's text is a .txt, .md or .html file")
    try:
        if not path.is_file():
            raise ArticleError(f"no such file: {path}" if not path.exists()
                               else f"{path} is not a regular file: give the article's text file")
        with path.open("rb") as f:
            raw = f.read(max_bytes + 1)
    except OSError as exc:
        raise ArticleError(f"cannot read {path}: {exc.strerror or exc}") from None
    if len(raw) > max_bytes:
        raise ArticleError(f"{path} is larger than {max_bytes >> 20} MiB: an article's text is far smaller")
    try:
        content = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        raise ArticleError(f"{path} is not UTF-8 text: save it as UTF-8",
                           raw.count(b"\n", 0, exc.start) + 1) from None
    return article_from(content, kind, str(path))


def article_from(content: str, kind: str = "text", path: str = "<text>") -> Article:
    """An Article from the file's decoded text; `kind` is "text", "markdown" or "html"."""
    starts = _line_starts(content)
    if kind != "html":
        return Article(path, kind, content, line_starts=starts)
    from verify.htmltext import BrokenMarkup, visible_text  # html.parser: only for HTML articles

    try:
        text, pieces, origins, copied = visible_text(content, starts)
    except BrokenMarkup as exc:
        raise ArticleError(f"{path}: broken HTML markup that cannot be read: fix it, or save the article "
                           "as .txt", exc.line) from None
    return Article(path, kind, text, pieces=pieces, origins=origins, copied=copied, line_starts=starts)


def _line_starts(content: str) -> tuple[int, ...]:
    return (0, *(m.end() for m in re.finditer("\n", content)))
