"""Which rules a run reports: the names given to --select/--ignore (or the config's
`select`/`ignore`), checked against the rules that exist before anything is filtered,
since a misspelt name would otherwise select nothing and pass in silence."""

from __future__ import annotations

from verify import suggest


def known_names(corpus, config) -> tuple[str, ...]:
    """Every rule family and id a name may give: the families, the identities of the packs
    in force, the checks, and the ids families give findings (`unit.<metric>` for each
    metric of the vocabulary or of a claim)."""
    from verify.rules.catalogue import catalogue, finding_ids
    from verify.facts import normal

    infos = catalogue(config)
    metrics = sorted({normal(m) for m in config.vocabulary.metrics()} | {normal(c.metric) for c in corpus.claims})
    per_finding: list[str] = []
    for name in (name for ids in finding_ids().values() for name in ids):
        per_finding += [name.replace("<metric>", m) for m in metrics] if "<metric>" in name else [name]
    names = dict.fromkeys([*sorted({info.family for info in infos}), *(info.id for info in infos),
                           *(c.id for c in corpus.checks), *per_finding])
    return tuple(names)


def unknown_names(names: list[str] | tuple[str, ...], corpus, config) -> list[str]:
    """A message for each name that is no rule family or id, naming the closest one."""
    known = suggest.Names(known_names(corpus, config))
    return [f"unknown rule {name!r}: " + (f"did you mean {close!r}?" if (close := known.closest(name))
                                          else "`verify rules` lists them, and a check is named by its id")
            for name in names if name not in known]
