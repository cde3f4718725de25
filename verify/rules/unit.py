"""`unit`: a claim's dimension fits its metric, per the metric vocabulary (data/metrics.toml)."""

from __future__ import annotations

import functools

from verify import resources
from verify.engine import Context, Ran, Skip
from verify.facts import normal
from verify.findings import Finding
from verify.units import Unit


@functools.cache
def vocabulary() -> dict[str, str]:
    return {normal(k): v for k, v in resources.packaged("metrics")["metrics"].items()}


def kind_of(unit: Unit) -> str:
    """The kind of a unit, in the vocabulary's terms."""
    dims = dict(unit.dims)
    currencies = [name for name, _ in unit.currencies]
    if not dims:
        return {"%": "percent", "pp": "points", "bp": "points"}.get(unit.name, "ratio")
    if dims == {"rank": 1}:
        return "rank"
    if len(currencies) == 1 and dims == {currencies[0]: 1}:
        return "money"
    nouns = [n for n in dims if not n.isupper()]
    if len(currencies) == 1 and len(nouns) == 1 and dims == {currencies[0]: 1, nouns[0]: -1}:
        return f"money/count:{nouns[0]}"
    if not currencies and len(dims) == 1 and list(dims.values()) == [1]:
        return f"count:{nouns[0]}"
    return str(unit)


def expected_kind(metric_kind: str, change: str | None) -> str:
    return {"percent": "percent", "points": "points"}.get(change or "", metric_kind)


def fits(kind: str, expected: str) -> bool:
    # a bare number is the count itself ("194,000" employees); a ratio may be written in %
    return (kind == expected
            or (kind == "ratio" and expected.startswith("count:"))
            or (kind == "percent" and expected == "ratio"))


class UnitRule:
    family = "unit"

    def run(self, context: Context):
        known = vocabulary()
        for claim in context.corpus.claims:
            metric_kind = known.get(normal(claim.metric))
            if metric_kind is None:
                yield Skip(self.family)
                continue
            yield Ran(self.family)
            expected = expected_kind(metric_kind, claim.change)
            kind = kind_of(claim.value.unit)
            if fits(kind, expected):
                continue
            yield Finding(
                rule=self.family, id=f"unit.{normal(claim.metric)}", severity="error",
                message=f"{claim.ref}: {claim.metric}"
                        f"{' (' + claim.change + ' change)' if claim.change else ''} is {_say(expected)}, "
                        f"but {claim.value.text!r} is {_say(kind)}",
                claims=(claim,), key=f"unit:{claim.ref}",
            )


def _say(kind: str) -> str:
    if kind.startswith("money/count:"):
        return f"money per {kind.split(':')[1]}"
    if kind.startswith("count:"):
        return f"a count of {kind.split(':')[1]}s"
    return {"money": "money", "percent": "a percentage", "points": "percentage points", "rank": "a rank",
            "ratio": "a plain number"}.get(kind, f"in {kind}")
