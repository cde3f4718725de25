"""Where each table and key of a TOML document stands, since TOML parsers give no positions.

A small scanner over the text, run only after tomli has accepted it: it follows
table headers, `key =` lines, strings (all four kinds) and brackets spanning lines,
and records the line of every header and of every key of every table.
"""

from __future__ import annotations

import re

import attrs

_BARE_KEY = r"[A-Za-z0-9_-]+"
_KEY = rf"(?:{_BARE_KEY}|\"(?:[^\"\\]|\\.)*\"|'[^']*')"
_KEY_LINE = re.compile(rf"\s*({_KEY})(?:\s*\.\s*{_KEY})*\s*=")
_HEADER = re.compile(rf"\s*(\[\[?)\s*({_KEY}(?:\s*\.\s*{_KEY})*)\s*\]\]?")
# A value that opens nothing past its line (a one-line string, number, date or bool, then
# perhaps a comment): most lines of a claim file, which then need no character-wise scan.
_CLOSED_VALUE = re.compile(r"""\s*(?:"(?:[^"\\]|\\.)*"|'[^']*'|[^"'\[\]{}#\s][^"'\[\]{}#]*)\s*(?:#.*)?""")
# The commonest line, `key = "text"` (or a number, date or bool), read in one match.
_SIMPLE_KEY_LINE = re.compile(rf"\s*({_BARE_KEY})\s*=" + _CLOSED_VALUE.pattern)


@attrs.frozen
class Positions:
    """Lines (1-based) of tables and keys, addressed as ("claim", 3, "value")."""

    lines: dict[tuple, int] = attrs.field(eq=False)

    def line(self, table: str, index: int | None = None, key: str | None = None) -> int | None:
        """The line of a key, else of its table's header, else None."""
        for address in ((table, index, key), (table, index, None)):
            if address in self.lines:
                return self.lines[address]
        return None

    def alias(self, written: tuple, meant: tuple) -> None:
        """Give `meant` (a table, or a table's field) the lines of its misspelt twin `written`."""
        n = len(written)
        for address, line in list(self.lines.items()):
            if address[:n] == written:
                self.lines.setdefault(meant + address[n:], line)

    def column(self, table: str, index: int | None, key: str, text: str) -> int | None:
        """The 1-based column where the string value of `key` starts in `text`, if on one line."""
        line = self.line(table, index, key)
        if line is None:
            return None
        source_line = text.splitlines()[line - 1]
        m = re.search(r"=\s*(\"|')", source_line)
        return m.end() + 1 if m else None


def scan(text: str) -> Positions:
    lines: dict[tuple, int] = {}
    counts: dict[str, int] = {}
    table: tuple[str, int | None] = ("", None)
    state = _State()
    for number, line in enumerate(text.splitlines(), start=1):
        if state.open:  # inside a multi-line string or array
            state.feed(line)
            continue
        if not line:
            continue
        if simple := _SIMPLE_KEY_LINE.fullmatch(line):
            name = simple.group(1)
            lines.setdefault((*table, name) if table[0] else (name, None, None), number)
            continue
        if header := _HEADER.match(line):
            name = _unquote(header.group(2).split(".")[0].strip())
            if header.group(1) == "[[":
                index = counts.get(name, 0)
                counts[name] = index + 1
                table = (name, index)
            else:
                table = (name, None)
            lines.setdefault((*table, None), number)
            continue
        if key := _KEY_LINE.match(line):
            name = _unquote(key.group(1))
            if table[0]:
                lines.setdefault((*table, name), number)
            else:
                lines.setdefault((name, None, None), number)
            if not _CLOSED_VALUE.fullmatch(line, key.end()):
                state.feed(line[key.end():])
    return Positions(lines)


def _unquote(key: str) -> str:
    key = key.strip()
    if len(key) >= 2 and key[0] == key[-1] and key[0] in "\"'":
        return key[1:-1]
    return key


class _State:
    """What is still open at the end of a line: a multi-line string, or brackets."""

    def __init__(self) -> None:
        self.string: str | None = None  # the closing delimiter we are inside
        self.depth = 0

    @property
    def open(self) -> bool:
        return self.string is not None or self.depth > 0

    def feed(self, line: str) -> None:
        i = 0
        while i < len(line):
            if self.string is not None:
                if self.string in ('"""', '"') and line[i] == "\\":
                    i += 2
                    continue
                if line.startswith(self.string, i):
                    i += len(self.string)
                    self.string = None
                    continue
                i += 1
                continue
            c = line[i]
            if c == "#":
                break
            for delimiter in ('"""', "'''", '"', "'"):
                if line.startswith(delimiter, i):
                    self.string = delimiter
                    i += len(delimiter)
                    break
            else:
                if c in "[{":
                    self.depth += 1
                elif c in "]}":
                    self.depth -= 1
                i += 1
        if self.string in ('"', "'"):
            self.string = None  # single-line strings cannot span lines
