"""`check`: the hand-written [[check]] expressions of claim files."""

from __future__ import annotations

from verify.engine import Context
from verify.model import resolve_ref
from verify.rules.relation import judge


class CheckRule:
    family = "check"
    cost = 0.3  # see engine.Rule

    def run(self, context: Context):
        for check in context.corpus.checks:
            def resolve(name: str, source=check.source):
                return context.corpus.claim(resolve_ref(name, source))

            yield from judge(self.family, check.id, check.tree, context, resolve=resolve,
                             key=f"check:{check.ref}", at=check.location, what=f"check {check.id!r}")
