"""`check`: the hand-written [[check]] expressions of claim files."""

from __future__ import annotations

from verify import expressions as ex
from verify.engine import Context, Ran
from verify.evaluate import Evaluator
from verify.findings import Finding, Side
from verify.model import Problem, resolve_ref
from verify.rates import RateError
from verify.rules.verdict import severity
from verify.units import UnitError


class CheckRule:
    family = "check"

    def run(self, context: Context):
        for check in context.corpus.checks:
            tree = check.tree

            def resolve(name: str, source=check.source):
                return context.corpus.claim(resolve_ref(name, source))

            try:
                outcomes = {}
                for reading in ("strict", "loose"):
                    evaluator = Evaluator(resolve, context.converter, reading, context.published)
                    outcomes[reading] = (*evaluator.relation(tree), evaluator)
            except (UnitError, RateError) as exc:
                message = getattr(exc, "message", None) or str(exc)
                yield Problem(check.location, f"check {check.id!r} cannot be computed: {message}")
                continue
            yield Ran(self.family)
            (s_left, s_right, s_holds, strict), (l_left, l_right, l_holds, loose) = (
                outcomes["strict"], outcomes["loose"])
            level = severity(s_holds, l_holds)
            if level is None:
                continue
            reading = "loose" if level == "error" else "strict"
            left, right = (l_left, l_right) if level == "error" else (s_left, s_right)
            yield Finding(
                rule=self.family, id=check.id, severity=level,
                message=f"{ex.render(tree)} does not hold {reading}ly: {left} against {right}",
                claims=tuple(strict.claims),
                sides=(Side(ex.render(tree.left), s_left, l_left), Side(ex.render(tree.right), s_right, l_right)),
                rates=tuple(dict.fromkeys(strict.rates + loose.rates)),
                key=f"check:{check.ref}", at=check.location,
            )
