"""`extract`: every number of an article's text, with what it could tell of its fact."""

from __future__ import annotations

from datetime import date

import attrs

from verify.draft import entity as entities
from verify.draft.metric import guess_metric
from verify.draft.nonfacts import why_no_fact
from verify.draft.sentences import sentences
from verify.draft.spans import find_spans
from verify.draft.vocabulary import Vocabulary, default_vocabulary
from verify.draft.when import Context, guess_time, note_sentence
from verify.values import Value


@attrs.frozen
class Mention:
    """A number in a text. `start`/`end` span the value as written (hedge and direction
    words included); `value_text` is what `value` was read from (the span, less any
    adjectives before its noun: "90,000 models" for "90,000 derivative models").

    A mention that states no fact has `fact` False and `reason` saying why; its guesses
    are None. Every other field is a guess, to be checked by a person.
    """

    start: int
    end: int
    text: str
    value_text: str
    value: Value | None
    sentence: str
    sentence_start: int
    fact: bool = True
    reason: str | None = None
    metric: str | None = None
    entity: str | None = None
    segment: str | None = None
    change: str | None = None
    since: str | None = None
    period: str | None = None
    as_of: date | None = None


def extract(text: str, *, locale: str = "en_US", published: date | None = None,
            vocabulary: Vocabulary | None = None) -> list[Mention]:
    """Every number in `text` as a Mention, in the order written.

    `published` (the article's date) resolves relative times ("this year", "over the next
    three years") and is the date of levels the text does not date.
    """
    vocab = vocabulary or default_vocabulary()
    bounds = sentences(text)
    main = entities.main_subject(text, bounds, vocab)
    known = entities.capitalised_inside(text, bounds)
    spans = find_spans(text, vocab, locale)
    context = Context(published=published)
    mentions: list[Mention] = []
    i = 0
    for number, (s, e) in enumerate(bounds):
        sentence = text[s:e]
        context.sentence = number
        here = [sp for sp in spans[i:] if sp.anchor_start < e]
        positions = tuple((sp.start - s, sp.end - s) for sp in here)
        while i < len(spans) and spans[i].anchor_start < e:
            span = spans[i]
            i += 1
            if span.anchor_start < s:
                continue
            found = Mention(span.start, span.end, text[span.start:span.end], span.text, span.value, sentence, s)
            reason = why_no_fact(text, span, vocab, s)
            if reason is not None or span.value is None:
                mentions.append(attrs.evolve(found, fact=False, reason=reason))
                continue
            at, at_end = span.start - s, span.end - s
            metric, change = guess_metric(sentence, at, at_end, span.value, vocab)
            entity, segment = entities.guess_entity(sentence, at, at_end, vocab, main, known)
            others = tuple(p for p in positions if p != (at, at_end))
            time = guess_time(sentence, at, at_end, metric, change, vocab.flows, context, others)
            mentions.append(attrs.evolve(found, metric=metric, entity=entity, segment=segment, change=change,
                                         since=time.since, period=time.period, as_of=time.as_of))
        note_sentence(sentence, context)
    return _filled_from_repeats(mentions, vocab)


def _filled_from_repeats(mentions: list[Mention], vocab: Vocabulary) -> list[Mention]:
    """A figure the article repeats ("$53 billion" in a headline, then in the text) takes the
    metric and period of its fullest statement where its own sentence names none."""
    by_reading: dict[tuple, list[Mention]] = {}
    for m in mentions:
        if m.value is not None and m.fact and m.value.rank is None:  # "largest" here is not "first" there
            by_reading.setdefault(_reading(m.value), []).append(m)
    filled = []
    for m in mentions:
        if m.value is not None and m.fact and m.value.rank is None:
            donors = by_reading[_reading(m.value)]
            if m.metric is None:
                donor = next((d for d in donors if d.metric is not None), None)
                if donor is not None:
                    m = attrs.evolve(m, metric=donor.metric, change=donor.change, since=donor.since,
                                     period=donor.period, as_of=None if donor.period else m.as_of)
            if m.metric in vocab.flows and m.period is None:
                donor = next((d for d in donors if d.metric == m.metric and d.period), None)
                if donor is not None:
                    m = attrs.evolve(m, period=donor.period, as_of=None)
        filled.append(m)
    return filled


def _reading(value: Value) -> tuple:
    return value.strict.interval, value.loose.interval, value.unit
