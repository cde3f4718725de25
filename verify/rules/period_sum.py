"""`period-sum`: a flow over a period equals the sum of claimed sub-periods that tile it.

Four quarters make the year, three months the quarter, two quarters the half, and
any claimed sub-ranges that cover an `a..b` range day for day without overlap
make that range. Of the possible tilings the one with fewest pieces is checked
(H1 + H2 before four quarters); its pieces are themselves checked the same way.
The sum is checked once per source that states the whole, each with that source's
own pieces where it states them. Only additive amounts take part: money and
counts, not percentages or prices.
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
            index = Spans(spans)
            for whole in index.ordered:
                if not index.has_inside(whole):
                    continue
                tiling = index.tiling(whole)
                if tiling is None:
                    yield Skip(self.family)
                    continue
                yield from self._judge(spans[whole], [spans[s] for s in tiling], context)

    def _judge(self, wholes: list[Claim], pieces: list[list[Claim]], context: Context):
        """The sum once per source that states the whole, with that source's own pieces where it
        states them: a wrong total is not hidden behind another source's looser one (agreement
        compares the totals, but against a hedged "over $x" a tenfold slip reads as agreeing)."""
        sources: dict[str, Claim] = {}
        for claim in wholes:
            sources.setdefault(claim.source, claim)
        for whole in sources.values():
            yield from self._sum(whole, pieces, context)

    def _sum(self, whole: Claim, pieces: list[list[Claim]], context: Context):
        whole = typed(whole, context.vocabulary)
        parts = [typed(_same_source(c, whole), context.vocabulary) for c in pieces]
        if not all(additive(c.value.unit) for c in (whole, *parts)):
            return
        claims = {c.ref: c for c in (whole, *parts)}
        tree = ex.Relation("==", ex.Ref(whole.ref, 0), ex.sum_of([p.ref for p in parts]))
        yield from judge(self.family, "period-sum", tree, context, resolve=claims.__getitem__,
                         key=f"period-sum:{','.join(claims)}",
                         message=f"{whole.period.text} is not the sum of its "
                                 f"{' + '.join(p.period.text for p in parts)}")


class Spans:
    """The claimed spans of one subject, indexed once for every whole it holds.

    Spans sorted by start, with a sparse table of their ends, tell in constant time
    whether any span lies inside a whole; spans grouped by start day, each group sorted
    by end, let the search for a tiling touch only the spans it can use. Nested and
    overlapping ranges by the thousand then cost about n log n, not n² (every whole
    scanning every span that starts inside it)."""

    def __init__(self, spans) -> None:
        self.ordered: list[Span] = sorted(set(spans))
        self.starts = [s[0] for s in self.ordered]
        ends = [s[1] for s in self.ordered]
        self.table = [ends]  # table[k][i]: the earliest end among ordered[i : i + 2**k]
        while 2 ** len(self.table) <= len(ends):
            prev, half = self.table[-1], 2 ** (len(self.table) - 1)
            self.table.append([min(prev[i], prev[i + half]) for i in range(len(prev) - half)])
        self.by_start: dict[date, list[Span]] = defaultdict(list)
        for span in self.ordered:  # in order of start, then end
            self.by_start[span[0]].append(span)

    def _earliest_end(self, lo: int, hi: int) -> date | None:
        if lo >= hi:
            return None
        k = (hi - lo).bit_length() - 1
        return min(self.table[k][lo], self.table[k][hi - 2 ** k])

    def has_inside(self, whole: Span) -> bool:
        """Whether some other claimed span lies within `whole`."""
        lo = bisect.bisect_left(self.starts, whole[0])
        hi = bisect.bisect_right(self.starts, whole[1])
        at = bisect.bisect_left(self.ordered, whole, lo, hi)
        if not (at < hi and self.ordered[at] == whole):
            at = hi  # not itself a claimed span: nothing to leave out
        return any(end is not None and end <= whole[1]
                   for end in (self._earliest_end(lo, at), self._earliest_end(at + 1, hi)))

    def tiling(self, whole: Span) -> list[Span] | None:
        """The fewest other spans that cover `whole` day for day, in order; None if none do."""
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
            group = self.by_start.get(day, ())
            for span in group[:bisect.bisect_right(group, (day, whole[1]))]:  # those that end in time
                if span == whole:
                    continue
                following = span[1] + timedelta(days=1)
                if following not in came_from:
                    came_from[following] = span
                    queue.append(following)
        return None


def _same_source(claims: list[Claim], whole: Claim) -> Claim:
    return next((c for c in claims if c.source == whole.source), claims[0])
