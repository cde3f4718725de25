"""`change`: a change claim agrees with the two levels (or flows) it compares.

"nearly 60% year-to-date" with levels claimed at the start of the year and at
as_of: (new / old - 1) must meet "nearly 60%". An absolute change is new - old,
a change in points the difference of two percentages. A change whose two ends
are not both claimed cannot be checked: it counts as skipped.
"""

from __future__ import annotations

from verify import facts
from verify.engine import Context, Ran, Skip
from verify.exact import Exact
from verify.facts import rate_date
from verify.findings import Finding, Side
from verify.interval import Interval
from verify.model import Claim, Problem
from verify.quantity import Quantity
from verify.rates import RateError
from verify.rules.verdict import severity
from verify.tolerance import reading_note, widened
from verify.units import ONE, PERCENT, POINTS, UnitError


class ChangeRule:
    family = "change"
    cost = 0.5  # see engine.Rule

    def run(self, context: Context):
        levels = {(subject, time): claims for subject, time, claims in facts.levels(context.groups)}
        firsts: dict[int, tuple] = {}  # per list of levels: its first claim of each source, made once
        for key, changes in context.groups.items():
            if key.change:
                news, olds = levels.get((key.subject, key.time)), levels.get((key.subject, key.baseline))
                by_source = (_by_source(news, firsts), _by_source(olds, firsts))
                for claim in changes:
                    new, old = (pick.get(claim.source, fallback) for pick, fallback in by_source)
                    yield from self._check(claim, new, old, context)

    def _check(self, claim: Claim, new: Claim | None, old: Claim | None, context: Context):
        if new is None or old is None:
            yield Skip(self.family)
            return
        try:
            computed = {r: _computed(claim, new, old, r, context) for r in ("strict", "loose")}
        except (UnitError, RateError) as exc:
            yield Problem(claim.location, f"change {claim.ref} cannot be computed from {new.ref} and "
                                          f"{old.ref}: {getattr(exc, 'message', None) or exc}")
            return
        yield Ran(self.family, f"change:{claim.ref}", (claim, new, old))
        holds = {}
        for reading, (quantity, _) in computed.items():
            stated = getattr(claim.value, reading)
            tolerance = context.tolerance if reading == "loose" else 0
            holds[reading] = stated.unit.compatible(quantity.unit) and widened(quantity.interval, tolerance) \
                .overlaps(widened(stated.to(quantity.unit).interval, tolerance))
        level = severity(holds["strict"], holds["loose"])
        if level is None:
            return
        reading = "loose" if level == "error" else "strict"
        label = _label(claim.change, new, old)
        rates = computed["strict"][1] + computed["loose"][1]
        yield Finding(
            rule=self.family, id=self.family, severity=level,
            message=(f"{claim.ref} says {claim.value.text!r}, but {label} is "
                     f"{computed[reading][0]} ({reading_note(level, context.tolerance)}; stated {getattr(claim.value, reading)})"),
            claims=(claim, new, old),
            sides=(Side(claim.ref, claim.value.strict, claim.value.loose),
                   Side(label, computed["strict"][0], computed["loose"][0])),
            rates=tuple(dict.fromkeys(rates)),
            key=f"change:{claim.ref}", tolerance=context.tolerance,
        )


def _by_source(candidates: list[Claim] | None, firsts: dict[int, tuple]) -> tuple[dict[str, Claim], Claim | None]:
    """The levels to compare with: the first of each source, and the first of all for a change
    whose own source states none (a dict made once per list, not a scan per change claim)."""
    if not candidates:
        return {}, None
    key = id(candidates)
    if key not in firsts:
        index: dict[str, Claim] = {}
        for c in candidates:
            index.setdefault(c.source, c)
        firsts[key] = (index, candidates[0])
    return firsts[key]


def _computed(claim: Claim, new: Claim, old: Claim, reading: str, context: Context):
    a, b = getattr(new.value, reading), getattr(old.value, reading)
    rates = []
    currency = a.unit.currencies[0][0] if a.unit.currencies else None
    if currency and b.unit.dims != a.unit.dims:
        source = b.unit.currencies[0][0] if b.unit.currencies else str(b.unit)
        b, used = context.converter.convert(b, currency, reading=reading, reference=rate_date(old, source, currency),
                                            published=context.published(old))
        rates += used
    if not a.unit.compatible(b.unit):
        raise UnitError(f"{new.ref} is {a.unit} but {old.ref} is {b.unit}")
    b = b.to(a.unit)
    if claim.change == "percent":
        ratio = Quantity(a.interval / b.interval - Interval.point(1), ONE)
        return Quantity(ratio.interval.scale(Exact(100)), PERCENT), rates
    if claim.change == "points":
        return Quantity((a.interval - b.interval).scale(a.unit.factor / POINTS.factor), POINTS), rates
    return Quantity(a.interval - b.interval, a.unit), rates


def _label(change: str, new: Claim, old: Claim) -> str:
    if change == "percent":
        return f"{new.ref} / {old.ref} - 1"
    return f"{new.ref} - {old.ref}"
