"""Adding to an edited claim file the numbers of its article that it does not claim yet.

A number is claimed when a claim has the same reading of the value and a quote from the
same sentence. The file is changed only by appending: its claims, order, edits and
comments stay as they are (tomlkit keeps every byte it does not touch).
"""

from __future__ import annotations

import re
from datetime import date

import tomlkit
from tomlkit.exceptions import ParseError

from verify.draft import writer
from verify.draft.mention import Mention, extract
from verify.draft.vocabulary import default_vocabulary
from verify.errors import ValueParseError
from verify.values import parse_value

_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


def add_new_mentions(existing: str, article: str, *, article_name: str, published: date | None,
                     locale: str, claim_path: str = "<claim file>") -> str:
    from verify.draft.drafting import DraftError

    try:
        doc = tomlkit.parse(existing)
    except ParseError as exc:
        raise DraftError(f"{claim_path}:{exc.line}: not valid TOML ({exc}); fix it, then run --update again") from None
    source = doc.get("source", {})
    published = published or _as_date(source.get("published"))
    locale = str(source.get("locale", locale))
    main = doc.get("defaults", {}).get("entity")
    main = str(main) if main is not None else None
    claims = doc.get("claim")
    claimed = [(_reading(str(c.get("value", "")), locale, c.get("currency")), _normal(str(c.get("quote", ""))))
               for c in (claims or [])]
    mentions = extract(article, locale=locale, published=published)
    new = [m for m in mentions if m.fact and not _claimed(m, claimed)]
    if new:
        taken = {str(c.get("id")) for c in (claims or [])}
        ids = writer.claim_ids(new, main, taken)
        guess = writer.SourceGuess(id=str(source.get("id", "x")), published=published, locale=locale, entity=main)
        if claims is None:
            claims = tomlkit.aot()
            doc.add("claim", claims)
        for m, claim_id in zip(new, ids):
            table = writer.claim_table(m, claim_id, guess, default_vocabulary().flows)
            claims.append(table)
    text = tomlkit.dumps(doc)
    lines = [f"#   {m.text!r} in" for m in mentions if not m.fact]
    skipped = [m for m, line in zip((m for m in mentions if not m.fact), lines) if line not in text]
    if skipped:
        extra = tomlkit.document()
        writer.append_skipped(extra, skipped)
        text = text.rstrip("\n") + "\n" + tomlkit.dumps(extra)
    return text


def _claimed(m: Mention, claimed) -> bool:
    reading = (m.value.strict.interval, m.value.loose.interval, m.value.unit)
    sentence = _normal(m.sentence)
    return any(r == reading and q and (q in sentence or sentence in q) for r, q in claimed)


def _reading(value: str, locale: str, currency) -> tuple | None:
    try:
        v = parse_value(value, locale=locale, currency=str(currency) if currency else None)
    except ValueParseError:
        return None
    return v.strict.interval, v.loose.interval, v.unit


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text.translate(_QUOTES)).strip().lower()


def _as_date(value) -> date | None:
    return value if isinstance(value, date) else None
