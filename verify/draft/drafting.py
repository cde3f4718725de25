"""Drafting a claim file from an article file, and adding to one a person has edited."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from verify.draft import relations, source as sources, writer
from verify.draft.mention import Mention, extract
from verify.draft.vocabulary import default_vocabulary


class DraftError(Exception):
    """An article or claim file that cannot be drafted from or into; the message says why."""


def draft(article_path: str | Path, *, source_id: str | None = None, published: date | None = None,
          locale: str = "en_US", output: Path | None = None) -> str:
    """The text of a claim file drafted from the article at `article_path`."""
    text = _read(article_path)
    published = published or sources.date_of(text)
    mentions = extract(text, locale=locale, published=published)
    vocab = default_vocabulary()
    main = _main_subject(mentions)
    guess = writer.SourceGuess(
        id=_source_id(source_id, article_path), title=sources.title_of(text), published=published,
        locale=locale, text=_relative(article_path, output), entity=main,
        stand_in=None if published else _stand_in_date())
    facts = [m for m in mentions if m.fact]
    ids = writer.claim_ids(facts, main)
    return writer.claim_file(guess, mentions, ids, relations.candidates(facts, ids),
                             article_name=Path(article_path).name, flows=vocab.flows)


def _stand_in_date() -> date:
    """Today, or the last day of the bundled exchange rates if earlier: a later date would
    leave the loose reading without rates to convert at (a problem, not a check)."""
    today = date.today()
    try:
        from verify.rates import RateBook

        book = RateBook.bundled()
        return min([today, *(book.table(spec).last_day for spec in book.specs)])
    except Exception:  # the rates are no part of drafting: without them, today it is
        return today


def _read(path: str | Path) -> str:
    from verify.sourcetext import ArticleError, read_article

    try:
        return read_article(path).text
    except ArticleError as exc:
        raise DraftError(exc.message) from None


def _main_subject(mentions: list[Mention]) -> str | None:
    """The entity most claims are about: it goes to [defaults]."""
    counts: dict[str, int] = {}
    for m in mentions:
        if m.fact and m.entity:
            counts[m.entity] = counts.get(m.entity, 0) + 1
    return max(counts, key=counts.__getitem__) if counts else None


def _source_id(given: str | None, path: str | Path) -> str:
    from verify.errors import InputError
    from verify.model import to_id

    if given is None:
        return sources.source_id(path)
    try:
        return to_id(given, "--source-id")
    except InputError as exc:
        raise DraftError(exc.message) from None


def _relative(article: str | Path, output: Path | None) -> str | None:
    """The article's path from the claim file's folder, where the loader reads texts (that folder or below)."""
    if output is None:
        return None
    relative = os.path.relpath(Path(article).resolve(), output.resolve().parent)
    return None if relative.startswith("..") else Path(relative).as_posix()


def update(claim_path: str | Path, article_path: str | Path, *, published: date | None = None,
           locale: str = "en_US") -> str:
    from verify.draft.update import add_new_mentions

    try:
        existing = Path(claim_path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DraftError(f"cannot read {claim_path}: {getattr(exc, 'strerror', None) or exc}") from None
    text = _read(article_path)
    return add_new_mentions(existing, text, article_name=Path(article_path).name, published=published,
                            locale=locale, claim_path=str(claim_path))
