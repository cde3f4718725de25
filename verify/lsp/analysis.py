"""What the language server knows about a claim file: its problems and findings, and the
claims, fields and metrics to offer where the cursor is. Plain functions over text and a
corpus, so that they are tested without a client.

Positions are 0-based lines and characters, as the protocol counts them.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

from verify.claimfile.schema import FIELDS


class Mark(NamedTuple):
    """A diagnostic: where, how bad, and what."""

    line: int
    start: int
    end: int
    severity: str  # "error", "warning", "information"
    message: str
    code: str


class Target(NamedTuple):
    """A place to go to: a file and a 0-based line."""

    path: str
    line: int


_HEADER = re.compile(r"^\s*\[\[?\s*([A-Za-z_]+)\s*\]?\]")
_KEY = re.compile(r"^\s*([A-Za-z_][A-Za-z0-9_-]*)\s*=\s*")
_REF = re.compile(r"[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)?")


class Analysis:
    """The corpus a file belongs to, loaded and checked with the editor's unsaved texts."""

    def __init__(self, path: str, texts: dict[str, str], read_values: dict | None = None):
        from verify import check, load
        from verify.config import ConfigError, discover

        self.path = path
        folder = str(Path(path).parent)
        self.config_error: str | None = None
        try:
            self.config = discover([folder])
        except ConfigError as exc:
            from verify.config import Config

            self.config, self.config_error = Config(), str(exc)
        roots = [p for p in self.config.paths if _inside(path, p)] or [folder]
        self.corpus = load(roots, config=self.config, texts=texts, read_values=read_values)
        self.report = check(self.corpus, config=self.config)

    def marks(self, text: str) -> list[Mark]:
        """Every problem and finding that concerns this file, placed on its lines."""
        lines = text.splitlines()
        marks = []
        if self.config_error:
            marks.append(Mark(0, 0, 0, "error", self.config_error, "config"))
        for problem in self.report.problems:
            loc = problem.location
            if _same(loc.file, self.path):
                marks.append(_mark(lines, loc.line, loc.column, "error", problem.message, "input-problem"))
        for finding in self.report.ordered:
            places = [c.location for c in finding.claims if _same(c.location.file, self.path)]
            if finding.at is not None and _same(finding.at.file, self.path):
                places.insert(0, finding.at)
            severity = "information" if finding.acknowledged else finding.severity
            message = finding.message + (" (acknowledged)" if finding.acknowledged else "")
            for loc in dict.fromkeys(places):
                marks.append(_mark(lines, loc.line, loc.column, severity, message, finding.id))
        return marks

    def claim(self, ref: str, source_id: str | None):
        """The claim a ref in this file names (`id`, or `source.id`)."""
        return self.corpus.claim(ref if "." in ref else f"{source_id}.{ref}")

    def refs(self, source_id: str | None) -> list[tuple[str, str]]:
        """(ref as written from this file, the claim's value) for every claim of the corpus."""
        return [(c.id if c.source == source_id else c.ref, c.value.text) for c in self.corpus.claims]


def _inside(path: str, root: str) -> bool:
    return Path(path).resolve().is_relative_to(Path(root).resolve())


def _same(a: str, b: str) -> bool:
    return a == b or Path(a).resolve() == Path(b).resolve()


def _mark(lines: list[str], line: int | None, column: int | None, severity: str, message: str, code: str) -> Mark:
    """A mark on a 1-based line: from its column (or the line's first character) to the end of the line."""
    index = max((line or 1) - 1, 0)
    text = lines[index] if index < len(lines) else ""
    start = (column - 1) if column else len(text) - len(text.lstrip())
    return Mark(index, min(start, len(text)), len(text.rstrip()), severity, message, code)


# -- where the cursor is -----------------------------------------------------------

def table_at(lines: list[str], line: int) -> str | None:
    """The name of the table the 0-based `line` belongs to."""
    for text in reversed(lines[:line + 1]):
        m = _HEADER.match(text)
        if m:
            return m.group(1)
    return None


def key_at(text: str) -> str | None:
    m = _KEY.match(text)
    return m.group(1) if m else None


def source_id(lines: list[str]) -> str | None:
    in_source = False
    for text in lines:
        header = _HEADER.match(text)
        if header:
            in_source = header.group(1) == "source"
        elif in_source and key_at(text) == "id":
            m = re.search(r'=\s*"([^"]*)"', text)
            return m.group(1) if m else None
    return None


def locale(lines: list[str]) -> str:
    for text in lines:
        m = re.match(r'\s*locale\s*=\s*"([^"]+)"', text)
        if m:
            return m.group(1)
    return "en_US"


def ref_at(text: str, character: int) -> str | None:
    """The claim ref under the cursor on an `expr` or `claims` line."""
    if key_at(text) not in ("expr", "claims"):
        return None
    for m in _REF.finditer(text, text.index("=") + 1):
        if m.start() <= character <= m.end():
            return m.group()
    return None


def string_at(text: str) -> str | None:
    """The quoted string of a `key = "..."` line."""
    m = re.search(r'=\s*"((?:[^"\\]|\\.)*)"', text)
    return m.group(1) if m else None


def completions(lines: list[str], line: int, character: int, analysis: Analysis | None) -> list[tuple[str, str]]:
    """(label, detail) for what may be written at the cursor."""
    text = lines[line][:character] if line < len(lines) else ""
    key = key_at(text)
    table = table_at(lines, line)
    if key is None:
        fields = FIELDS.get(table or "", ())
        return [(f.name, f.description) for f in fields]
    if key == "metric":
        from verify import resources

        metrics = dict(resources.packaged("metrics")["metrics"])
        if analysis is not None:
            metrics.update(analysis.config.metrics)
        return sorted(metrics.items())
    if key == "change":
        return [(c, "") for c in ("absolute", "percent", "points")]
    if key in ("expr", "claims") and analysis is not None:
        return analysis.refs(source_id(lines))
    return []


def hover(lines: list[str], line: int, character: int, analysis: Analysis | None) -> str | None:
    """Markdown for what is under the cursor: a value's readings, or the claim a ref names."""
    if line >= len(lines):
        return None
    text = lines[line]
    key = key_at(text)
    if key == "value":
        return _value_hover(string_at(text), locale(lines))
    ref = ref_at(text, character)
    if ref and analysis is not None:
        claim = analysis.claim(ref, source_id(lines))
        if claim is None:
            return f"`{ref}`: no such claim in the corpus"
        quote = f"\n\n> {claim.quote}" if claim.quote else ""
        return f"**{claim.ref}** = `{claim.value.text}` ({claim.metric}, {claim.entity}){quote}\n\n{claim.location}"
    if key is not None and character <= text.index("="):
        field = next((f for f in FIELDS.get(table_at(lines, line) or "", ()) if f.name == key), None)
        return field.description if field else None
    return None


def _value_hover(written: str | None, locale_name: str) -> str | None:
    if written is None:
        return None
    from verify.errors import InputError
    from verify.values import parse_value

    try:
        value = parse_value(written, locale=locale_name)
    except InputError as exc:
        return f"`{written}`: {exc.message}"
    return (f"`{written}`\n\n- strict: {value.strict}\n- loose: {value.loose}")


def definition(lines: list[str], line: int, character: int, analysis: Analysis | None) -> Target | None:
    ref = ref_at(lines[line], character) if line < len(lines) else None
    if ref is None or analysis is None:
        return None
    claim = analysis.claim(ref, source_id(lines))
    if claim is None or claim.location.line is None:
        return None
    # The claim's location is its value line; its table starts at the [[claim]] above it.
    return Target(claim.location.file, claim.location.line - 1)
