"""`check`: the hand-written [[check]] expressions of claim files."""

from __future__ import annotations

from verify.engine import Context
from verify.model import Claim, resolve_ref
from verify.rules.relation import judge
from verify.vocabulary import typed


class CheckRule:
    family = "check"
    cost = 0.3  # see engine.Rule

    def run(self, context: Context):
        typed_claims: dict[str, Claim | None] = {}  # each claim typed once: an expression collects claims by identity

        for check in context.corpus.checks:
            def resolve(name: str, source=check.source):
                # a bare count (or so many "units") counts what its metric counts, as in the other rules
                ref = resolve_ref(name, source)
                if ref not in typed_claims:
                    claim = context.corpus.claim(ref)
                    typed_claims[ref] = claim if claim is None else typed(claim, context.vocabulary)
                return typed_claims[ref]

            yield from judge(self.family, check.id, check.tree, context, resolve=resolve,
                             key=f"check:{check.ref}", at=check.location, what=f"check {check.id!r}")
