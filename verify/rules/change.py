"""`change`: a change claim agrees with the two levels (or flows) it compares.

"nearly 60% year-to-date" with levels claimed at the start of the year and at
as_of: (new / old - 1) must meet "nearly 60%". An absolute change is new - old,
a change in points the difference of two percentages. A change whose two ends
are not both claimed cannot be checked: it counts as skipped.

Money changes are computed in one currency without a rate where the two levels
can share one: "$27.08bn, up 15%" is a growth in yuan, and converting last
year's yuan at last year's rate would mix the exchange rate's move into it.
Only where no level of one end shares a currency with a level of the other are
both converted, each at its own dates, into the change claim's currency (or,
for a percent change, the currency of the levels its own source states).
"""

from __future__ import annotations

from verify import facts
from verify.engine import Context, Ran, Skip
from verify.exact import Exact
from verify.facts import period_start, rate_date
from verify.findings import Finding, Side
from verify.interval import Interval
from verify.model import Claim, Problem
from verify.quantity import Quantity
from verify.rates import RateError
from verify.rules.implied import strict_implies_loose
from verify.rules.verdict import severity
from verify.tolerance import reading_note, widened
from verify.units import ONE, PERCENT, POINTS, UnitError


class ChangeRule:
    family = "change"
    cost = 0.5  # see engine.Rule

    def run(self, context: Context):
        levels = {(subject, time): claims for subject, time, claims in facts.levels(context.groups)}
        chosen: dict[tuple, tuple] = {}  # per pair of level lists, source and currency: made once
        for key, changes in context.groups.items():
            if key.change:
                news, olds = levels.get((key.subject, key.time)), levels.get((key.subject, key.baseline))
                for claim in changes:
                    yield from self._check(claim, *_pair(news, olds, claim, chosen), context)

    def _check(self, claim: Claim, new: Claim | None, old: Claim | None, target: str | None, context: Context):
        if new is None or old is None:
            yield Skip(self.family)
            return
        try:
            options = {"strict": _computed(claim, new, old, "strict", context, target)}
            if (target is None and _holds(claim, options["strict"], "strict", context)
                    and strict_implies_loose((claim.value, new.value, old.value), context.tolerance)):
                # nothing converted: holds loosely too (see rules.implied)
                yield Ran(self.family, f"change:{claim.ref}", (claim, new, old))
                return
            options["loose"] = _computed(claim, new, old, "loose", context, target)
        except (UnitError, RateError) as exc:
            yield Problem(claim.location, f"change {claim.ref} cannot be computed from {new.ref} and "
                                          f"{old.ref}: {getattr(exc, 'message', None) or exc}")
            return
        yield Ran(self.family, f"change:{claim.ref}", (claim, new, old))
        holds, computed = {}, {}
        for reading, found in options.items():
            holds[reading] = _holds(claim, found, reading, context)
            computed[reading] = (_hull([q for q, _ in found]), [r for _, used in found for r in used])
        level = severity(holds["strict"], holds["loose"])
        if level is None:
            return
        reading = "loose" if level == "error" else "strict"
        label = _label(claim.change, new, old)
        rates = computed["strict"][1] + computed["loose"][1]
        yield Finding(
            rule=self.family, id=self.family, severity=level,
            message=(f"{claim.ref} says {claim.value.text!r}, but {label} is "
                     f"{computed[reading][0]} ({reading_note(level, context.tolerance)}; stated {getattr(claim.value, reading)}"
                     f"{_currency_note(new, old, target)})"),
            claims=(claim, new, old),
            sides=(Side(claim.ref, claim.value.strict, claim.value.loose),
                   Side(label, computed["strict"][0], computed["loose"][0])),
            rates=tuple(dict.fromkeys(rates)),
            key=f"change:{claim.ref}", tolerance=context.tolerance,
        )


def _holds(claim: Claim, found: list, reading: str, context: Context) -> bool:
    """Whether the stated change meets one of the computed ones under `reading`."""
    stated = getattr(claim.value, reading)
    tolerance = context.tolerance if reading == "loose" else 0
    return any(stated.unit.compatible(q.unit) and widened(q.interval, tolerance)
               .overlaps(widened(stated.to(q.unit).interval, tolerance)) for q, _ in found)


def _pair(news: list[Claim] | None, olds: list[Claim] | None, claim: Claim, chosen: dict):
    """(new, old, target): the two levels to compare, those of the change claim's own source
    first, a pair in one currency (an absolute change's own, if it has one) before any other;
    `target` is the currency both must be converted into, None where they share one (or are
    not money). Chosen once per pair of lists, source and currency, not per change claim."""
    if not news or not olds:
        return None, None, None
    key = (id(news), id(olds), claim.source, _currency(claim))
    if key not in chosen:
        chosen[key] = _paired(news, olds, claim)
    return chosen[key]


def _paired(news: list[Claim], olds: list[Claim], claim: Claim):
    news, olds = _own_first(news, claim), _own_first(olds, claim)
    by_currency: dict[str | None, Claim] = {}
    for old in olds:
        by_currency.setdefault(_currency(old), old)
    stated = _currency(claim)  # an absolute change in money: its own currency
    for new in news:
        old = by_currency.get(_currency(new))
        if old is not None and stated in (None, _currency(new)):
            return new, old, None
    new, old = news[0], olds[0]
    return new, old, stated or _currency(new)


def _own_first(claims: list[Claim], claim: Claim) -> list[Claim]:
    own = [c for c in claims if c.source == claim.source]
    return own + [c for c in claims if c.source != claim.source] if own else claims


def _currency(claim: Claim) -> str | None:
    currencies = claim.value.unit.currencies
    return currencies[0][0] if currencies else None


def _computed(claim: Claim, new: Claim, old: Claim, reading: str, context: Context, target: str | None):
    """The change under one reading, one quantity per choice of conversion rates (with them)."""
    a_options = _converted(new, reading, context, target)
    b_options = _converted(old, reading, context, target)
    return [(_change(claim, new, old, a, b), a_rates + b_rates)
            for a, a_rates in a_options for b, b_rates in b_options]


def _converted(level: Claim, reading: str, context: Context, target: str | None):
    q = getattr(level.value, reading)
    if target is None or _currency(level) in (None, target):
        return [(q, [])]
    conversion = context.converter.conversion(q, target, reading=reading,
                                              reference=rate_date(level, _currency(level) or "", target),
                                              published=context.published(level), start=period_start(level))
    return [(option.quantity, list(option.rates)) for option in conversion.options]


def _change(claim: Claim, new: Claim, old: Claim, a: Quantity, b: Quantity) -> Quantity:
    if not a.unit.compatible(b.unit):
        raise UnitError(f"{new.ref} is {a.unit} but {old.ref} is {b.unit}")
    b = b.to(a.unit)
    if claim.change == "percent":
        ratio = Quantity(a.interval / b.interval - Interval.point(1), ONE)
        return Quantity(ratio.interval.scale(Exact(100)), PERCENT)
    if claim.change == "points":
        return Quantity((a.interval - b.interval).scale(a.unit.factor / POINTS.factor), POINTS)
    return Quantity(a.interval - b.interval, a.unit)


def _hull(quantities: list[Quantity]) -> Quantity:
    interval = quantities[0].interval
    for q in quantities[1:]:
        interval = interval.hull(q.interval)
    return Quantity(interval, quantities[0].unit)


def _currency_note(new: Claim, old: Claim, target: str | None) -> str:
    if target is not None:
        return f"; computed in {target}, each level converted at its own date"
    currency = _currency(new)
    return f"; computed in {currency}, the currency of both levels, without a rate" if currency else ""


def _label(change: str, new: Claim, old: Claim) -> str:
    if change == "percent":
        return f"{new.ref} / {old.ref} - 1"
    return f"{new.ref} - {old.ref}"
