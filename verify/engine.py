"""Running rules over a corpus, and settling acknowledgements, into a Report.

A rule is any object with a `family` name and a `run(context)` that yields
Findings, Skips and Problems; the engine knows no rule by name, so rule
families and project packs plug in without changing it.
"""

from __future__ import annotations

import functools
from collections import Counter
from datetime import date
from typing import Callable, Iterable, Protocol

import attrs

from verify import collector, facts, failure, parallel
from verify.conversion import Converter
from verify.findings import Finding
from verify.model import Acknowledgement, Claim, Corpus, Location, Problem
from verify.progress import counted
from verify.record import Record
from verify.report.report import Keys, Report
from verify.vocabulary import Vocabulary


class Skip(Record):
    """A rule that could not run for lack of data: counted, not reported."""

    __slots__ = ("family",)

    def __init__(self, family: str) -> None:
        self.family = family


class Ran(Record):
    """One evaluation of a rule: counted in the summary's checks, a test case in JUnit.

    `key` names what was checked, as the finding it would have raised does; `claims` are
    the claims it related to each other (none for a check of one claim alone, such as
    `unit`): a claim in no evaluation's `claims` is reported as unchecked.
    """

    __slots__ = ("family", "key", "claims")

    def __init__(self, family: str, key: str, claims: tuple = ()) -> None:
        self.family, self.key, self.claims = family, key, claims


class Context:
    """What rules share: the corpus, its facts grouped once, and the converter."""

    def __init__(self, corpus: Corpus, rates=None, config=None):
        from verify.config import Config

        self.corpus = corpus
        self.config = config if config is not None else Config()
        if rates is None and self.config.rates:
            from verify.rates import RateBook

            rates = RateBook.from_folder(self.config.rates)
        self.converter = Converter(rates)
        self.tolerance = self.config.loose_tolerance  # of every relation, under the loose reading
        self._published = {s.id: s.published for s in corpus.sources}

    @functools.cached_property
    def groups(self) -> dict[facts.FactKey, list[Claim]]:
        return facts.group(self.corpus.claims)

    @functools.cached_property
    def vocabulary(self) -> Vocabulary:
        return self.config.vocabulary

    def published(self, claim: Claim | None) -> date | None:
        return self._published.get(claim.source) if claim is not None else None


class Rule(Protocol):
    """`cost`, optional, is a rule's time relative to others' (the built-in rules give
    seconds per 100,000 synthetic claims): `check` deals rules out to processes by it."""

    family: str

    def run(self, context: Context) -> Iterable[Finding | Skip | Ran | Problem]: ...


def builtin_rules() -> list[Rule]:
    """The rule families that ship with verify (SPEC section 6)."""
    from verify.rules import BUILTIN

    return [make() for make in BUILTIN]


# Below this many claims a process, forking and handing results back cost more than
# sharing the rules saves.
CLAIMS_PER_JOB = 5_000


@collector.paused
def check(corpus: Corpus, *, rates=None, rules: Iterable[Rule] | None = None, config=None,
          jobs: int = 1, progress=None) -> Report:
    """Run `rules` (default: the built-in families) over `corpus`.

    With `jobs` above 1 and a corpus of at least `CLAIMS_PER_JOB` claims a job, rules
    run in that many processes forked from this one (where the platform can fork);
    the report is the same either way. `progress(stage, done, total)` is called as rule
    families finish (see `verify.progress`).
    """
    context = Context(corpus, rates, config)
    rules = builtin_rules() if rules is None else list(rules)
    tick = counted(progress, "checking", len(rules))
    jobs = min(parallel.corpus_jobs(jobs, len(corpus.claims)), len(corpus.claims) // CLAIMS_PER_JOB)
    if jobs > 1:
        _ = context.groups  # built once here, not once in each process
    results = parallel.ordered_map(functools.partial(_outcome, context, tick), rules, jobs=jobs,
                                   costs=[getattr(rule, "cost", 1.0) for rule in rules],
                                   ref=functools.partial(_claim_ref, corpus), resolve=corpus.claim)
    if progress is not None:
        progress("checking", len(rules), len(rules))  # rules run by forked helpers count here
    findings: list[Finding] = []
    problems: list[Problem] = []
    skipped: Counter[str] = Counter()
    ran: dict[str, Keys] = {}
    checked: set[str] = set()
    for result in results:
        checked |= result.checked
        findings.extend(result.findings)
        problems.extend(result.problems)
        skipped.update(result.skipped)
        for family, keys in result.ran.items():
            if family in ran:
                ran[family].extend(keys)
            else:
                ran[family] = keys
    findings = acknowledge(findings, corpus.acknowledgements)
    return Report(corpus, tuple(findings), ran, dict(skipped), tuple(problems), context.config,
                  checked=tuple(sorted(checked)))


class _Outcome(Record):
    """What one rule found, counted as the report counts it: small enough to hand back
    from a child process (an evaluation key a string, not an object)."""

    __slots__ = ("findings", "problems", "skipped", "ran", "checked")

    def __init__(self, findings: list[Finding], problems: list[Problem], skipped: Counter[str],
                 ran: dict[str, Keys], checked: set[str]) -> None:
        self.findings, self.problems, self.skipped, self.ran = findings, problems, skipped, ran
        self.checked = checked  # refs of the claims some evaluation related to others


def _claim_ref(corpus: Corpus, obj: object) -> str | None:
    """A claim of the corpus travels back from a child process as its ref."""
    if type(obj) is Claim and corpus.claim(obj.ref) is obj:
        return obj.ref
    return None


def _outcome(context: Context, tick: Callable[[], None], rule: Rule) -> _Outcome:
    """What `rule` yields; if it fails, what it yielded before, and a problem naming it:
    a bug in one rule hides no other rule's findings."""
    outcome = _Outcome([], [], Counter(), {}, set())
    related: dict[int, Claim] = {}  # the claims evaluations related, by identity: a ref is made once each
    try:
        for item in rule.run(context):
            if isinstance(item, Ran):
                keys = outcome.ran.get(item.family)
                if keys is None:
                    keys = outcome.ran[item.family] = Keys()
                keys.append(item.key)
                related.update(zip(map(id, item.claims), item.claims))
            elif isinstance(item, Skip):
                outcome.skipped[item.family] += 1
            elif isinstance(item, Problem):
                outcome.problems.append(item)
            else:
                outcome.findings.append(item)
    except Exception as exc:  # noqa: BLE001 - any bug: this rule's problem, not the run's end
        where = context.config.file or (context.corpus.files[0] if context.corpus.files else "verify")
        outcome.problems.append(failure.internal(Location(where), f"running the rule {rule.family!r}", exc))
    outcome.checked.update(c.ref for c in related.values())
    tick()
    return outcome


def acknowledge(findings: list[Finding], acknowledgements: tuple[Acknowledgement, ...]) -> list[Finding]:
    """Mark findings that an acknowledgement names; report acknowledgements that name none."""
    by_key = {(a.rule, frozenset(a.claims)): a for a in acknowledgements}
    used: set[int] = set()
    marked = []
    for f in findings:
        refs = frozenset(c.ref for c in f.claims)
        ack = by_key.get((f.rule, refs)) or by_key.get((f.id, refs))
        if ack is not None:
            used.add(id(ack))
            f = attrs.evolve(f, acknowledged=True)
        marked.append(f)
    for ack in acknowledgements:
        if id(ack) not in used:
            marked.append(Finding(
                rule="acknowledge", id="acknowledge.stale", severity="warning",
                message=f"this acknowledgement of {ack.rule!r} matches no finding: remove it "
                        f"(reason given: {ack.reason})",
                key=f"acknowledge:{ack.rule}:{','.join(sorted(ack.claims))}", at=ack.location,
            ))
    return marked
