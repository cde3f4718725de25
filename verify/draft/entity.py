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
_SPEAKS = re.compile(r"\s+(?:said|says|told|added|noted|wrote|estimated|estimates|reported|expects)\b")
_PART = re.compile(r"\s+(?:revenue|revenues|sales|advertising|segment|unit|division|business|arm)\b", re.IGNORECASE)
_WHERE = re.compile(r"\b(?:in|from)\s+$")
_OWNED = re.compile(r"\b(?:our|its|their|his|her|my|your)\s+$", re.IGNORECASE)


@attrs.frozen
class Name:
    text: str
    start: int
    end: int
    owner: str | None = None  # "Alibaba" in "Alibaba's Cloud Intelligence Group"


def names(sentence: str, vocab: Vocabulary, known: frozenset[str] = frozenset(), *,
          speakers: bool = False) -> list[Name]:
    """The names in a sentence. A lone capitalised word opening the sentence is a name only
    if the article writes it capitalised elsewhere too (`known`): "Gaming brought in ..."."""
    found: list[Name] = []
    title_case = _title_case(sentence)
    opening = len(sentence) - len(sentence.lstrip(" \"'“‘(["))
    for m in _NAME.finditer(sentence):
        words = m.group().split()
        start = m.start()
        if start == opening and len(words) == 1 and words[0] not in known:
            continue
        if not speakers and _SPEAKS.match(sentence, m.end()):
            continue  # "Anat Ashkenazi told analysts": who says it, not whom it is about
        while words and (words[0] in vocab.not_entities or words[0].rstrip(".") in vocab.not_entities):
            start = sentence.index(words[1], start + len(words[0])) if len(words) > 1 else m.end()
            words = words[1:]
        while words and words[-1] in vocab.not_entities and words[-1] not in vocab.org_suffixes:
            words = words[:-1]
        while words and words[-1] in ("of", "and", "&", "de", "la"):
            words = words[:-1]
        if not words or title_case or re.search(r"according to\s+(?:the\s+)?$", sentence[:m.start()], re.I):
            continue  # a headline's capitals name nothing; "according to X" names a source
        if any(re.search(r"-[a-z]", w) for w in words):
            continue  # "AI-related", "California-based" describe, they name no one
        if len(words) == 1 and _OWNED.search(sentence, 0, start):
            continue  # "our Cloud revenue": a capitalised common noun
        text = " ".join(words)
        if text.isupper() and len(text) <= 3 and text not in ("AWS", "IBM", "AMD", "BYD", "TSMC"):
            continue  # an acronym of a currency, unit or period more often than a company
        owner = None
        if found and _POSSESSIVE.match(sentence[found[-1].end:]) and found[-1].end + 3 >= start:
            owner = found[-1].text
        elif _PART.match(sentence, start + len(text)) or _WHERE.search(sentence, 0, start):
            owner = ""  # "Google Cloud revenue", "sales in Greater China": a part of the article's subject
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
    known = capitalised_inside(text, sentences)
    for s, e in sentences:
        for name in names(text[s:e], vocab, known, speakers=True):
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


def capitalised_inside(text: str, sentences: list[tuple[int, int]]) -> frozenset[str]:
    """Words the article capitalises other than at a sentence's start, or opens several sentences with."""
    words: set[str] = set()
    openers: Counter[str] = Counter()
    for s, e in sentences:
        words.update(re.findall(r"(?<=[\s(])[A-Z][\w&.-]*", text[s:e]))
        if m := re.match(r"[\"'“‘(\[]?([A-Z][\w&.-]*)", text[s:e]):
            openers[m.group(1)] += 1
    return frozenset(words | {w for w, n in openers.items() if n >= 2})


def guess_entity(sentence: str, at: int, at_end: int, vocab: Vocabulary, main: str | None,
                 known: frozenset[str] = frozenset()) -> tuple[str | None, str | None]:
    """(entity, segment) for the value at sentence[at:at_end]."""
    found = names(sentence, vocab, known)
    before = [n for n in found if n.end <= at]
    name = before[-1] if before else next((n for n in found if n.start >= at_end), None)
    if name is None:
        return main, None
    if name.owner == "":
        return main, name.text
    if name.owner:
        return _as_main(name.owner, main), name.text
    return _as_main(name.text, main), None


def _as_main(name: str, main: str | None) -> str:
    if main and name.split()[0] == main.split()[0]:
        return main
    return name
