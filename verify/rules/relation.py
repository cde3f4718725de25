"""Judging one relation over claims under both readings: the shared core of the
`check`, `identity`, `period-sum` and `share` rules.

Evaluation failures differ by who wrote the relation: a hand-written check
that mixes kinds is the writer's problem to fix, while a relation a rule built
on its own (an identity over claims whose units do not fit it) is skipped, as
the `unit` rule already reports the claim.
"""

from __future__ import annotations

from typing import Callable, Iterator

from verify import expressions as ex
from verify.exact import Exact
from verify.engine import Context, Ran, Skip
from verify.errors import InputError
from verify.evaluate import Evaluator
from verify.findings import Finding, Side
from verify.model import Claim, Location, Problem
from verify.rates import RateError
from verify.rules.implied import strict_implies_loose
from verify.rules.verdict import severity
from verify.tolerance import adverb
from verify.units import UnitError


def judge(
    family: str,
    rule_id: str,
    tree: ex.Relation,
    context: Context,
    *,
    resolve: Callable[[str], Claim],
    key: str,
    at: Location | None = None,
    what: str | None = None,
    message: str | None = None,
) -> Iterator[Finding | Ran | Skip | Problem]:
    """Evaluate `tree` strictly and loosely; yield Ran and, if it fails, a Finding.

    `what` names a hand-written relation ("check 'x'"): its unit errors are Problems
    at `at`. Without it, unit errors skip. A missing rate is always a Problem.
    `message` prefixes the finding's message.
    """
    try:
        strict_evaluator = Evaluator(resolve, context.converter, "strict", context.published, Exact(0))
        outcomes = {"strict": (*strict_evaluator.relation(tree), strict_evaluator)}
        if outcomes["strict"][2] and _implied(strict_evaluator, context):
            yield Ran(family, key, tuple(strict_evaluator.claims))  # holds loosely too: see rules.implied
            return
        loose_evaluator = Evaluator(resolve, context.converter, "loose", context.published, context.tolerance)
        outcomes["loose"] = (*loose_evaluator.relation(tree), loose_evaluator)
    except UnitError as exc:
        if what is None:
            yield Skip(family)
        else:
            yield Problem(at, f"{what} cannot be computed: {exc}")
        return
    except InputError as exc:  # a quoted value that cannot be read
        yield Problem(at or Location("?"), f"{what or ex.render(tree)} cannot be computed: {exc.message}")
        return
    except RateError as exc:
        where = at or next((resolve(r.name).location for r in ex.refs(tree)), None)
        yield Problem(where, f"{what or ex.render(tree)} cannot be computed: {exc.message}")
        return
    yield Ran(family, key, tuple(outcomes["strict"][3].claims))
    (s_left, s_right, s_holds, strict), (l_left, l_right, l_holds, loose) = outcomes["strict"], outcomes["loose"]
    level = severity(s_holds, l_holds)
    if level is None:
        return
    left, right = (l_left, l_right) if level == "error" else (s_left, s_right)
    # where the range between the flows' rates overlaps, no one rate per flow did
    how = " at any one of each flow's rates" if level == "warning" and strict.combined else ""
    text = f"{ex.render(tree)} does not hold {adverb(level, context.tolerance)}{how}: {left} against {right}"
    yield Finding(
        rule=family, id=rule_id, severity=level,
        message=f"{message}: {text}" if message else text,
        claims=tuple(strict.claims),
        sides=(Side(ex.render(tree.left), s_left, l_left), Side(ex.render(tree.right), s_right, l_right)),
        rates=tuple(dict.fromkeys(strict.rates + loose.rates)),
        key=key, at=at, tolerance=context.tolerance,
        agreed=loose.agreeing_fixings(tree) if level == "warning" else (),
    )


def _implied(strict: Evaluator, context: Context) -> bool:
    """Whether a relation that held under `strict` holds loosely too, known without evaluating it."""
    return (not strict.converted and not strict.quoted
            and strict_implies_loose([c.value for c in strict.claims], context.tolerance))
