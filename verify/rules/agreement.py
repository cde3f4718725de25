"""`agreement`: claims of the same fact agree, across currencies and units.

Intervals on a line share a value exactly when every pair does, so a group
agrees when its highest low end is at most its lowest high end. Where the group
does not agree but would without one claim, that claim is named the outlier.
Loosely, each claim is a side of the relation: widened by the loose tolerance
after conversion, so the slack does not depend on how many claims the group has.

A flow converted strictly has two options (period-end rate, period average):
the group agrees strictly when one choice per claim agrees, not a rate between
them. A finding names the rates that made a conversion agree.
"""

from __future__ import annotations

import operator
from collections import Counter

from verify.conversion import Option
from verify.engine import Context, Ran
from verify.facts import normal, period_start, rate_date, reference_date
from verify.findings import Finding, Side
from verify.interval import Interval
from verify.model import Claim, Problem, with_value
from verify.quantity import Quantity
from verify.rates import Rate, RateError
from verify.rules.implied import strict_implies_loose
from verify.rules.verdict import severity
from verify.rules.unit import expected_kind, say
from verify.tolerance import reading_note, widened_quantity
from verify.units import Unit
from verify.values.value import with_readings
from verify.vocabulary import Vocabulary, as_kind, fits, kind_of, typed_as


class AgreementRule:
    family = "agreement"
    cost = 1.8  # see engine.Rule

    def run(self, context: Context):
        for key, group in context.groups.items():
            if len(group) < 2:
                continue
            claims, strays = _of_one_kind(group, context.vocabulary)
            written = {c.ref: c for c in group}  # the claims as loaded, for the finding
            yield from strays
            if len(claims) < 2:
                continue
            try:
                readings = {"strict": _aligned(claims, "strict", context)}
                if _implied(claims, readings["strict"], context):  # agrees under both readings
                    yield Ran(self.family, f"agreement:{key}", tuple(written[c.ref] for c in claims))
                    continue
                readings["loose"] = _aligned(claims, "loose", context)
            except RateError as exc:
                yield Problem(claims[0].location, f"cannot compare {', '.join(c.ref for c in claims)}: "
                                                  f"{exc.message}")
                continue
            if readings["strict"] is None:
                continue
            yield Ran(self.family, f"agreement:{key}", tuple(written[c.ref] for c in claims))
            strict, strict_rates, strict_options = readings["strict"]
            loose, loose_rates, _ = readings["loose"]
            widened = [widened_quantity(q, context.tolerance) for q in loose]
            holds_strict = _agree(strict) and _choose(strict_options) is not None
            level = severity(holds_strict, _agree(widened))
            if level is None:
                continue
            failing = loose if level == "error" else strict
            outlier = _outlier(claims, widened if level == "error" else strict)
            values = ", ".join(f"{c.ref} {q}" for c, q in zip(claims, failing))
            message = (f"{outlier.ref} disagrees with the other claims of the same fact"
                       if outlier else "claims of the same fact disagree")
            yield Finding(
                rule=self.family, id=self.family, severity=level,
                message=f"{message} ({reading_note(level, context.tolerance)}): {values}",
                claims=tuple(written[c.ref] for c in claims),
                sides=tuple(Side(c.ref, s, l) for c, s, l in zip(claims, strict, loose)),
                rates=tuple(dict.fromkeys(strict_rates + loose_rates)),
                tolerance=context.tolerance,
                agreed=_days(claims, widened, context) if level == "warning" else (),
                key=f"agreement:{key}",
            )


def _of_one_kind(group: list[Claim], vocabulary: Vocabulary) -> tuple[list[Claim], list[Finding]]:
    """The claims of the group's kind, and a `unit` finding for each claim of another.

    A bare count takes the noun its metric counts, or, for a metric the vocabulary does
    not know, the noun every other claim of the fact counts: "500,000" beside "194,000
    employees" is a count of employees. Where the vocabulary knows the metric, the kind
    is the metric's, and the `unit` rule reports a claim of another; otherwise the kind
    most claims share (the first claim's on a tie), and the claims of others are
    reported here, so that one stray claim does not hide the rest of its group.
    """
    metric_kind = vocabulary.kind(group[0].metric)  # a fact's claims name one metric
    claims = [typed_as(c, metric_kind) for c in group]
    found = [kind_of(c.value.unit) for c in claims]
    nouns = set(found) - {"ratio"}
    nouns = (nouns - {"count:unit"}) or nouns  # "units" take the noun the others count
    if len(nouns) == 1 and next(iter(nouns)).startswith("count:"):
        noun = next(iter(nouns))
        counted = [_counted(c, noun) for c in claims]
        if any(map(operator.is_not, counted, claims)):
            claims = counted
            found = [kind_of(c.value.unit) for c in claims]
    if metric_kind is not None:
        expected = expected_kind(metric_kind, group[0].change)
        fitting = {kind: fits(kind, expected) for kind in set(found)}
        return [c for c, kind in zip(claims, found) if fitting[kind]], []
    kinds = [_kind(c.value.unit) for c in claims]
    counts = Counter(kinds)
    main = max(counts, key=lambda k: (counts[k], -kinds.index(k)))
    same = [c for c, k in zip(claims, kinds) if k == main]
    strays = [Finding(
        rule="unit", id=f"unit.{normal(c.metric)}", severity="error",
        message=(f"{c.ref}: {c.value.text!r} is {say(kind_of(c.value.unit))}, but the other claims of "
                 f"the same fact ({', '.join(s.ref for s in same)}) are {say(kind_of(same[0].value.unit))}"),
        claims=(written,), key=f"unit:{c.ref}",
    ) for c, written, k in zip(claims, group, kinds) if k != main]
    return same, strays


def _counted(claim: Claim, noun: str) -> Claim:
    """The claim as a count of `noun` (itself where it is one already: no copy)."""
    value = claim.value
    strict, loose = as_kind(value.strict, noun), as_kind(value.loose, noun)
    if strict is value.strict and loose is value.loose:
        return claim
    return with_value(claim, with_readings(value, strict, loose))


def _currency(unit: Unit) -> str | None:
    """The one currency of an amount of money, alone or per something ("$191 per share")."""
    currencies = unit.currencies
    return currencies[0][0] if len(currencies) == 1 and currencies[0][1] == 1 else None


def _kind(unit: Unit) -> tuple:
    """What can be compared with what: the unit's dimensions, any currency as one."""
    return tuple(sorted(("¤" if name.isupper() else name, e) for name, e in unit.dims))


def _aligned(claims: list[Claim], reading: str, context: Context):
    """Every claim's reading in the first claim's unit (and currency), each with its options of
    conversion (None where no claim is converted: one option each, the claim as it is); or
    None if kinds differ."""
    first = getattr(claims[0].value, reading)
    unit = first.unit
    target = _currency(unit)
    if all(getattr(c.value, reading).unit is unit for c in claims):  # the common case: nothing to convert
        return [getattr(c.value, reading) for c in claims], [], None
    quantities, rates, options = [], [], []
    for claim in claims:
        q = getattr(claim.value, reading)
        own = _currency(q.unit)
        if target and own and own != target:
            conversion = context.converter.conversion(
                q, target, reading=reading, reference=rate_date(claim, own, target),
                published=context.published(claim), start=period_start(claim))
            q = conversion.quantity
            rates.extend(conversion.rates)
            if not q.unit.compatible(unit):
                return None  # money in two currencies of a unit the converter cannot bring together
            quantities.append(q.to(unit))
            options.append(tuple(Option(o.quantity.to(unit), o.rates) for o in conversion.options))
            continue
        if q.unit is not unit and not q.unit.compatible(unit):
            return None
        q = q.to(unit)  # one option: the claim as it is
        quantities.append(q)
        options.append((Option(q, ()),))
    return quantities, rates, options


def _implied(claims: list[Claim], strict, context: Context) -> bool:
    """Whether the group agrees strictly with nothing converted, and so loosely too (see
    rules.implied): its loose reading would take the same unit and agree, widened or not."""
    return (strict is not None and strict[2] is None and _agree(strict[0])
            and strict_implies_loose([c.value for c in claims], context.tolerance))


def _choose(options: list[tuple[Option, ...]] | None) -> tuple[Rate, ...] | None:
    """The rates of one option per claim under which all agree, or None (`options` None:
    every claim as it is, which agree when `_agree` says so).

    The values the first k claims can share are kept as disjoint-enough pieces, each with the
    rates that reach it; a claim's options cut them. Pieces grow with the options, not their
    product.
    """
    if options is None:
        return ()
    if all(len(o) == 1 for o in options):
        return tuple(r for o in options for r in o[0].rates)
    pieces = {o.quantity.interval: o.rates for o in options[0]}
    for choices in options[1:]:
        cut: dict = {}
        for interval, rates in pieces.items():
            for option in choices:
                common = interval.intersection(option.quantity.interval)
                if common is not None and common not in cut:
                    cut[common] = rates + option.rates
        if not cut:
            return None
        pieces = cut
    return next(iter(pieces.values()))


def _days(claims: list[Claim], quantities: list[Quantity], context: Context) -> tuple[Rate, ...]:
    """For a group that agrees only loosely: each converted claim's daily rate nearest to the one
    that brings it to the value the group meets at."""
    lows = [q.interval.lo for q in quantities]
    highs = [q.interval.hi for q in quantities]
    meeting = _between(max(lows), min(highs))
    target = _currency(claims[0].value.loose.unit)
    days = []
    for claim, q in zip(claims, quantities):
        own = claim.value.loose
        currency = _currency(own.unit)
        if meeting is None or not currency or currency == target:
            continue
        wanted = Quantity(Interval.point(meeting), q.unit).to(own.unit.with_currency(currency, target))
        start = period_start(claim) or reference_date(claim)
        published = context.published(claim)
        end = max(reference_date(claim), published) if published else reference_date(claim)
        try:
            days.append(context.converter.closest_day(own, target, wanted.interval.lo, start=start, end=end))
        except RateError:
            continue
    return tuple(days)


def _between(a, b):
    """A finite point between a and b (in either order), or None if neither is finite."""
    finite = [x for x in (a, b) if not isinstance(x, float)]
    if len(finite) == 2:
        return (a + b) / 2
    return finite[0] if finite else None


def _agree(quantities: list[Quantity]) -> bool:
    """Some value lies in every interval: the highest low end is below the lowest high end
    (at an equal value, an open end binds), found without building the intersections."""
    first = quantities[0].interval
    lo, lo_open, hi, hi_open = first.lo, first.lo_open, first.hi, first.hi_open
    for q in quantities[1:]:
        i = q.interval
        if i.lo > lo:
            lo, lo_open = i.lo, i.lo_open
        elif i.lo == lo:
            lo_open = lo_open or i.lo_open
        if i.hi < hi:
            hi, hi_open = i.hi, i.hi_open
        elif i.hi == hi:
            hi_open = hi_open or i.hi_open
    return lo < hi or (lo == hi and not lo_open and not hi_open)


def _outlier(claims: list[Claim], quantities: list[Quantity]) -> Claim | None:
    """The one claim without which the others agree, if exactly one is.

    The others of claim i agree when what all claims before it share meets what all
    after it share: prefix and suffix intersections make that one step a claim, so a
    fact claimed by thousands of sources costs linear time, not quadratic."""
    if len(claims) < 3:
        return None
    intervals = [q.interval for q in quantities]
    before: list[Interval | None] = [Interval.everything()]  # before[i]: what intervals[:i] share
    for interval in intervals[:-1]:
        before.append(_meet(before[-1], interval))
    lone = None
    after: Interval | None = Interval.everything()  # what intervals[i + 1:] share
    for i in range(len(intervals) - 1, -1, -1):
        if _meet(before[i], after) is not None:
            if lone is not None:
                return None  # two claims could each be the odd one out: name neither
            lone = claims[i]
        after = _meet(after, intervals[i])
    return lone


def _meet(a: Interval | None, b: Interval | None) -> Interval | None:
    """What two intervals share (None: nothing, as for an empty one)."""
    return None if a is None or b is None else a.intersection(b)
