"""`verify fmt`: a claim file in its canonical layout, every comment and value kept as written.

Tables go in the order [source], [defaults], claims, checks, acknowledgements (other
tables after them, as they were); fields in the order of the field table; one blank
line between tables, none inside one. A comment belongs to what follows it: the
comments above a table header move with that table, the comments above a field with
that field, and a comment right below a table's last field (no blank line between)
stays at the end of that table.

The text is only rearranged: tomlkit gives each value's own text, and a layout whose
data differ from the original's is refused, never written.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from verify.claimfile.schema import ARRAYS, FIELDS


class LayoutError(Exception):
    """The file cannot be laid out (not TOML, or a shape this layout does not rearrange)."""


class _Entry(NamedTuple):
    comments: list[str]
    line: str
    key: str


class _Table(NamedTuple):
    name: str
    header: str
    leading: list[str]
    entries: list[_Entry]
    trailing: list[str]


def layout(text: str) -> str:
    """`text` in the canonical layout (the same text if it already is)."""
    import tomli
    import tomlkit
    from tomlkit.exceptions import TOMLKitError

    from verify import tomltext

    try:
        before = tomltext.loads(text)  # first: it bounds the nesting that tomlkit would recurse into
        doc = tomlkit.parse(text)
    except (tomli.TOMLDecodeError, TOMLKitError, ValueError, RecursionError) as exc:
        raise LayoutError(f"not valid TOML: {exc}") from None
    preamble, tables = _split(doc)
    order = {name: i for i, name in enumerate(FIELDS)}
    tables.sort(key=lambda t: order.get(t.name, len(order)))  # stable: claims keep their order
    out = [line for line in preamble]
    while out and not out[-1].strip():
        out.pop()
    for table in tables:
        if out:
            out.append("")
        out += table.leading
        out.append(table.header)
        fields = {f.name: i for i, f in enumerate(FIELDS.get(table.name, ()))}
        for entry in sorted(table.entries, key=lambda e: fields.get(e.key, len(fields))):
            out += entry.comments
            out.append(entry.line)
        out += table.trailing
    result = "\n".join(out) + "\n"
    if tomli.loads(result) != before:
        raise LayoutError("laying the file out would change what it says; it is left as it is")
    return result


def _split(doc: Any) -> tuple[list[str], list[_Table]]:
    from tomlkit.items import AoT, Comment, Table, Whitespace

    preamble: list[str] = []
    tables: list[_Table] = []
    carried: list[str] = []  # comments waiting for the next table header
    for key, item in doc.body:
        if isinstance(item, (Table, AoT)):
            if not tables:  # comments right above the first header are that table's
                while preamble and preamble[-1].startswith("#"):
                    carried.insert(0, preamble.pop())
            name = key.key
            array = isinstance(item, AoT)
            for table in (item.body if array else [item]):
                entries, trailing, carried_on = _entries(table, f"[{name}]")
                header = f"[[{name}]]" if array else f"[{name}]"
                if table.trivia.comment:
                    header += table.trivia.comment_ws + table.trivia.comment
                tables.append(_Table(name, header, carried, entries, trailing))
                carried = carried_on
            if array != (name in ARRAYS) and name in FIELDS:
                raise LayoutError(f"[{name}] should be written " + (f"[[{name}]]" if name in ARRAYS else f"[{name}]"))
        elif isinstance(item, Comment):
            preamble.append(item.as_string().rstrip("\r\n"))
        elif isinstance(item, Whitespace):
            preamble += [""] * item.as_string().count("\n")
        else:
            preamble.append(_line(key, item))
    if carried:
        if tables:
            tables[-1].trailing.extend(["", *carried] if tables[-1].trailing or tables[-1].entries else carried)
        else:
            preamble += carried
    return preamble, tables


def _entries(table: Any, where: str) -> tuple[list[_Entry], list[str], list[str]]:
    """The table's fields with their comments, the comments that end it, and those that belong to the next table."""
    from tomlkit.items import AoT, Comment, Table, Whitespace

    entries: list[_Entry] = []
    comments: list[str] = []
    blank = False  # a blank line since the last field
    detached = False  # the pending comments stand apart from the field above them
    for key, item in table.value.body:
        if isinstance(item, Comment):
            if not comments:
                detached = blank or not entries
            comments.append(item.as_string().strip("\r\n").lstrip())
        elif isinstance(item, Whitespace):
            if "\n" in item.as_string():
                blank = True
                if comments and comments[-1]:
                    comments.append("")  # a blank line inside a comment block is kept, once
        elif isinstance(item, (Table, AoT)):
            raise LayoutError(f"{where} holds a nested table {key.as_string().strip()!r}, which a claim file has not")
        else:
            entries.append(_Entry(_trimmed(comments), _line(key, item), key.key))
            comments, blank = [], False
    if comments and not detached:
        # Right below the last field: its own, up to a blank line; what follows that is the next table's.
        split = comments.index("") if "" in comments else len(comments)
        return entries, comments[:split], _trimmed(comments[split:], keep_last_blank=True)
    return entries, [], _trimmed(comments, keep_last_blank=True)


def _trimmed(comments: list[str], keep_last_blank: bool = False) -> list[str]:
    while comments and not comments[0]:
        comments = comments[1:]
    if comments and not comments[-1] and not keep_last_blank:
        comments = comments[:-1]
    return comments


def _line(key: Any, item: Any) -> str:
    line = f"{key.as_string().strip()} = {item.as_string()}"
    if item.trivia.comment:
        line += item.trivia.comment_ws + item.trivia.comment
    return line
