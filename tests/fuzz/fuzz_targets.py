"""Fuzz targets shared by the hypothesis tests and the atheris harness.

Each takes what an attacker controls (text, bytes, a folder's files) and raises
AssertionError if verify breaks its promise: every input ends in a result or in verify's
own error with a message, and every report it writes stays well formed and inert.
"""

from __future__ import annotations

import io
import json
import os
import re
import tempfile
import xml.etree.ElementTree as ElementTree
from datetime import date
from pathlib import Path

from verify import config, expressions
from verify.claimfile.loader import load
from verify import check
from verify.errors import VerifyError
from verify.report import FORMAT_MODULES, renderer
from verify.rules import packs
from verify.values import parse_value

# Human-readable formats: what a terminal or a CI log shows. Only newlines (and tabs)
# may be raw there; a line may begin a workflow command only where the github format
# writes its own annotations.
HUMAN = ("text", "markdown", "github")
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
ANNOTATION = re.compile(r"::(error|warning|notice) (file=[^,\n]*,line=\d+(,col=\d+)?,)?title=[^:\n]*::")


def refused_or_read(call, *args) -> None:
    try:
        call(*args)
    except VerifyError as exc:
        assert str(exc), "an error without a message"


def value_text(text: str) -> None:
    refused_or_read(parse_value, text)


def expression(text: str) -> None:
    refused_or_read(expressions.parse, text)


def config_table(data: dict) -> None:
    refused_or_read(config.parse, data)


def claim_file(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "c.toml"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        corpus = load(folder)
        assert all(p.location.file == str(path) and p.message for p in corpus.problems)


def rule_pack(text: str) -> None:
    """A pack file as the config names it: read, or a ConfigError with the file."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "pack.toml"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        try:
            pack = packs.read(str(path))
        except VerifyError as exc:
            assert str(exc) and getattr(exc, "file", None) == str(path), exc
            return
        assert pack.identities and all(i.tree is not None for i in pack.identities)


def rates_folder(sources: str, csv: str) -> None:
    """A rates folder: `sources.toml` and one CSV. Reading it, validating it and asking it
    for rates, averages and extremes end in answers or a RateError with a message."""
    from verify.rates import RateBook

    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "sources.toml").write_text(sources, encoding="utf-8", errors="surrogatepass")
        (Path(folder) / "rates.csv").write_text(csv, encoding="utf-8", errors="surrogatepass")

        try:
            book = RateBook.from_folder(folder)
        except VerifyError as exc:
            assert str(exc)
            return
        # Asked before and after validation: a column is checked when first read, so a bad
        # cell elsewhere must not hide good answers, nor a bad one pass unchecked.
        for _ in range(2):
            start, end = date(2024, 1, 1), date(2024, 12, 31)
            for base, quote in (("USD", "EUR"), ("EUR", "JPY"), ("USD", "GBP")):
                refused_or_read(book.rate, base, quote, end)
                refused_or_read(book.average, base, quote, start, end)
                refused_or_read(book.extremes, base, quote, start, end)
            for spec in book.specs:
                refused_or_read(lambda: book.table(spec).validate())


def rates_download(data: bytes) -> None:
    """What `rates refresh` takes from a download: a zip (maybe damaged) or a CSV."""
    from verify.rates.refresh import csv_bytes

    refused_or_read(csv_bytes, data, "download.zip")


def reports(texts: list[str], name: str, values: tuple[str, str] = ("$10 billion", "$20 billion"),
            raw_name: bytes = b"") -> None:
    """A corpus whose quotes, entities, bad values and file name carry `texts`, checked and
    written in every format. Machine formats must parse; human ones hold no raw control
    character and no line that an attacker's text turns into a workflow command.
    `values` are the two claims' figures (huge, tiny or many-digit amounts); `raw_name`
    ends the file name with bytes that need not be UTF-8, which verify holds as lone
    surrogates."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        file = root / (_file_name(name) + os.fsdecode(raw_name.replace(b"/", b"").replace(b"\0", b"")[:50])
                       + ".toml")
        file.write_text(_corpus(texts, values=values), encoding="utf-8")
        (root / "b.toml").write_text(_corpus(texts[::-1], source="b"), encoding="utf-8")
        report = check(load(folder))
        for form in FORMAT_MODULES:
            written = renderer(form)(report)
            assert isinstance(written, str) and written, form
            written.encode("utf-8")  # a report file is UTF-8: no lone surrogate left raw
            if form in ("json", "sarif"):
                json.loads(written)
            elif form == "junit":
                ElementTree.parse(io.StringIO(written))
            elif form == "html":
                _html(written)
            if form in HUMAN:
                for line in written.split("\n"):
                    assert not RAW_CONTROL.search(line), (form, line)
                    if line.startswith("::") and form == "github":
                        assert ANNOTATION.match(line), line
                    else:
                        assert not line.startswith("::"), (form, line)


def _html(document: str) -> None:
    import html5lib

    html5lib.HTMLParser(strict=True).parse(document)


def _file_name(name: str) -> str:
    """A file name made of the attacker's characters, as far as the file system allows."""
    cleaned = "".join(c for c in name if c not in "/\x00" and not 0xD800 <= ord(c) <= 0xDFFF)
    return (cleaned.encode("utf-8")[:200].decode("utf-8", "ignore") or "x").lstrip(".") or "x"


def _toml(text: str) -> str:
    """`text` as a TOML basic string, every control character escaped."""
    out = []
    for c in text:
        if c in '"\\':
            out.append("\\" + c)
        elif ord(c) < 0x20 or ord(c) == 0x7F or 0xD800 <= ord(c) <= 0xDFFF:
            out.append("\\u%04x" % (ord(c) if not 0xD800 <= ord(c) <= 0xDFFF else 0xFFFD))
        else:
            out.append(c)
    return '"' + "".join(out) + '"'


def _corpus(texts: list[str], source: str = "a", values: tuple[str, str] = ("$10 billion", "$20 billion")) -> str:
    """Two claims of one fact that disagree (a finding), each quoting the attacker's text,
    a claim whose value is the attacker's text (a problem that repeats it), and a check."""
    pieces = (texts + ["", "", ""])[:3]
    return (f'[source]\nid = "{source}"\npublished = 2025-02-24\ntitle = {_toml(pieces[2])}\n'
            f"[defaults]\nentity = {_toml('Acme ' + pieces[0])}\n"
            f'[[claim]]\nid = "x"\nmetric = "revenue"\nperiod = "2024"\nvalue = {_toml(values[0])}\n'
            f"quote = {_toml(pieces[1])}\n"
            f'[[claim]]\nid = "y"\nmetric = "revenue"\nperiod = "2024"\nvalue = {_toml(values[1])}\n'
            f"quote = {_toml(pieces[2])}\nnote = {_toml(pieces[0])}\n"
            f'[[claim]]\nid = "z"\nmetric = "revenue"\nperiod = "2023"\nvalue = {_toml("$5 " + pieces[0])}\n'
            f'[[check]]\nid = "k"\nexpr = "x > y"\n')
