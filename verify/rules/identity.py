"""`identity`: the equations of rule packs, over metrics of one entity at one time.

Claims are bucketed by (entity, segment, market, time), from the fact groups; an
identity runs in every bucket that has a claim for each of its metrics, so the work
is linear in the claims times the identities. A bucket one metric short of an identity is
counted as skipped.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from verify import expressions as ex
from verify import facts
from verify.engine import Context, Skip
from verify.model import Claim
from verify.rules.packs import Identity
from verify.rules.relation import judge
from verify.vocabulary import typed


class IdentityRule:
    family = "identity"
    cost = 1.4  # see engine.Rule

    def run(self, context: Context):
        identities = [i for pack in context.config.rule_packs for i in pack.identities]
        named = {m for identity in identities for m in identity.metrics}
        buckets: dict[tuple, dict[str, list[Claim]]] = defaultdict(dict)
        for subject, time, claims in facts.levels(context.groups):
            if subject.metric in named:
                buckets[(subject.entity, subject.segment, subject.market, time)][subject.metric] = claims
        needed = [(identity, frozenset(identity.metrics)) for identity in identities]
        for metrics in buckets.values():
            for identity, names in needed:
                missing = len(names.difference(metrics))
                if missing:
                    if missing == 1:  # one figure short of a check: worth counting
                        yield Skip(self.family)
                    continue
                yield from self._judge(identity, _chosen(identity, metrics), context)

    def _judge(self, identity: Identity, chosen: dict[str, Claim], context: Context):
        claims = {c.ref: typed(c, context.vocabulary) for c in chosen.values()}
        tree = ex.substitute(identity.tree, {m: c.ref for m, c in chosen.items()})
        yield from judge(
            self.family, f"identity.{identity.id}", tree, context, resolve=claims.__getitem__,
            key=f"identity.{identity.id}:{','.join(sorted(claims))}",
            message=f"{identity.expr} fails for {next(iter(chosen.values())).entity}",
        )


def _chosen(identity: Identity, metrics: dict[str, list[Claim]]) -> dict[str, Claim]:
    """One claim per metric, from the source that states most of them (agreement judges the rest)."""
    # most_common keeps first-seen order among equal counts, as max over the list did
    best = Counter(c.source for m in identity.metrics for c in metrics[m]).most_common(1)[0][0]
    return {m: next((c for c in metrics[m] if c.source == best), metrics[m][0]) for m in identity.metrics}

