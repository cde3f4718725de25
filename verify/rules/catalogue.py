"""What each rule checks, in words: for `verify explain`, `verify rules` and SARIF metadata.

Families describe themselves in `verify/data/rules.toml`; identities in their
rule packs; a hand-written check by its expression and note.
"""

from __future__ import annotations

import attrs

from verify import resources


@attrs.frozen
class RuleInfo:
    id: str
    family: str
    summary: str
    explain: str = ""
    example: str = ""
    origin: str = "built-in"
    readings: str = ""  # how the relation is judged under the two readings


def families() -> dict[str, RuleInfo]:
    return {name: RuleInfo(name, name, entry["summary"], entry["explain"].strip(), entry["example"].strip(),
                           readings=entry.get("readings", "").strip())
            for name, entry in resources.packaged("rules").items()}


def finding_ids() -> dict[str, tuple[str, ...]]:
    """The ids a family gives its findings beside its own name (`share.rank`); `<metric>`
    stands for any metric's name (`unit.revenue`)."""
    return {name: tuple(entry.get("ids", ())) for name, entry in resources.packaged("rules").items()}


def catalogue(config=None) -> list[RuleInfo]:
    """Every rule family, then every identity of the packs in force."""
    known = families()
    infos = list(known.values())
    from verify.config import Config

    for pack in (config or Config()).rule_packs:
        for identity in pack.identities:
            infos.append(RuleInfo(f"identity.{identity.id}", "identity", identity.expr, identity.explain,
                                  identity.example, f"{pack.name} pack ({pack.origin})",
                                  known["identity"].readings))
    return infos


def describe(rule_id: str, family: str, config=None, note: str | None = None) -> RuleInfo:
    """The description of a rule id as findings carry it; a check's id falls back to its family."""
    known = {info.id: info for info in catalogue(config)}
    if rule_id in known:
        return known[rule_id]
    base = known.get(family) or RuleInfo(family, family, family)
    return attrs.evolve(base, id=rule_id, summary=note or base.summary)
