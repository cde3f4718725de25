"""Near misses of known names, which would otherwise be taken as meant and check nothing:
a claim's metric a letter or two from one the vocabulary knows ("revnue"), and an
acknowledgement whose `rule` names no rule. Each is a problem naming the closest known
name; a metric far from every known one is a project's own, and is taken as written.
"""

from __future__ import annotations

from typing import Iterable

from verify.claimfile.schema import closest
from verify.facts import normal
from verify.model import Acknowledgement, Claim, Location, Problem

def misspelt_metrics(claims: Iterable[Claim], known: Iterable[str]) -> dict[str, Problem]:
    """A problem for each claim (by ref) whose metric is unknown but a typo away from a known one."""
    known = {normal(m) for m in known}
    near: dict[str, str | None] = {}  # each distinct unknown metric, judged once
    problems = {}
    for claim in claims:
        metric = normal(claim.metric)
        if metric in known:
            continue
        if metric not in near:
            near[metric] = _typo_of(metric, known)
        if near[metric] is not None:
            problems[claim.ref] = Problem(claim.location or Location("?"), (
                f"{claim.ref}: unknown metric {claim.metric!r}: did you mean {near[metric]!r}? (a metric of "
                f'the project\'s own is declared in the config: [metrics] {metric} = "money", or the kind it is)'))
    return problems


def unknown_rule(ack: Acknowledgement, rule_ids: set[str]) -> Problem | None:
    """A problem if the acknowledgement's `rule` is no family or id a finding can carry."""
    rule = ack.rule.strip()
    if rule in rule_ids or (rule.startswith("unit.") and len(rule) > 5):
        return None
    close = closest(rule, tuple(sorted(rule_ids)))
    hint = f"did you mean {close!r}?" if close else "`verify rules` lists them, and a check is named by its id"
    return Problem(ack.location or Location("?"),
                   f"this acknowledgement names no rule: {ack.rule!r}: {hint} (it would silence nothing)")


def _typo_of(name: str, known: set[str]) -> str | None:
    """The known name within an edit or two (one for short names), if exactly one is closest."""
    allowed = 1 if len(name) < 8 else 2
    best, best_distance = [], allowed + 1
    for candidate in known:
        if abs(len(candidate) - len(name)) > allowed:
            continue
        d = _distance(name, candidate, allowed)
        if d > allowed:
            continue
        if d < best_distance:
            best, best_distance = [candidate], d
        elif d == best_distance:
            best.append(candidate)
    return best[0] if len(best) == 1 else None


def _distance(a: str, b: str, limit: int) -> int:
    """Edits (insert, delete, substitute, swap two neighbours) from a to b; limit + 1 once over it."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return min(previous[-1], limit + 1)
