"""[[check]] candidates where one sentence states a relation between its numbers.

- "4% of a $90 billion market ... $3.6 billion": the part is the share of the whole;
- "$38.4 billion, up 8% from $35.5 billion": the level is the baseline grown by the change.

A relation whose numbers are all in the sentence becomes a [[check]] marked as a guess;
one that needs a number the text does not give is written as a comment to finish.
"""

from __future__ import annotations

import re

import tomlkit

from verify.draft import writer
from verify.draft.mention import Mention
from verify.draft.metric import kind_of

_OF = re.compile(r"^\s+(?:of|of\s+(?:a|an|the|its|their|his|her|total|all))\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE)
_FROM = re.compile(r"\bfrom\s+$", re.IGNORECASE)


def candidates(facts: list[Mention], ids: list[str]) -> list:
    """Check tables (complete relations) and comment texts (relations to finish)."""
    out: list = []
    by_sentence: dict[int, list[tuple[Mention, str]]] = {}
    for m, claim_id in zip(facts, ids):
        by_sentence.setdefault(m.sentence_start, []).append((m, claim_id))
    taken: set[str] = set()
    for group in by_sentence.values():
        out.extend(_shares(group, taken))
        out.extend(_growths(group, taken))
    return out


def _shares(group, taken):
    for i, (share, share_id) in enumerate(group):
        if kind_of(share.value) != "percent" or share.change:
            continue
        for whole, whole_id in group[i + 1:]:
            between = share.sentence[share.end - share.sentence_start:whole.start - whole.sentence_start]
            if not _OF.match(" " + between.lstrip() if between[:1] != " " else between):
                continue
            kind = kind_of(whole.value)
            part = next((cid for m, cid in group if m is not whole and m is not share and not m.change
                         and kind_of(m.value) == kind), None)
            check_id = writer.unique_id(f"{share_id}_of_{whole_id}", taken)
            if part is not None:
                yield _check(check_id, f"{part} == {share_id} * {whole_id}",
                             f"{share.text} of {whole.text}, as one sentence states it")
            else:
                yield (f"[[check]]  # TODO: name the claim that is {share.text} of {whole.text}\n"
                       f'id = "{check_id}"\nexpr = "PART == {share_id} * {whole_id}"')
            break


def _growths(group, taken):
    for change, change_id in group:
        if change.change != "percent":
            continue
        levels = [(m, cid) for m, cid in group if not m.change and kind_of(m.value) not in ("percent", "rank")
                  and m.metric == change.metric]
        if not levels:
            continue
        baseline = next(((m, cid) for m, cid in levels
                         if _FROM.search(m.sentence[:m.start - m.sentence_start])), None)
        level = next(((m, cid) for m, cid in levels if baseline is None or m is not baseline[0]), None)
        if level is None:
            continue
        if baseline is not None:
            check_id = writer.unique_id(f"{change_id}_vs_levels", taken)
            yield _check(check_id, f"{level[1]} == {baseline[1]} * (1 + {change_id})",
                         f"{level[0].text}, {change.text} from {baseline[0].text}")
        else:
            yield (f"`{level[1]}` and its change `{change_id}`: the change rule checks them together once "
                   "the\nfigure the change is measured from is claimed (same metric, the earlier time).")


def _check(check_id: str, expr: str, note: str):
    t = tomlkit.table()
    t.add("id", check_id)
    t.add("expr", expr)
    writer.note(t["expr"], writer.GUESSED)
    t.add("note", note)
    return t
