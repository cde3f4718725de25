"""What a claim is about, normalised, so that claims of one fact meet in one dict bucket.

Two claims state the same fact when entity, metric, segment, market, change,
baseline and time agree after normalisation (SPEC section 3). Grouping by this
key keeps every rule linear in the number of claims: no all-pairs loop.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from datetime import date
from typing import Iterator

from verify.model import Claim
from verify.periods import default_flow_baseline
from verify.record import Record


@functools.lru_cache(maxsize=1 << 16)  # a corpus names few entities and metrics, many times over
def normal(text: str | None) -> str:
    return " ".join(text.split()).casefold() if text else ""


class Subject(Record):
    """Whose figure and of what, without time or change: the row a series lives in."""

    __slots__ = ("entity", "metric", "segment", "market")

    def __init__(self, entity: str, metric: str, segment: str, market: str) -> None:
        self.entity, self.metric, self.segment, self.market = entity, metric, segment, market


class FactKey(Record):
    __slots__ = ("subject", "change", "baseline", "time")

    def __init__(self, subject: Subject, change: str, baseline: tuple, time: tuple) -> None:
        self.subject, self.change, self.baseline, self.time = subject, change, baseline, time

    def __str__(self) -> str:
        parts = [self.subject.entity, self.subject.metric, self.subject.segment, self.subject.market,
                 self.change, _show(self.baseline), _show(self.time)]
        return "|".join(parts)


def time_key(claim: Claim) -> tuple:
    if claim.period is not None:
        return ("period", *claim.period.key)
    return ("as_of", claim.as_of)


def baseline_key(claim: Claim) -> tuple:
    """The resolved baseline of a change claim: "ytd" and its date are the same baseline."""
    if claim.change is None:
        return ()
    if claim.period is not None:
        base = claim.since.baseline_period(claim.period) if claim.since else default_flow_baseline(claim.period)
        if base is None:
            return ("since", normal(claim.since.text if claim.since else ""))
        return ("period", *base.key)
    if claim.since is None:
        return ("since", "")
    return ("as_of", claim.since.baseline_date(claim.as_of))


def reference_date(claim: Claim) -> date | None:
    """The date whose exchange rate converts this claim: a flow's period end, a level's as_of."""
    if claim.period is not None:
        return claim.period.end
    return claim.as_of


def rate_date(claim: Claim, currency: str, target: str) -> date:
    """The claim's reference date, for converting `currency` to `target`; a RateError that
    names the fix where its period is a label ("FY2025") and so gives no date."""
    day = reference_date(claim)
    if day is None:
        from verify.rates import RateError

        label = claim.period.text if claim.period is not None else ""
        raise RateError(f"{claim.ref} is in {currency} and {target} is needed, but its period {label!r} is a "
                        f"label, not dates, so no exchange rate applies: write the period as dates "
                        f"(period = \"2024-07-01..2025-06-30\") or give {claim.entity or 'its entity'} a fiscal "
                        f"year end in the config's [entities]")
    return day


def period_start(claim: Claim) -> date | None:
    """A flow's first day (its average rate and loose window start there); None for a level."""
    return claim.period.start if claim.period is not None else None


def group(claims) -> dict[FactKey, list[Claim]]:
    """Claims by the fact they state, in the order of each fact's first claim.

    Keys share their subjects and time tuples: a fresh key per group held ~20 MB at
    100,000 claims. Rules that index claims by subject or time derive it from here.
    """
    groups: dict[FactKey, list[Claim]] = defaultdict(list)
    subjects: dict[tuple, Subject] = {}
    shared: dict[tuple, tuple] = {}
    for claim in claims:
        names = (claim.entity, claim.metric, claim.segment, claim.market)
        subject = subjects.get(names)
        if subject is None:
            subject = subjects[names] = Subject(*map(normal, names))
        time = time_key(claim)
        baseline = baseline_key(claim)
        key = FactKey(subject, claim.change or "", shared.setdefault(baseline, baseline),
                      shared.setdefault(time, time))
        groups[key].append(claim)
    return groups


def levels(groups: dict[FactKey, list[Claim]]) -> Iterator[tuple[Subject, tuple, list[Claim]]]:
    """The groups of levels and flows (not changes), with their subject and time."""
    return ((key.subject, key.time, claims) for key, claims in groups.items() if not key.change)


@functools.lru_cache(maxsize=4096)  # groups share their few time and baseline tuples
def _show(key: tuple) -> str:
    return ":".join(str(k) for k in key)
