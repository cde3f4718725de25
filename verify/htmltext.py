"""The text a reader sees in an HTML page, with where each run of it came from in the file.

Scripts, styles and markup are dropped, entities decoded, white space collapsed as a
browser does (kept inside <pre>), and blocks separated by a blank line. Each run of the
text is either copied one for one from the file or made here (a decoded entity, a
break), and carries its offset in the file, so that `verify.sourcetext.Article` can map
any offset back to a line and column.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser


class BrokenMarkup(Exception):
    """Markup the standard library's parser gives up on (`line`: where it stopped)."""

    def __init__(self, line: int):
        super().__init__(line)
        self.line = line


def visible_text(content: str, line_starts: tuple[int, ...]):
    """(text, run starts in it, their offsets in `content`, whether each run is copied)."""
    reducer = _Reducer(line_starts)
    try:
        reducer.feed(content)
        reducer.close()
    except AssertionError:  # e.g. "<![0": a marked section without a name
        raise BrokenMarkup(reducer.getpos()[0]) from None
    return reducer.result()


# Elements whose start or end breaks a paragraph, and those whose content nobody reads.
_BLOCKS = frozenset("""address article aside blockquote body caption dd details dialog div dl dt
    fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr html li main nav ol p pre
    section summary table tbody td tfoot th thead title tr ul""".split())
_LINE_BREAKS = frozenset({"br"})
_HIDDEN = frozenset({"script", "style", "template", "noscript", "head", "svg", "math"})
_SPACE = re.compile(r"\s+")


class _Reducer(HTMLParser):
    """The visible text of an HTML page, built with where each run of it came from."""

    def __init__(self, line_starts: tuple[int, ...]):
        super().__init__(convert_charrefs=False)  # entities come apart, so data maps one for one
        self._starts = line_starts
        self._parts: list[str] = []
        self._length = 0
        self._pieces: list[int] = []
        self._origins: list[int] = []
        self._copied: list[bool] = []
        self._hidden = 0
        self._pre = 0
        self._pending_break = ""  # "\n" or "\n\n", written before the next visible text

    def _here(self) -> int:
        line, column = self.getpos()
        return self._starts[line - 1] + column

    def _emit(self, text: str, origin: int, copied: bool) -> None:
        if not text:
            return
        if self._pending_break and self._length:
            self._add(self._pending_break, origin, False)
        self._pending_break = ""
        self._add(text, origin, copied)

    def _add(self, text: str, origin: int, copied: bool) -> None:
        self._pieces.append(self._length)
        self._origins.append(origin)
        self._copied.append(copied)
        self._parts.append(text)
        self._length += len(text)

    def _space_before(self) -> bool:
        return not self._length or self._pending_break or self._parts[-1][-1:].isspace()

    def handle_starttag(self, tag, attrs_):
        if tag in _HIDDEN:
            self._hidden += 1
        elif tag == "pre":
            self._pre += 1
        self._break(tag)

    def handle_startendtag(self, tag, attrs_):
        self._break(tag)

    def handle_endtag(self, tag):
        if tag in _HIDDEN:
            self._hidden = max(self._hidden - 1, 0)
        elif tag == "pre":
            self._pre = max(self._pre - 1, 0)
        self._break(tag)

    def _break(self, tag: str) -> None:
        if tag in _BLOCKS:
            self._pending_break = "\n\n"
        elif tag in _LINE_BREAKS and self._pending_break != "\n\n":
            self._pending_break = "\n"

    def handle_data(self, data):
        if self._hidden:
            return
        origin = self._here()
        if self._pre:
            self._emit(data, origin, True)
            return
        # Runs of white space are one space (none at a paragraph's start); words are copied.
        position = 0
        for m in _SPACE.finditer(data):
            self._emit(data[position:m.start()], origin + position, True)
            if not self._space_before():
                self._add(" ", origin + m.start(), False)
            position = m.end()
        self._emit(data[position:], origin + position, True)

    def handle_entityref(self, name):
        if not self._hidden:
            self._emit(html.unescape(f"&{name};"), self._here(), False)

    def handle_charref(self, name):
        if not self._hidden:
            self._emit(html.unescape(f"&#{name};"), self._here(), False)

    def result(self) -> tuple[str, tuple[int, ...], tuple[int, ...], tuple[bool, ...]]:
        if not self._pieces:
            return "", (0,), (0,), (True,)
        return "".join(self._parts), tuple(self._pieces), tuple(self._origins), tuple(self._copied)
