"""Text from claim files made safe to print: what a person reads must be what the file says.

A quote or a file name is data, and may hold anything: a newline followed by
`::error file=…::` becomes a workflow command in a GitHub Actions log, an ESC or OSC
sequence repaints or retitles a terminal, a bidirectional override reorders what
is shown. Every human-readable report passes such text through `visible`, which
writes each control character as a Python-style escape (`\\n`, `\\x1b`, `\\u202e`),
so it is shown and never obeyed.
"""

from __future__ import annotations

import functools
import re

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(code: int) -> str:
    char = chr(code)
    if char in _NAMED:
        return _NAMED[char]
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


# C0 and C1 controls and DEL; the line and paragraph separators (line breaks to some
# terminals and editors); the bidirectional embeddings, overrides and isolates; the
# noncharacters (U+FDD0 to U+FDEF, and the last two of every plane: XML 1.0 forbids
# U+FFFE and U+FFFF, HTML5 calls each a parse error); lone surrogates, which stand for the
# bytes of a file name that is not UTF-8 and are no character any encoding writes.
_CONTROLS = [*range(0x00, 0x20), *range(0x7F, 0xA0), 0x2028, 0x2029, 0x200E, 0x200F,
             *range(0x202A, 0x202F), *range(0x2066, 0x206A), *range(0xFDD0, 0xFDF0),
             *(plane + last for plane in range(0, 0x110000, 0x10000) for last in (0xFFFE, 0xFFFF)),
             *range(0xD800, 0xE000)]


@functools.cache
def _table() -> dict[int, str]:
    return {code: _escape(code) for code in _CONTROLS}  # 2,200 escapes: made when first needed


_SURROGATE = re.compile("[\ud800-\udfff]")


def json_text(encoded: str) -> str:
    """JSON from `json.dumps(..., ensure_ascii=False)` with each lone surrogate (a byte of
    a file name that is not UTF-8) written as its `\\uXXXX` escape: raw, it could not be
    written as UTF-8, and JSON must be."""
    if _SURROGATE.search(encoded) is None:
        return encoded
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", encoded)


def visible(text: str) -> str:
    """`text` with every control character written as an escape; printable text unchanged."""
    if text.isprintable():  # none of the characters escaped is printable: the common case
        return text
    return text.translate(_table())


def visible_path(path: object) -> str:
    """A file name (or location) to begin a line with: controls escaped, and never read as a
    runner command (`::error…`, `##[error]…`) by a CI log, which a name such as
    `::error file=x::y.toml` would be."""
    text = visible(str(path))
    return f"./{text}" if text.startswith((":", "#")) else text

