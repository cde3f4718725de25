"""`period-sum`: a flow over a period equals the sum of claimed sub-periods that tile it.

Four quarters make the year, three months the quarter, two quarters the half, and
any claimed sub-ranges that cover an `a..b` range day for day without overlap
make that range. Of the possible tilings the one with fewest pieces is checked
(H1 + H2 before four quarters); its pieces are themselves checked the same way.
Only additive amounts take part: money and counts, not percentages or prices.
"""

from __future__ import annotations

import bisect
from collections import defaultdict, deque
from datetime import date, timedelta

from verify import expressions as ex
from verify import facts
from verify.engine import Context, Skip
from verify.facts import Subject
from verify.model import Claim
from verify.rules.relation import judge
from verify.vocabulary import additive, typed

Span = tuple[date, date]


class PeriodSumRule:
    family = "period-sum"
    cost = 0.7  # see engine.Rule

    def run(self, context: Context):
        series: dict[Subject, dict[Span, list[Claim]]] = defaultdict(dict)
        for subject, _time, claims in facts.levels(context.groups):
            period = claims[0].period
            if period is not None and period.is_calendar and period.start < period.end:
                series[subject][(period.start, period.end)] = claims
        for spans in series.values():
            if len(spans) < 2:
                continue
            ordered = sorted(spans)
            for whole in ordered:
                inside = _inside(ordered, whole)
                if not inside:
                    continue
                tiling = tiles(whole, inside)
                if tiling is None:
                    yield Skip(self.family)
                    continue
                yield from self._judge(spans[whole], [spans[s] for s in tiling], context)

    def _judge(self, wholes: list[Claim], pieces: list[list[Claim]], context: Context):
        whole = typed(wholes[0], context.vocabulary)
        parts = [typed(_same_source(c, whole), context.vocabulary) for c in pieces]
        if not all(additive(c.value.unit) for c in (whole, *parts)):
            return
        claims = {c.ref: c for c in (whole, *parts)}
        tree = ex.Relation("==", ex.Ref(whole.ref, 0), ex.sum_of([p.ref for p in parts]))
        yield from judge(self.family, "period-sum", tree, context, resolve=claims.__getitem__,
                         key=f"period-sum:{','.join(claims)}",
                         message=f"{whole.period.text} is not the sum of its "
                                 f"{' + '.join(p.period.text for p in parts)}")


def _inside(ordered: list[Span], whole: Span) -> list[Span]:
    """Claimed spans strictly inside `whole`, found by bisection over the sorted starts."""
    start = bisect.bisect_left(ordered, (whole[0], date.min))
    stop = bisect.bisect_right(ordered, (whole[1], date.max))
    return [s for s in ordered[start:stop] if s != whole and s[1] <= whole[1]]


def tiles(whole: Span, inside: list[Span]) -> list[Span] | None:
    """The fewest spans from `inside` that cover `whole` day for day, in order; None if none do."""
    by_start: dict[date, list[Span]] = defaultdict(list)
    for span in inside:
        by_start[span[0]].append(span)
    came_from: dict[date, Span] = {}
    queue = deque([whole[0]])
    goal = whole[1] + timedelta(days=1)
    while queue:
        day = queue.popleft()
        if day == goal:
            path, at = [], goal
            while at != whole[0]:
                span = came_from[at]
                path.append(span)
                at = span[0]
            return path[::-1]
        for span in by_start.get(day, ()):
            following = span[1] + timedelta(days=1)
            if following not in came_from:
                came_from[following] = span
                queue.append(following)
    return None


def _same_source(claims: list[Claim], whole: Claim) -> Claim:
    return next((c for c in claims if c.source == whole.source), claims[0])
