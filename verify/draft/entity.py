"""Who a number is about: the nearest name in its sentence, else the article's main subject.

A name is a run of capitalised words ("Amazon Web Services"); the main subject is the
name the article repeats most, written in its fullest organisation form ("Alibaba Group").
"X's Cloud Intelligence Group" makes X the entity and the rest its segment.
"""

from __future__ import annotations

import re
from collections import Counter

import attrs

from verify.draft.vocabulary import Vocabulary

_NAME = re.compile(r"(?<![\w$€£¥])(?:[A-Z][\w&.-]*[\w&]|[A-Z])(?:[ \t]+(?:of|and|&|de|la)?[ \t]*(?:[A-Z][\w&.-]*[\w&]|[A-Z]))*")
_POSSESSIVE = re.compile(r"^['’]s\b")
_OWNED = re.compile(r"\b(?:our|its|their|his|her|my|your)\s+$", re.IGNORECASE)


@attrs.frozen
class Name:
    text: str
    start: int
    end: int
    owner: str | None = None  # "Alibaba" in "Alibaba's Cloud Intelligence Group"


def names(sentence: str, vocab: Vocabulary) -> list[Name]:
    found: list[Name] = []
    title_case = _title_case(sentence)
    for m in _NAME.finditer(sentence):
        words = m.group().split()
        start = m.start()
        while words and (words[0] in vocab.not_entities or words[0].rstrip(".") in vocab.not_entities):
            start = sentence.index(words[1], start + len(words[0])) if len(words) > 1 else m.end()
            words = words[1:]
        while words and words[-1] in vocab.not_entities and words[-1] not in vocab.org_suffixes:
            words = words[:-1]
        while words and words[-1] in ("of", "and", "&", "de", "la"):
            words = words[:-1]
        if not words or title_case or re.search(r"according to\s+(?:the\s+)?$", sentence[:m.start()], re.I):
            continue  # a headline's capitals name nothing; "according to X" names a source
        if any(re.match(r"[A-Z]+-[a-z]", w) for w in words):
            continue  # "AI-related" describes, it names no one
        if len(words) == 1 and _OWNED.search(sentence, 0, start):
            continue  # "our Cloud revenue": a capitalised common noun
        text = " ".join(words)
        if text.isupper() and len(text) <= 3 and text not in ("AWS", "IBM", "AMD", "BYD", "TSMC"):
            continue  # an acronym of a currency, unit or period more often than a company
        owner = None
        if found and _POSSESSIVE.match(sentence[found[-1].end:]) and found[-1].end + 3 >= start:
            owner = found[-1].text
        found.append(Name(text, start, start + len(text), owner))
    return found


def _title_case(sentence: str) -> bool:
    """A headline: most of its words capitalised, where no sentence's names are."""
    words = re.findall(r"[A-Za-z][\w’'-]*", sentence)
    if len(words) < 4:
        return len(words) > 0 and all(w[0].isupper() for w in words)
    return sum(w[0].isupper() for w in words) / len(words) > 0.6


def main_subject(text: str, sentences: list[tuple[int, int]], vocab: Vocabulary) -> str | None:
    counts: Counter[str] = Counter()
    forms: Counter[str] = Counter()
    for s, e in sentences:
        for name in names(text[s:e], vocab):
            counts[name.text.split()[0]] += 1
            forms[name.text] += 1
    if not counts:
        return None
    first, _ = counts.most_common(1)[0]
    candidates = [f for f in forms if f.split()[0] == first]
    org = [f for f in candidates if f.split()[-1] in vocab.org_suffixes and len(f.split()) == 2]
    if org:
        return max(org, key=lambda f: forms[f])
    return max(candidates, key=lambda f: (forms[f], -len(f)))


def guess_entity(sentence: str, at: int, at_end: int, vocab: Vocabulary, main: str | None) -> tuple[str | None, str | None]:
    """(entity, segment) for the value at sentence[at:at_end]."""
    found = names(sentence, vocab)
    before = [n for n in found if n.end <= at]
    name = before[-1] if before else next((n for n in found if n.start >= at_end), None)
    if name is None:
        return main, None
    if name.owner:
        return _as_main(name.owner, main), name.text
    return _as_main(name.text, main), None


def _as_main(name: str, main: str | None) -> str:
    if main and name.split()[0] == main.split()[0]:
        return main
    return name
