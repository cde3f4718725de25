"""A claim file from an article's mentions, for a person to finish.

Every field draft guessed carries a `# guessed` comment; a field it could not guess is
written commented out with `# TODO`, so that the file loads and checks as it is. A
metric it could not name is a placeholder of the claim's own (`unknown_<id>`), which
the unit rule skips and which no other claim shares. Written with tomlkit (imported
here only), so that `--update` can keep a person's edits and comments.
"""

from __future__ import annotations

import re
from datetime import date

import attrs
import tomlkit
from tomlkit.items import Table

from verify.draft.mention import Mention
from verify.draft.metric import kind_of
from verify.draft.sentences import clause

GUESSED = "guessed"
_SLUG = re.compile(r"[^a-z0-9]+")
_MAX_SKIPPED_QUOTE = 90


@attrs.frozen
class SourceGuess:
    id: str
    title: str | None = None
    published: date | None = None
    locale: str = "en_US"
    text: str | None = None  # the article's path relative to the claim file, where the loader can read it
    entity: str | None = None  # the article's main subject: [defaults] entity
    stand_in: date | None = None  # the date written as `published` when the text gives none


def claim_file(source: SourceGuess, mentions: list[Mention], ids: list[str], checks: list[Table | str], *,
               article_name: str, flows: frozenset[str]) -> str:
    """The claim file's text; `ids` are those of the mentions that state facts, in order."""
    doc = tomlkit.document()
    doc.add(tomlkit.comment(f"Drafted by `verify draft` from {article_name}. A field marked \"# guessed\" is"))
    doc.add(tomlkit.comment("draft's reading of the text; one marked \"# TODO\" it could not tell. Check each"))
    doc.add(tomlkit.comment("claim against the article, fill the gaps and remove the marks."))
    doc.add(tomlkit.nl())
    doc.add("source", source_table(source))
    defaults = tomlkit.table()
    if source.entity:
        _guessed(defaults, "entity", source.entity, "the article's main subject")
    else:
        defaults.add("entity", "unknown")
        note(defaults["entity"], "TODO: who the claims are about")
    doc.add("defaults", defaults)
    facts = [m for m in mentions if m.fact]
    if facts:
        claims = tomlkit.aot()
        for m, claim_id in zip(facts, ids):
            claims.append(claim_table(m, claim_id, source, flows))
        doc.add("claim", claims)
    append_checks(doc, checks)
    append_skipped(doc, [m for m in mentions if not m.fact])
    return tomlkit.dumps(doc)


def source_table(source: SourceGuess) -> Table:
    t = tomlkit.table()
    t.add("id", source.id)
    if source.title:
        _guessed(t, "title", source.title)
    else:
        t.add(tomlkit.comment('title = "..."  # TODO: the headline'))
    t.add(tomlkit.comment('publisher = "..."  # TODO'))
    if source.published:
        _guessed(t, "published", source.published)
    else:
        # Claims without a time take the source's date, so the file needs one to load.
        t.add("published", source.stand_in or date.today())
        note(t["published"], "TODO: the article's date; draft found none and wrote a stand-in")
    if source.text:
        t.add("text", source.text)
    t.add("locale", source.locale)
    return t


def claim_table(m: Mention, claim_id: str, source: SourceGuess, flows: frozenset[str]) -> Table:
    t = tomlkit.table()
    t.add("id", claim_id)
    if m.entity and m.entity != source.entity:
        _guessed(t, "entity", m.entity)
    if m.metric:
        _guessed(t, "metric", m.metric)
    else:
        t.add("metric", placeholder_metric(claim_id))
        note(t["metric"], "TODO: what the number measures (revenue, market_cap, employees ...)")
    if m.segment:
        _guessed(t, "segment", m.segment)
    if m.period and m.period.upper().startswith("FY"):
        # A fiscal period loads only where the config gives the entity's fiscal year end.
        t.add(tomlkit.comment(f'period = "{m.period}"  # guessed, TODO: a fiscal period: give the entity\'s '
                              'fiscal-year-end in verify.toml, or write the dates'))
    elif m.period:
        _guessed(t, "period", m.period)
    elif m.as_of and m.as_of != source.published:
        _guessed(t, "as_of", m.as_of)
    elif m.metric in flows:
        t.add(tomlkit.comment('period = "2024-Q4"  # TODO: the period this flow covers'))
    if m.change:
        _guessed(t, "change", m.change)
        if m.since:
            _guessed(t, "since", m.since)
        elif m.period is None:
            t.add(tomlkit.comment('since = "-1 year"  # TODO: what the change is measured from'))
    t.add("value", m.value_text)
    t.add("quote", quote_of(m))
    return t


def placeholder_metric(claim_id: str) -> str:
    """A metric of the claim's own for one draft could not name: the unit rule skips it, no
    other claim shares it, and it is no near miss of a known metric (which would not load)."""
    from types import SimpleNamespace

    from verify import resources
    from verify.claimfile.spelling import misspelt_metrics

    known = resources.packaged("metrics")["metrics"]
    for name in (f"unknown_{claim_id}", f"unnamed_metric_of_{claim_id}"):
        stub = SimpleNamespace(metric=name, ref=claim_id, location=None)
        if not misspelt_metrics([stub], known):
            return name
    return f"unnamed_metric_of_{claim_id}_to_name"


def quote_of(m: Mention) -> str:
    """The clause of the sentence that carries the value (the sentence, if short)."""
    at, at_end = m.start - m.sentence_start, m.end - m.sentence_start
    s, e = clause(m.sentence, 0, len(m.sentence), at, at_end)
    return m.sentence[s:e]


def claim_ids(facts: list[Mention], main: str | None, taken: set[str] | None = None) -> list[str]:
    """Readable ids, unique in the file (and beside `taken`): q4_revenue, market_cap_2."""
    taken = set() if taken is None else taken
    return [unique_id(base_id(m, main), taken) for m in facts]


def base_id(m: Mention, main: str | None) -> str:
    """"q4_revenue", "q4_revenue_growth", "microsoft_market_share", "market_cap"."""
    parts = []
    if m.entity and m.entity != main:
        parts.append(_slug(m.entity).split("_")[0])
    if m.period and (p := re.search(r"-(Q[1-4]|H[12])$", m.period)):
        parts.append(p.group(1).lower())
    elif m.period and m.period.upper().startswith("FY"):
        parts.append(_slug(m.period))
    if m.segment:
        parts.append(_slug(m.segment).split("_")[0])
    parts.append(m.metric or _kind_word(m))
    if m.change:
        parts.append({"percent": "growth", "points": "change", "absolute": "gain"}[m.change])
    return _slug("_".join(parts)) or "figure"


def _kind_word(m: Mention) -> str:
    kind = kind_of(m.value)
    return {"money": "amount", "percent": "percentage", "rank": "rank"}.get(kind, kind.rpartition(":")[2] or "figure")


def unique_id(base: str, taken: set[str]) -> str:
    base = base if base[:1].isalpha() else f"x_{base}"
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}_{n}"
    taken.add(candidate)
    return candidate


def append_checks(doc, checks: list[Table | str]) -> None:
    tables = [c for c in checks if not isinstance(c, str)]
    if tables:
        array = tomlkit.aot()
        for table in tables:
            array.append(table)
        doc.add("check", array)
    for text in (c for c in checks if isinstance(c, str)):
        doc.add(tomlkit.nl())
        for line in text.splitlines():
            doc.add(tomlkit.comment(line))


def append_skipped(doc, skipped: list[Mention]) -> None:
    if not skipped:
        return
    doc.add(tomlkit.nl())
    doc.add(tomlkit.comment("Numbers left out: they state no fact as far as draft can tell. Claim any that does."))
    for m in skipped:
        doc.add(tomlkit.comment(f"  {m.text!r} in {_short(m.sentence)!r}: {m.reason}"))


def _short(sentence: str) -> str:
    sentence = " ".join(sentence.split())
    return sentence if len(sentence) <= _MAX_SKIPPED_QUOTE else sentence[:_MAX_SKIPPED_QUOTE - 3] + "..."


def _guessed(table: Table, key: str, value, why: str | None = None) -> None:
    table.add(key, value)
    note(table[key], GUESSED + (f": {why}" if why else ""))


def note(item, text: str) -> None:
    """A comment after the item on its line."""
    item.comment(text)
    item.trivia.comment_ws = "  "


def _slug(text: str) -> str:
    return _SLUG.sub("_", text.lower()).strip("_")
