"""`share`: market shares add up to at most 100%, a part is at most its whole, and a
stated rank agrees with the stated shares.

Which metrics are shares, and which metric ranks them, is data (the [shares]
table of the metric vocabulary). Shares meet when their metric, market, segment
and time agree; one claim per entity takes part (agreement judges duplicates).
"""

from __future__ import annotations

import bisect
import math
from collections import defaultdict
from fractions import Fraction

from verify import expressions as ex
from verify.engine import Context, Ran, Skip
from verify.exact import Exact
from verify.facts import FactKey, Subject, normal, time_key
from verify.findings import Finding, Side
from verify.interval import INF, Interval
from verify.model import Claim
from verify.quantity import Quantity
from verify.rules.relation import judge
from verify.rules.verdict import severity
from verify.tolerance import per_side, widened
from verify.units import RANK
from verify.vocabulary import additive, typed

WHOLE = ex.Number(Exact(1), "100%")  # exact: the whole market, not a value someone wrote


class ShareRule:
    family = "share"
    cost = 0.3  # see engine.Rule

    def run(self, context: Context):
        vocabulary = context.vocabulary
        markets: dict[tuple, dict[str, Claim]] = defaultdict(dict)
        ranks: list[tuple[Claim, tuple]] = []
        rank_of = vocabulary.rank_metrics()
        for claim in context.corpus.claims:
            if claim.change is not None:
                continue
            metric = normal(claim.metric)
            if metric in vocabulary.shares:
                markets[_market(claim, metric)].setdefault(normal(claim.entity), claim)
            elif metric in rank_of:
                ranks.append((claim, _market(claim, rank_of[metric])))
        for shares in markets.values():
            yield from self._total(list(shares.values()), context)
        standings: dict = {}  # each market's shares, sorted once per reading
        for claim, market in ranks:
            yield from self._rank(claim, markets.get(market, {}), standings, context)
        yield from self._parts(context)

    def _total(self, shares: list[Claim], context: Context):
        claims = {c.ref: c for c in shares}
        tree = ex.Relation("<=", ex.sum_of(list(claims)), WHOLE)
        market = shares[0].market or "the market"
        yield from judge(self.family, "share.total", tree, context, resolve=claims.__getitem__,
                         key=f"share.total:{','.join(sorted(claims))}",
                         message=f"the shares of {market} add up to more than {WHOLE.text}")

    def _rank(self, claim: Claim, shares: dict[str, Claim], standings: dict, context: Context):
        own = shares.get(normal(claim.entity))
        rank = claim.value.rank
        if own is None or rank is None:
            yield Skip(self.family)
            return
        yield Ran(self.family, f"share.rank:{claim.ref}", (claim, own))  # the market's shares: share.total
        others = [c for entity, c in shares.items() if entity != normal(claim.entity)]
        tolerances = {"strict": Exact(0), "loose": context.tolerance}  # the shares are the sides compared
        implied = {reading: _implied_rank(own, _standing(shares, reading, standings, tolerance), reading, tolerance)
                   for reading, tolerance in tolerances.items()}
        holds = {reading: implied[reading].interval.overlaps(getattr(claim.value, reading).interval)
                 for reading in implied}
        level = severity(holds["strict"], holds["loose"])
        if level is None:
            return
        reading = "loose" if level == "error" else "strict"
        shown = f"loose reading, each share {per_side(context.tolerance)}" if level == "error" else "strict reading"
        yield Finding(
            rule=self.family, id="share.rank", severity=level,
            message=(f"{claim.ref} says {claim.value.text!r} (rank {rank}), but the stated shares of "
                     f"{claim.market or 'the market'} place {claim.entity} at rank "
                     f"{_say_ranks(implied[reading].interval)} ({shown})"),
            claims=(claim, own, *others),
            sides=(Side(claim.ref, claim.value.strict, claim.value.loose),
                   Side(f"rank of {own.ref} among the shares", implied["strict"], implied["loose"])),
            key=f"share.rank:{claim.ref}",  # no tolerance: it widened the shares, not these sides
        )

    def _parts(self, context: Context):
        """A segment's figure is at most its entity's whole figure for the same metric and time."""
        groups = context.groups
        for key, parts in groups.items():
            if not key.subject.segment or key.change or context.vocabulary.can_be_negative(key.subject.metric):
                continue
            whole_key = FactKey(Subject(key.subject.entity, key.subject.metric, "", key.subject.market),
                                "", (), key.time)
            wholes = groups.get(whole_key)
            if not wholes:
                continue
            part, whole = typed(parts[0], context.vocabulary), typed(wholes[0], context.vocabulary)
            if not (additive(part.value.unit) and additive(whole.value.unit)):
                continue
            claims = {part.ref: part, whole.ref: whole}
            tree = ex.Relation("<=", ex.Ref(part.ref, 0), ex.Ref(whole.ref, 0))
            yield from judge(self.family, "share.part", tree, context, resolve=claims.__getitem__,
                             key=f"share.part:{part.ref},{whole.ref}",
                             message=f"the {part.segment} segment exceeds the whole of {part.entity}")


def _market(claim: Claim, share_metric: str) -> tuple:
    return (share_metric, normal(claim.market), normal(claim.segment), time_key(claim))


class _Standing:
    """A market's shares under one reading, sorted so that each rank is counted in log time."""

    def __init__(self, intervals: list[Interval]):
        self.lows = sorted((i.lo, i.lo_open) for i in intervals)  # a closed low end before an open one
        self.highs = sorted(i.hi for i in intervals)
        self.total_low = sum((i.lo for i in intervals), Exact(0))


def _standing(shares: dict[str, Claim], reading: str, standings: dict, tolerance: Fraction) -> _Standing:
    key = (id(shares), reading)
    if key not in standings:
        standings[key] = _Standing([widened(getattr(c.value, reading).to_base().interval, tolerance)
                                    for c in shares.values()])
    return standings[key]


def _implied_rank(own: Claim, market: _Standing, reading: str, tolerance: Fraction) -> Quantity:
    """The ranks the shares allow: above it, every share surely larger, up to every share
    possibly larger plus as many unnamed competitors as the share left unclaimed can fit.

    Counted over the whole market (`own` among them) by bisection, then `own` taken out.
    Each share is widened by the tolerance, as the market's were."""
    mine = widened(getattr(own.value, reading).to_base().interval, tolerance)
    n = len(market.lows)
    # surely larger: a low end above my high end, or at it where either end is open
    surely = n - bisect.bisect_left(market.lows, (mine.hi, not mine.hi_open))
    # possibly larger: a high end above my low end (mine is never surely larger than itself)
    possibly = n - bisect.bisect_right(market.highs, mine.lo) - (1 if mine.lo < mine.hi else 0)
    room = 1 - market.total_low
    if room <= 0:
        unnamed: int | float = 0
    elif mine.lo <= 0:
        unnamed = math.inf
    else:
        unnamed = math.ceil(room / mine.lo) - 1
    high = possibly + 1 + unnamed
    if high == math.inf:
        return Quantity(Interval(Exact(surely + 1), INF, hi_open=True), RANK)
    return Quantity(Interval(Exact(surely + 1), Exact(high)), RANK)


def _say_ranks(interval: Interval) -> str:
    if interval.lo == interval.hi:
        return str(interval.lo)
    if interval.hi == INF:
        return f"{interval.lo} or lower"
    return f"{interval.lo} to {interval.hi}"
