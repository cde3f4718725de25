"""Which rules a run reports: the names given to --select/--ignore (or the config's
`select`/`ignore`), checked against the rules that exist before anything is filtered,
since a misspelt name would otherwise select nothing and pass in silence."""

from __future__ import annotations

from verify.claimfile.schema import unknown


def known_names(corpus, config) -> tuple[tuple[str, ...], frozenset[str]]:
    """(every rule family and id a name may give, the families whose ids are made per finding)."""
    from verify.rules.catalogue import catalogue

    infos = catalogue(config)
    families = {info.family for info in infos}
    names = dict.fromkeys([*sorted(families), *(info.id for info in infos), *(c.id for c in corpus.checks)])
    return tuple(names), frozenset(families - {"identity"})


def unknown_names(names: list[str] | tuple[str, ...], corpus, config) -> list[str]:
    """A message for each name that is no rule family or id, naming the closest one.

    Below a family other than identity (whose ids its packs list), any id is taken: a
    family names some of its ids after what a finding is about (`unit.revenue`)."""
    known, open_families = known_names(corpus, config)
    messages = []
    for name in names:
        family, dot, _ = name.partition(".")
        if name not in known and not (dot and family in open_families):
            messages.append(unknown(name, known, "rule"))
    return messages
