"""A checker that stays loaded: check a draft's claims against a corpus, again and again.

For an editorial tool that lives long (a CMS plug-in, a web service): the corpus, its
config, rules and rates are read once; each `check` then runs the rules over the draft
and the part of the corpus a rule could relate it to, and returns the findings that
involve the draft.

What a rule can relate: claims of one entity (agreement, period sums, changes,
identities, units), claims of one market (shares and ranks), and the claims a
hand-written check names. The corpus is indexed by entity and by market once, so a
check costs what the draft's neighbourhood costs, not what the corpus does.

Threads: `check` may be called from several threads at once; it reads one snapshot of
the corpus and never changes it. `reload` builds a new snapshot (re-reading only the
files that changed) and swaps it in, so a check under way finishes on the old one.
Caches: the values read (bounded by `MAX_VALUES` distinct value strings, cleared when
full), the rates table (one per checker) and the process-wide caches of formatting and
the vocabulary (bounded LRU caches).
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any, Iterable, NamedTuple

from verify import expressions
from verify.facts import normal
from verify.model import Acknowledgement, Check, Claim, Corpus, Source
from verify.report import Report

MAX_VALUES = 1_000_000


class _Snapshot(NamedTuple):
    corpus: Corpus
    by_entity: dict[str, tuple[Claim, ...]]
    by_market: dict[str, tuple[Claim, ...]]
    stamps: dict[str, tuple[int, ...]]  # path -> (mtime_ns, size) when read, and its article's
    files: dict[str, Any]  # path -> what the loader read of it


class Checker:
    """`Checker(paths_or_corpus, config=None, rates=None)`: the corpus, loaded once, to check drafts against."""

    def __init__(self, paths_or_corpus: Corpus | str | Path | Iterable[str | Path] = "claims", *,
                 config=None, rates=None) -> None:
        from verify.config import discover
        from verify.rates import RateBook

        self._paths: list[str] | None = None
        if isinstance(paths_or_corpus, Corpus):
            corpus = paths_or_corpus
        else:
            items = [paths_or_corpus] if isinstance(paths_or_corpus, (str, Path)) else list(paths_or_corpus)
            self._paths = [str(p) for p in items]
        self.config = config if config is not None else discover(self._paths or ["."])
        folder = self.config.rates
        self.rates = rates if rates is not None else (RateBook.from_folder(folder) if folder else RateBook.bundled())
        self._values: dict = {}
        self._lock = threading.Lock()
        if self._paths is None:
            self._snapshot = _index(corpus, {}, {})
        else:
            self._snapshot = self._read({}, {})

    @property
    def corpus(self) -> Corpus:
        return self._snapshot.corpus

    def reload(self) -> list[str]:
        """Re-read the files that changed, appeared or went since the last read; the paths it re-read."""
        if self._paths is None:
            return []
        with self._lock:
            old = self._snapshot
            self._snapshot = self._read(old.stamps, old.files)
            return sorted(p for p in self._snapshot.stamps if old.stamps.get(p) != self._snapshot.stamps[p])

    def check(self, draft: Corpus | Source | str | Iterable[Claim], claims: Iterable[Claim] = (), *,
              checks: Iterable[Check] = (), acknowledgements: Iterable[Acknowledgement] = ()) -> Report:
        """The findings that involve the draft's claims, each with the corpus claims it was compared with.

        `draft` is a `Source` with its `claims` (and `checks`), a claim file's text, a
        loaded `Corpus`, or claims alone. Its claims' refs must not be the corpus's (a
        draft of an article already in the corpus: give its source a new id). The
        report's corpus is the draft's: its problems are the draft's problems.
        """
        from verify.engine import check as run

        snapshot = self._snapshot
        draft_corpus = self._draft(draft, claims, checks, acknowledgements)
        known = {c.ref for c in snapshot.corpus.claims}
        clashes = sorted(c.ref for c in draft_corpus.claims if c.ref in known)
        if clashes:
            raise ValueError(f"the draft's claim {clashes[0]} is already in the corpus: "
                             "give the draft's source an id of its own")
        neighbours = _neighbours(snapshot, draft_corpus)
        sub = Corpus(
            sources=snapshot.corpus.sources + draft_corpus.sources,
            claims=tuple(neighbours) + draft_corpus.claims,
            checks=draft_corpus.checks,
            acknowledgements=snapshot.corpus.acknowledgements + draft_corpus.acknowledgements,
            articles={**snapshot.corpus.articles, **draft_corpus.articles},
        )
        report = run(sub, rates=self.rates, config=self.config)
        drafted = {id(c) for c in draft_corpus.claims}
        findings = tuple(f for f in report.findings if any(id(c) in drafted for c in f.claims))
        return Report(draft_corpus, findings, report.ran, report.skipped, report.run_problems, self.config,
                      checked=report.checked)

    # -- reading ------------------------------------------------------------------

    def _read(self, stamps: dict[str, tuple[int, ...]], files: dict[str, Any]) -> _Snapshot:
        from verify.claimfile.discover import claim_files
        from verify.claimfile.loader import _Values, assemble, read_file

        paths, problems = claim_files(self._paths or [])
        if len(self._values) > MAX_VALUES:
            self._values.clear()
        values = _Values(self.config.lexicon, self._values)
        new_stamps, new_files = {}, {}
        for path in paths:
            key = str(path)
            kept = files.get(key)
            stamp = _stamp(key, kept)
            if kept is None or stamps.get(key) != stamp:
                kept = read_file(path, values)
                stamp = _stamp(key, kept)
            new_stamps[key], new_files[key] = stamp, kept
        corpus = assemble(list(new_files.values()), list(problems), self.config)
        return _index(corpus, new_stamps, new_files)

    def _draft(self, draft, claims, checks, acknowledgements) -> Corpus:
        if isinstance(draft, Corpus):
            return draft
        if isinstance(draft, str):
            from verify.claimfile.loader import _Values, assemble, read_text

            return assemble([read_text("<draft>", draft, _Values(self.config.lexicon, self._values))], [],
                            self.config)
        if isinstance(draft, Source):
            source, claims = draft, list(claims)
        else:
            claims = list(draft) + list(claims)
            source = None
        import attrs

        source_id = source.id if source is not None else (claims[0].source if claims else "")
        own = lambda x: x if x.source else attrs.evolve(x, source=source_id)  # noqa: E731
        if source is not None and source.published is not None:
            # As the loader does: a claim with no time holds on the day its source was published.
            claims = [c if c.period or c.as_of else attrs.evolve(c, as_of=source.published) for c in claims]
        checks = tuple(own(c) for c in checks)
        for check in checks:
            for ref in expressions.refs(check.tree):
                if "." not in ref.name and not any(c.id == ref.name for c in claims):
                    raise ValueError(f"check {check.id!r} names {ref.name!r}, which is no claim of the draft")
        return Corpus(sources=(source,) if source is not None else (), claims=tuple(own(c) for c in claims),
                      checks=checks, acknowledgements=tuple(own(a) for a in acknowledgements),
                      files=(f"<draft {source_id}>",))


def _stamp(path: str, read) -> tuple[int, ...]:
    """(mtime_ns, size) of a claim file and, where it names an article's text, of that too:
    an edited article is re-read though its claim file is not."""
    stamp: tuple[int, ...] = ()
    for name in (path, read.article.path if read is not None and read.article is not None else None):
        if name is None:
            continue
        try:
            st = os.stat(name)
            stamp += (st.st_mtime_ns, st.st_size)
        except OSError:
            stamp += (-1, -1)
    return stamp


def _index(corpus: Corpus, stamps, files) -> _Snapshot:
    by_entity: dict[str, list[Claim]] = {}
    by_market: dict[str, list[Claim]] = {}
    for claim in corpus.claims:
        by_entity.setdefault(normal(claim.entity), []).append(claim)
        if claim.market:
            by_market.setdefault(normal(claim.market), []).append(claim)
    return _Snapshot(corpus, {k: tuple(v) for k, v in by_entity.items()},
                     {k: tuple(v) for k, v in by_market.items()}, stamps, files)


def _neighbours(snapshot: _Snapshot, draft: Corpus) -> list[Claim]:
    """The corpus claims a rule could relate to the draft's: same entity, same market, or named by a check."""
    chosen: dict[int, Claim] = {}
    for claim in draft.claims:
        for c in snapshot.by_entity.get(normal(claim.entity), ()):
            chosen[id(c)] = c
        if claim.market:
            for c in snapshot.by_market.get(normal(claim.market), ()):
                chosen[id(c)] = c
    for check in draft.checks:
        for ref in expressions.refs(check.tree):
            named = snapshot.corpus.claim(ref.name)
            if named is not None:
                chosen[id(named)] = named
    return list(chosen.values())
