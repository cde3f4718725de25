"""How well `verify.extract` drafts: against hand annotations, and against claims/.

    python benchmarks/draft_accuracy.py

Prints, for the annotated articles in tests/draft/articles/ (tests/draft/gold.toml),
precision and recall of value+unit, metric, entity and time; for the two articles the
project's claims/ encodes, how many of those claims are drafted with the same reading,
metric and time; and the time to extract a 1,000-word article.

A drafted number matches an annotated one when their spans overlap; it is right on
value+unit when both read to the same strict and loose intervals in the same unit, and a
misread when they overlap but read differently.
"""

from __future__ import annotations

import re
import sys
import time
import tomllib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests" / "draft"
SEEDS = {"crn-alibaba-53b-ai-plan.txt": "crn-alibaba-53b-ai-plan.toml",
         "alibaba-ai-race-roundup.txt": "roundup-alibaba-ai-race.toml"}
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})
_SUFFIXES = {"inc", "corp", "corporation", "group", "holding", "holdings", "ltd", "co", "plc", "platforms",
             "the", "company"}


@dataclass
class Tally:
    right: int = 0
    guessed: int = 0  # drafted numbers that carry a guess of this field
    expected: int = 0  # annotated numbers scored on this field
    wrong: list = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.right / self.guessed if self.guessed else 1.0

    @property
    def recall(self) -> float:
        return self.right / self.expected if self.expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Score:
    value: Tally = field(default_factory=Tally)
    metric: Tally = field(default_factory=Tally)
    entity: Tally = field(default_factory=Tally)
    time: Tally = field(default_factory=Tally)
    misread: list = field(default_factory=list)
    articles: int = 0
    numbers: int = 0


def reading(value):
    return value.strict.interval, value.loose.interval, value.unit


def same_entity(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    def words(x):
        return [w for w in re.findall(r"[a-z0-9]+", x.lower().translate(_QUOTES)) if w not in _SUFFIXES]
    wa, wb = words(a), words(b)
    short, long_ = sorted((wa, wb), key=len)
    return bool(short) and long_[:len(short)] == short


def same_time(period: str | None, as_of: date | None, gold_period: str | None, gold_as_of: date | None) -> bool:
    from verify.periods import Period, PeriodParseError

    if gold_period is not None:
        if period is None:
            return False
        try:
            return Period.parse(period).key == Period.parse(gold_period).key
        except PeriodParseError:
            return False
    return as_of == gold_as_of and period is None


def score_gold(gold_file: Path = TESTS / "gold.toml", articles: Path = TESTS / "articles") -> Score:
    from verify.draft import extract

    gold = tomllib.loads(gold_file.read_text(encoding="utf-8"))
    score = Score()
    for article in gold["article"]:
        text = (articles / article["file"]).read_text(encoding="utf-8")
        facts = [m for m in extract(text, published=article["published"]) if m.fact]
        score.articles += 1
        cursor = 0
        matched: dict[int, dict] = {}
        for g in article["numbers"]:
            start = text.index(g["value"], cursor)
            end = cursor = start + len(g["value"])
            score.numbers += 1
            expected = _gold_reading(g.get("reading", g["value"]))
            entity = g.get("entity", article.get("entity"))
            timed = _timed(g)
            score.value.expected += 1
            score.metric.expected += 1
            score.entity.expected += 1
            score.time.expected += timed
            hit = next((i for i, m in enumerate(facts) if i not in matched and m.start < end and start < m.end), None)
            if hit is None:
                score.value.wrong.append((article["file"], g["value"], "missed"))
                continue
            matched[hit] = g
            m = facts[hit]
            if reading(m.value) != expected:
                score.misread.append((article["file"], g["value"], m.text))
                continue
            score.value.right += 1
            _tally(score.metric, m.metric == g["metric"], (article["file"], g["value"], m.metric, g["metric"]))
            _tally(score.entity, same_entity(m.entity, entity), (article["file"], g["value"], m.entity, entity))
            if timed:
                _tally(score.time, same_time(m.period, m.as_of, g.get("period"), g.get("as_of")),
                       (article["file"], g["value"], m.period or m.as_of, g.get("period") or g.get("as_of")))
        score.value.guessed += len(facts)
        score.metric.guessed += sum(m.metric is not None for m in facts)
        score.entity.guessed += sum(m.entity is not None for m in facts)
        score.time.guessed += sum((m.period is not None or m.as_of is not None)
                                  for i, m in enumerate(facts) if i not in matched or _timed(matched[i]))
        for i, m in enumerate(facts):
            if i not in matched:
                score.value.wrong.append((article["file"], m.text, "drafted, not annotated"))
    return score


def _gold_reading(text: str):
    """The annotation's reading; None where the value grammar cannot read it (yet): any
    reading drafted for it is then a misread."""
    from verify.errors import ValueParseError
    from verify.values import parse_value

    try:
        return reading(parse_value(text))
    except ValueParseError:
        return None


def _timed(annotation: dict) -> bool:
    return "period" in annotation or "as_of" in annotation


def _tally(tally: Tally, right: bool, case) -> None:
    if right:
        tally.right += 1
    else:
        tally.wrong.append(case)


@dataclass
class SeedScore:
    claims: int = 0
    drafted: int = 0  # drafted with the same reading of the value
    metric: int = 0
    time: int = 0
    missing: list = field(default_factory=list)
    wrong_metric: list = field(default_factory=list)
    wrong_time: list = field(default_factory=list)


def score_seeds(articles: Path = TESTS / "articles", claims: Path = ROOT / "claims") -> SeedScore:
    from verify.draft import extract
    from verify.periods import Period
    from verify.values import parse_value

    score = SeedScore()
    for article_name, claims_name in SEEDS.items():
        data = tomllib.loads((claims / claims_name).read_text(encoding="utf-8"))
        published = data["source"]["published"]
        text = (articles / article_name).read_text(encoding="utf-8")
        facts = [m for m in extract(text, published=published) if m.fact]
        for claim in data["claim"]:
            score.claims += 1
            expected = reading(parse_value(claim["value"]))
            quote = _normal(claim["quote"])
            found = [m for m in facts if reading(m.value) == expected
                     and (quote in _normal(m.sentence) or _normal(m.sentence) in quote)]
            if not found:
                score.missing.append((claims_name, claim["id"]))
                continue
            score.drafted += 1
            m = found[0]
            if m.metric == claim["metric"]:
                score.metric += 1
            else:
                score.wrong_metric.append((claim["id"], m.metric, claim["metric"]))
            if "period" in claim:
                right = m.period is not None and Period.parse(m.period).key == Period.parse(claim["period"]).key
            else:
                right = m.period is None and (m.as_of or published) == claim.get("as_of", published)
            if right:
                score.time += 1
            else:
                score.wrong_time.append((claim["id"], m.period or m.as_of, claim.get("period") or claim.get("as_of")))
    return score


def _normal(text: str) -> str:
    return " ".join(text.translate(_QUOTES).lower().split())


def thousand_words() -> str:
    """A 1,000-word article: the annotated articles one after another, cut at 1,000 words."""
    words: list[str] = []
    for path in sorted((TESTS / "articles").glob("*.txt")):
        words.extend(path.read_text(encoding="utf-8").split(" "))
    return " ".join(words[:1000])


def extract_seconds(text: str, repeats: int = 5) -> float:
    """The median time to extract `text`, with the vocabulary and grammar already loaded."""
    from verify.draft import extract

    extract("Revenue rose 8% to $38.4 billion in the fourth quarter of 2024.")
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        extract(text, published=date(2025, 2, 24))
        times.append(time.perf_counter() - start)
    return sorted(times)[len(times) // 2]


def main() -> int:
    sys.path.insert(0, str(ROOT))
    seeds = score_seeds()
    print(f"claims/ ({seeds.claims} claims): drafted with the same reading {seeds.drafted}/{seeds.claims}, "
          f"metric right {seeds.metric}/{seeds.claims} ({seeds.metric / seeds.claims:.0%}), "
          f"period/as_of right {seeds.time}/{seeds.claims} ({seeds.time / seeds.claims:.0%})")
    for label, cases in (("missing", seeds.missing), ("metric", seeds.wrong_metric), ("time", seeds.wrong_time)):
        for case in cases:
            print(f"  {label}: {case}")
    s = score_gold()
    print(f"\nannotated articles: {s.articles} articles, {s.numbers} numbers; misread values: {len(s.misread)}")
    print(f"{'':8} {'precision':>9} {'recall':>7} {'F1':>6}")
    for name in ("value", "metric", "entity", "time"):
        t = getattr(s, name)
        print(f"{name:8} {t.precision:9.3f} {t.recall:7.3f} {t.f1:6.3f}   ({t.right} right, {t.guessed} guessed, "
              f"{t.expected} annotated)")
    if "-v" in sys.argv:
        for name in ("value", "metric", "entity", "time"):
            for case in getattr(s, name).wrong:
                print(f"  {name}: {case}")
        for case in s.misread:
            print(f"  misread: {case}")
    text = thousand_words()
    print(f"\nextract, {len(text.split())} words: {extract_seconds(text) * 1000:.0f} ms (median of 5)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
