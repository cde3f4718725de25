"""`unit`: a claim's dimension fits its metric, and a percentage its metric's bounds, per
the metric vocabulary (data/metrics.toml)."""

from __future__ import annotations

from verify.engine import Context, Ran, Skip
from verify.facts import normal
from verify.findings import Finding
from verify.vocabulary import fits, kind_of


def expected_kind(metric_kind: str, change: str | None) -> str:
    return _CHANGE_KINDS.get(change or "", metric_kind)


_CHANGE_KINDS = {"percent": "percent", "points": "points"}  # a change's kind, where it is not its metric's


class UnitRule:
    family = "unit"
    cost = 0.5  # see engine.Rule

    def run(self, context: Context):
        vocabulary = context.vocabulary
        # what the vocabulary says of a metric, change and unit, asked once each: a corpus has few
        said: dict[tuple, tuple] = {}
        for claim in context.corpus.claims:
            unit = claim.value.unit
            asked = (claim.metric, claim.change, id(unit))
            answer = said.get(asked)
            if answer is None:
                answer = said[asked] = (*_judged(vocabulary, claim.metric, claim.change, unit), unit)
            metric_kind, expected, kind, fit, bounds, _ = answer
            if metric_kind is None:
                yield Skip(self.family)
                continue
            yield Ran(self.family, f"unit:{claim.ref}")
            if fit:
                if bounds is not None:
                    yield from _beyond(claim, bounds)
                continue
            yield Finding(
                rule=self.family, id=f"unit.{normal(claim.metric)}", severity="error",
                message=f"{claim.ref}: {claim.metric}"
                        f"{' (' + claim.change + ' change)' if claim.change else ''} is {say(expected)}, "
                        f"but {claim.value.text!r} is {say(kind)}",
                claims=(claim,), key=f"unit:{claim.ref}",
            )


def _judged(vocabulary, metric: str, change: str | None, unit):
    """(metric's kind, the kind expected, the unit's kind, whether it fits, the percentage
    bounds to test it against or None)."""
    metric_kind = vocabulary.kind(metric)
    if metric_kind is None:
        return None, None, None, False, None
    expected = expected_kind(metric_kind, change)
    kind = kind_of(unit)
    fit = fits(kind, expected)
    bounds = vocabulary.bounds.get(normal(metric)) if fit and kind == "percent" and not change else None
    return metric_kind, expected, kind, fit, bounds


def _beyond(claim, bounds):
    """A finding if the claim's percentage lies wholly outside what its metric can be:
    an error if its loose reading does, a warning if only its strict one does."""
    low, high = bounds
    factor = claim.value.unit.factor

    def outside(reading) -> bool:
        i = getattr(claim.value, reading).interval
        return ((high is not None and (i.lo * factor > high or (i.lo * factor == high and i.lo_open)))
                or (low is not None and (i.hi * factor < low or (i.hi * factor == low and i.hi_open))))

    if not outside("strict"):
        return
    said = (f"from {low * 100}% to {high * 100}%" if low is not None and high is not None
            else f"at most {high * 100}%" if high is not None else f"at least {low * 100}%")
    yield Finding(
        rule="unit", id=f"unit.{normal(claim.metric)}", severity="error" if outside("loose") else "warning",
        message=f"{claim.ref}: {claim.metric} is {said}, but {claim.value.text!r} is {claim.value.strict}",
        claims=(claim,), key=f"unit.bounds:{claim.ref}",
    )


def say(kind: str) -> str:
    if kind.startswith("money/count:"):
        return f"money per {kind.split(':')[1]}"
    if kind.startswith("count:"):
        return f"a count of {kind.split(':')[1]}s"
    return {"money": "money", "percent": "a percentage", "points": "percentage points", "rank": "a rank",
            "ratio": "a plain number"}.get(kind, f"in {kind}")
