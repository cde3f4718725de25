"""Where each table and key of a TOML document stands, since TOML parsers give no positions.

A small scanner over the text, run only after tomli has accepted it: it follows
table headers, `key =` lines, strings (all four kinds) and brackets spanning lines,
and records the line of every header and of every key of every table.

Time is linear in the text and memory constant beyond what is recorded: every pattern
is possessive (nothing to backtrack into, so the regex engine keeps no state per
character), and a value spanning lines is skipped by searching the whole text, not
line by line. Lines end at "\\n" only, as TOML's do (a U+2028 inside a quote is no
line break).
"""

from __future__ import annotations

import itertools
import re
from array import array

_BARE_KEY = r"[A-Za-z0-9_-]++"
_BASIC = r'"[^"\\\n]*+(?:\\.[^"\\\n]*+)*+"'
_LITERAL = r"'[^'\n]*+'"
_KEY = rf"(?:{_BARE_KEY}|{_BASIC}|{_LITERAL})"
_KEY_LINE = re.compile(rf"[ \t]*+({_KEY})(?:[ \t]*+\.[ \t]*+{_KEY})*+[ \t]*+=")
_HEADER = re.compile(rf"[ \t]*+(\[\[?)[ \t]*+({_KEY}(?:[ \t]*+\.[ \t]*+{_KEY})*+)[ \t]*+\]")
# A value that opens nothing past its line (a one-line string, number, date or bool, then
# perhaps a comment): most lines of a claim file, which then need no further scan.
_CLOSED_VALUE = re.compile(rf"[ \t]*+(?:{_BASIC}|{_LITERAL}|[^\"'\[\]{{}}#\s][^\"'\[\]{{}}#\n]*+)[ \t\r]*+(?:#.*)?")
# The commonest line, `key = "text"` (or a number, date or bool), read in one match.
_SIMPLE_KEY_LINE = re.compile(rf"[ \t]*+({_BARE_KEY})[ \t]*+=" + _CLOSED_VALUE.pattern)
# What a value spanning lines holds between the characters that matter to it.
_PLAIN = re.compile(r"[^\"'#\[\]{}\n]*+")
_STRING_BODY = {
    '"""': re.compile(r'[^"\\]*+(?:(?:\\.|"(?!""))[^"\\]*+)*+', re.DOTALL),
    "'''": re.compile(r"[^']*+(?:'(?!'')[^']*+)*+"),
    '"': re.compile(r'[^"\\\n]*+(?:\\.[^"\\\n]*+)*+'),
    "'": re.compile(r"[^'\n]*+"),
}
# Up to two quotes just before a multi-line string's closing three belong to the string.
_CLOSING = {'"""': re.compile('"{3,5}'), "'''": re.compile("'{3,5}"),
            '"': re.compile('"'), "'": re.compile("'")}
_VALUE_QUOTE = re.compile(r"=[ \t]*+[\"']")


Run = tuple[int, int, int]  # lines of `key = value` one after another: the first's number, start, end


class Positions:
    """Lines (1-based) of tables and keys, addressed as ("claim", 3, "value").

    A key on a line of its own among others like it (most keys of a claim file) is looked
    for in its table's runs of such lines when first asked for: a run's line numbers follow
    from its first, and most keys are never asked for. The line starts that `column` needs
    are counted once, on its first call.
    """

    __slots__ = ("_lines", "_runs", "_text", "_aliases", "_starts")

    def __init__(self, lines: dict[tuple, int], text: str = "",
                 runs: dict[tuple[str, int | None], list[Run]] | None = None) -> None:
        self._lines = lines
        self._runs = runs or {}
        self._text = text
        self._aliases: dict[tuple, tuple] = {}
        self._starts: array | None = None

    @property
    def lines(self) -> dict[tuple, int]:
        """The line of every table and key."""
        for table in list(self._runs):
            _flush(self._text, table, self._lines, self._runs)
        return self._lines

    def _get(self, address: tuple) -> int | None:
        found = self._lines.get(address)
        if found is not None or address[2] is None:
            return found
        runs = self._runs.get(address[:2])
        if runs:
            key = _key_line(address[2])
            for first, start, end in runs:
                m = key.search(self._text, start, end)
                if m is not None:
                    return first + self._text.count("\n", start, m.start())
        return None

    def line(self, table: str, index: int | None = None, key: str | None = None) -> int | None:
        """The line of a key, else of its table's header, else None."""
        found = self._find((table, index, key))
        if found is None and key is not None:
            found = self._find((table, index, None))
        return found

    def _find(self, address: tuple, depth: int = 0) -> int | None:
        found = self._get(address)
        if found is not None or not self._aliases or depth > 2:
            return found
        # a misspelt field, then a misspelt table (whose fields may be misspelt too)
        for written in (self._aliases.get(address), self._aliases.get(address[:1])):
            if written is not None:
                found = self._find(written + address[len(written):], depth + 1)
                if found is not None:
                    return found
        return None

    def alias(self, written: tuple, meant: tuple) -> None:
        """Give `meant` (a table, or a table's field) the lines of its misspelt twin `written`."""
        self._aliases.setdefault(meant, written)

    def column(self, table: str, index: int | None, key: str) -> int | None:
        """The 1-based column where the string value of `key` starts, if on one line."""
        line = self.line(table, index, key)
        if line is None:
            return None
        text = self._text
        if self._starts is None:
            # the offset of each line: 1 + the length of each line before it, summed in C
            self._starts = array("q", itertools.accumulate(map((1).__add__, map(len, text.split("\n"))),
                                                          initial=0))
        if line > len(self._starts):
            return None
        start = self._starts[line - 1]
        end = text.find("\n", start)
        m = _VALUE_QUOTE.search(text, start, len(text) if end < 0 else end)
        return m.end() - start + 1 if m else None


# The lines `scan` looks at, each at a line start, in the order it tries them: simple
# `key = value` lines whole, one or more in a run (group 1, the first one's key), a table
# header (groups 2 and 3), a key line whose value may go on (group 4). Others (blank,
# comment, inside a value) match nothing.
_SIMPLE_LINE = rf"{_SIMPLE_KEY_LINE.pattern}(?=\n|\Z)"
_LINE = re.compile(rf"(?m)^(?:{_SIMPLE_LINE}(?:\n{_SIMPLE_LINE.replace('(', '(?:', 1)})*+|{_HEADER.pattern}|{_KEY_LINE.pattern})")
# The key of each line of a run.
_RUN_KEY = re.compile(rf"(?m)^[ \t]*+({_BARE_KEY})")
_KEY_LINES: dict[str, re.Pattern] = {}


def _key_line(key: str) -> re.Pattern:
    """The line of a run that sets `key` (a run's keys are bare, so matched as they are)."""
    pattern = _KEY_LINES.get(key)
    if pattern is None:
        if len(_KEY_LINES) >= 256:
            _KEY_LINES.clear()
        pattern = _KEY_LINES[key] = re.compile(rf"(?m)^[ \t]*+{re.escape(key)}[ \t]*+=")
    return pattern


def scan(text: str) -> Positions:
    """The lines of every table and key. One search finds the lines that matter, in C; lines
    are counted between them, and the lines of a value spanning several are passed over."""
    lines: dict[tuple, int] = {}
    runs: dict[tuple[str, int | None], list[Run]] = {}
    counts: dict[str, int] = {}
    headers: dict[str, str] = {}  # a header's text -> the name of its table
    table: tuple[str, int | None] = ("", None)
    number = 1
    counted = 0  # the offset up to which newlines are counted into `number`
    passed = -1  # the end of the last value spanning lines: lines starting up to here are inside it
    count = text.count
    for m in _LINE.finditer(text):
        at = m.start()
        first_key, brackets, header, key = m.groups()
        if at <= passed:
            if first_key is not None and m.end() > passed:  # a run that goes on past a value's end
                _record_run(text, passed, m.end(), table, lines, runs, number + count("\n", counted, passed))
            continue
        number += count("\n", counted, at)
        counted = at
        if first_key is not None:
            if table[0]:
                runs.setdefault(table, []).append((number, at, m.end()))
            else:
                _record_run(text, at, m.end(), table, lines, runs, number)
        elif brackets is not None:
            name = headers.get(header)
            if name is None:
                name = headers[header] = _unquote(header.split(".")[0].strip())
            if brackets == "[[":
                index = counts.get(name, 0)
                counts[name] = index + 1
                table = (name, index)
            else:
                table = (name, None)
            lines.setdefault((*table, None), number)
        else:
            name = _unquote(key)
            _flush(text, table, lines, runs)
            lines.setdefault((*table, name) if table[0] else (name, None, None), number)
            end = text.find("\n", at)
            if end < 0:
                end = len(text)
            if not _CLOSED_VALUE.fullmatch(text, m.end(), end):
                closed = _value_end(text, m.end())
                if closed > end:  # the value spans lines: go on after its last one
                    passed = closed
    return Positions(lines, text, runs)


def _record_run(text: str, start: int, end: int, table: tuple[str, int | None], lines: dict[tuple, int],
                runs: dict[tuple[str, int | None], list[Run]], number: int) -> None:
    """The keys of the run's lines that start from `start` (on line `number`) to `end`, now."""
    _flush(text, table, lines, runs)
    for m in _RUN_KEY.finditer(text, start, end):
        line = number + text.count("\n", start, m.start())
        name = m.group(1)
        lines.setdefault((*table, name) if table[0] else (name, None, None), line)


def _flush(text: str, table: tuple[str, int | None], lines: dict[tuple, int],
           runs: dict[tuple[str, int | None], list[Run]]) -> None:
    """The keys of the table's runs so far, recorded before a key that follows them (the first
    line of a key is kept: `[a.b]` and `[a.c]` are both table `a`)."""
    for first, start, end in runs.pop(table, ()):
        for offset, key in enumerate(_RUN_KEY.findall(text, start, end)):
            lines.setdefault((*table, key), first + offset)


def _value_end(text: str, i: int) -> int:
    """Where the value starting at `i` ends: past its strings and brackets, over any lines."""
    depth = 0
    size = len(text)
    while True:
        i = _PLAIN.match(text, i).end()
        if i >= size:
            return size
        c = text[i]
        if c == "\n":
            if depth == 0:
                return i
            i += 1
        elif c == "#":
            i = text.find("\n", i)
            if i < 0:
                return size
        elif c in "[{":
            depth += 1
            i += 1
        elif c in "]}":
            depth -= 1
            i += 1
            if depth <= 0:
                return i
        else:
            i = _string_end(text, i)
            if depth == 0:
                return i


def _string_end(text: str, i: int) -> int:
    """Where the string opening at `i` ends (past its closing quotes)."""
    delimiter = text[i] * 3 if text.startswith(text[i] * 3, i) else text[i]
    body_end = _STRING_BODY[delimiter].match(text, i + len(delimiter)).end()
    closing = _CLOSING[delimiter].match(text, body_end)
    return closing.end() if closing else body_end


def _unquote(key: str) -> str:
    key = key.strip()
    if len(key) >= 2 and key[0] == key[-1] and key[0] in "\"'":
        return key[1:-1]
    return key
