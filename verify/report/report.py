"""The outcome of a run: findings, problems and counts, renderable in every format."""

from __future__ import annotations

from array import array
from typing import Iterable, Iterator

import attrs

from verify.findings import Finding
from verify.model import Claim, Corpus, Problem
from verify.plain import PlainData

# Findings a process renders, at the least, when a report is written by several: about
# a third of a second's work, below which a fork is not worth it.
FINDINGS_PER_JOB = 1_000


class Keys:
    """The keys of one rule family's evaluations, in order, held as joined text.

    There is an evaluation per claim and more: at 100,000 claims a string each (and a
    list slot) took ~9 MB, a third of it joined. Lengths, not a separator, split the
    text, so a key may hold any character.
    """

    __slots__ = ("_chunks", "_pending")
    CHUNK = 1024

    def __init__(self, keys: Iterable[str] = ()):
        self._chunks: list[tuple[str, array]] = []
        self._pending: list[str] = []
        for key in keys:
            self.append(key)

    def append(self, key: str) -> None:
        self._pending.append(key)
        if len(self._pending) == self.CHUNK:
            self._chunks.append(("".join(self._pending), array("I", map(len, self._pending))))
            self._pending = []

    def extend(self, keys: Iterable[str]) -> None:
        for key in keys:
            self.append(key)

    def __len__(self) -> int:
        return len(self._chunks) * self.CHUNK + len(self._pending)  # every chunk is full

    def __iter__(self) -> Iterator[str]:
        for text, lengths in self._chunks:
            start = 0
            for n in lengths:
                yield text[start:start + n]
                start += n
        yield from self._pending

    def __repr__(self) -> str:
        return f"Keys({list(self)!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Keys) and list(self) == list(other)

    def __plain__(self) -> list[str]:
        return list(self)

    @classmethod
    def __from_plain__(cls, data: list[str]) -> Keys:
        if not isinstance(data, list) or not all(isinstance(k, str) for k in data):
            raise TypeError("a rule family's keys are a list of strings")
        return cls(data)


def named(family: str, rule_id: str, names: list[str]) -> bool:
    """Whether a rule family or id is among `names` (a name also covers the ids below it:
    `share` covers `share.rank`)."""
    return any(n in (family, rule_id) or rule_id.startswith(n + ".") for n in names)


def key_rule_id(family: str, key: str) -> str:
    """The rule id of an evaluation from its key (`identity.market_cap:a.cap,…`); a check's key
    names the check by ref (`check:source.id`), and its id is the ref's last part."""
    prefix, _, rest = key.partition(":")
    return rest.rpartition(".")[2] if family == "check" else prefix


@attrs.frozen
class Report(PlainData):
    corpus: Corpus
    findings: tuple[Finding, ...] = ()
    # The key of each evaluation, by rule family: one `Keys` per family, not a pair per
    # evaluation (at 100,000 claims the pairs alone were 8 MB).
    ran: dict[str, Keys] = attrs.field(factory=dict, eq=False)
    skipped: dict[str, int] = attrs.field(factory=dict, eq=False)  # by rule family: lacked data
    run_problems: tuple[Problem, ...] = ()  # found while checking (a missing rate ...)
    config: object = attrs.field(default=None, eq=False, repr=False)  # the Config in force, for rule metadata
    # Refs of the claims some rule related to other claims; the others are `unchecked`.
    checked: tuple[str, ...] = attrs.field(default=(), eq=False, repr=False)

    @property
    def unchecked(self) -> tuple[Claim, ...]:
        """Claims no rule related to another claim: each needs a second source or a check."""
        checked = set(self.checked)
        return tuple(c for c in self.corpus.claims if c.ref not in checked)

    @property
    def checks(self) -> int:
        return sum(len(keys) for keys in self.ran.values())

    @property
    def problems(self) -> tuple[Problem, ...]:
        return self.corpus.problems + self.run_problems

    @property
    def ordered(self) -> list[Finding]:
        """Findings grouped by file, in line order: the order every report lists them in."""
        def order(f: Finding):
            where = f.location
            return (where.file if where else "", (where.line or 0) if where else 0, f.id)
        return sorted(self.findings, key=order)

    @property
    def ordered_problems(self) -> list[Problem]:
        return sorted(self.problems, key=lambda p: (p.location.file, p.location.line or 0))

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity and not f.acknowledged)

    @property
    def summary(self) -> dict:
        return {
            "files": len(self.corpus.files),
            "claims": len(self.corpus.claims),
            "checks": self.checks,
            "errors": self.count("error"),
            "warnings": self.count("warning"),
            "acknowledged": sum(1 for f in self.findings if f.acknowledged),
            "skipped": dict(sorted(self.skipped.items())),
            "problems": len(self.problems),
            "unchecked": len(self.unchecked),
        }

    def exit_code(self, fail_on: str = "error") -> int:
        """0: nothing at or above `fail_on`; 1: such findings; 2: problems (input that could not be used)."""
        if self.problems or not self.corpus.files:
            return 2
        failing = {"error": ("error",), "warning": ("error", "warning"), "never": ()}[fail_on]
        return 1 if any(self.count(s) for s in failing) else 0

    def selected(self, select: list[str] | None = None, ignore: list[str] | None = None) -> Report:
        """Only the findings, and the checks run, whose family or id is selected and not ignored:
        a check left out is not reported as passed either."""
        def wanted(family: str, rule_id: str) -> bool:
            return (not select or named(family, rule_id, select)) and not (ignore and named(family, rule_id, ignore))

        if not select and not ignore:
            return self
        kept = tuple(f for f in self.findings if wanted(f.rule, f.id))
        ran = {family: Keys(key for key in keys if wanted(family, key_rule_id(family, key)))
               for family, keys in self.ran.items()}
        return attrs.evolve(self, findings=kept, ran={family: keys for family, keys in ran.items() if len(keys)})

    def render(self, format: str = "text", **options) -> str:
        from verify.report import renderer

        return renderer(format)(self, **options)

    def pieces(self, format: str = "text", **options) -> Iterable[str]:
        """The rendering in pieces, to write as they come: a large report is never held whole."""
        from verify.report import pieces

        return pieces(format)(self, **options)
