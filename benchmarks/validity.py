"""The validity study: how often `verify` catches a seeded error, and how often it cries wolf.

Clean corpora (the project's claims/, the golden corpus, a generated corpus with no
garbled figures, and figures encoded by hand from companies' published results in
benchmarks/validity_corpus/) are checked as they are: every finding there is a false
alarm unless the data itself disagrees. Then copies are made with one seeded error each,
in a claim that takes part in at least one relation, and the finding that names the
seeded claim (error, warning, or nothing) is counted per kind of error.

    python benchmarks/validity.py                 # writes docs/validity.md
    python benchmarks/validity.py --per-kind 5 --output -   # a quick run to the terminal
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import random
import re
import sys
import tempfile
from collections import Counter, defaultdict
from datetime import timedelta
from fractions import Fraction
from pathlib import Path
from typing import Callable

import attrs

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import verify  # noqa: E402
from verify.config import Config, discover  # noqa: E402
from verify.conversion import Conversion, Converter  # noqa: E402
from verify.engine import builtin_rules  # noqa: E402
from verify.facts import group, normal, reference_date, time_key  # noqa: E402
from verify.model import Claim, Corpus  # noqa: E402
from verify.rates import RateError, bundled  # noqa: E402

LOOSE = Fraction(2, 100)  # the default loose tolerance: a move larger than this should be an error
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_SCALES = {"billion": "million", "million": "billion", "trillion": "billion", "bn": "mn", "mn": "bn",
           "tn": "bn", "m": "bn", "b": "m"}
_SCALE = re.compile(r"\b(" + "|".join(sorted(_SCALES, key=len, reverse=True)) + r")\b")
_CURRENCIES = (("RMB ¥", "HK$"), ("US$", "€"), ("HK$", "US$"), ("RMB", "HK$"), ("CN¥", "HK$"),
               ("USD", "EUR"), ("EUR", "USD"), ("CNY", "HKD"), ("GBP", "USD"), ("$", "€"), ("€", "$"),
               ("£", "$"))
_DIRECTIONS = {"up": "down", "down": "up", "rose": "fell", "fell": "rose", "gained": "lost", "lost": "gained",
               "grew": "dropped", "dropped": "grew", "increased": "decreased", "decreased": "increased"}
_DIRECTION = re.compile(r"\b(" + "|".join(_DIRECTIONS) + r")\b")
_HEDGES = {"more than": "less than", "less than": "more than", "over": "under", "under": "over",
           "above": "below", "below": "above", "nearly": "just over", "almost": "just over",
           "just under": "just over", "just over": "just under", "at least": "up to", "up to": "at least",
           "about": "", "around": "", "approximately": "", "roughly": "", "some": ""}
_HEDGE = re.compile(r"^(" + "|".join(sorted(_HEDGES, key=len, reverse=True)) + r")\s+", re.IGNORECASE)

Mutation = Callable[["Study", Claim], "tuple[Claim, Fraction | None] | None"]


# -- the corpora -----------------------------------------------------------------


def corpora(tmp: Path, generated: int) -> dict[str, list[str]]:
    import generate

    generate.INCONSISTENT = 0  # clean: the generator garbles a few figures on purpose otherwise
    folder = tmp / "generated"
    generate.write_corpus(generated, folder, seed=16)
    return {"project corpus (claims/)": [str(ROOT / "claims")],
            "golden corpus (tests/golden/claims)": [str(ROOT / "tests" / "golden" / "claims")],
            f"generated ({generated} claims, no garbled figures)": [str(folder)],
            "hand-encoded results (benchmarks/validity_corpus)": [str(HERE / "validity_corpus")]}


# -- the seeded errors -------------------------------------------------------------


def _with_value(claim: Claim, text: str, **fields) -> Claim | None:
    try:
        return attrs.evolve(claim, value=text, **fields)
    except Exception:  # a mutation the grammar cannot read is no seeded error
        return None


def _middle(claim: Claim) -> Fraction | None:
    i = claim.value.strict.interval
    if not i.bounded:
        return None
    return (i.lo + i.hi) / 2


def _moved(old: Claim, new: Claim) -> Fraction | None:
    """How far the seeded value lies from the written one, in the old value's unit."""
    a = _middle(old)
    try:
        b = new.value.strict.to(old.value.strict.unit)
    except Exception:
        return None
    if a is None or a == 0 or not b.interval.bounded:
        return None
    return abs((b.interval.lo + b.interval.hi) / 2 / a - 1)


def scale_slip(study, claim):
    m = _SCALE.search(claim.value.text)
    if not m:
        return None
    text = claim.value.text[:m.start()] + _SCALES[m.group(1)] + claim.value.text[m.end():]
    new = _with_value(claim, text)
    return new and (new, _moved(claim, new))


def wrong_currency(study, claim):
    text = claim.value.text
    for old, new_symbol in _CURRENCIES:
        if old in text:
            new = _with_value(claim, text.replace(old, new_symbol, 1))
            if new is None or not new.value.unit.currencies:
                return None
            return new, study.currency_move(claim, new)
    return None


def swapped_digits(study, claim):
    m = _NUMBER.search(claim.value.text)
    if not m:
        return None
    digits = list(m.group(0))
    places = [i for i, c in enumerate(digits) if c.isdigit()]
    for a, b in zip(places, places[1:]):
        if digits[a] != digits[b]:
            digits[a], digits[b] = digits[b], digits[a]
            break
    else:
        return None
    new = _with_value(claim, claim.value.text[:m.start()] + "".join(digits) + claim.value.text[m.end():])
    return new and (new, _moved(claim, new))


def decimal_moved(study, claim):
    m = _NUMBER.search(claim.value.text)
    if not m:
        return None
    number = m.group(0).replace(",", "")
    whole, _, decimals = number.partition(".")
    moved = whole + decimals[:1] + ("." + decimals[1:] if decimals[1:] else "") if decimals else \
        (whole[:-1] + "." + whole[-1] if len(whole) > 1 else "0." + whole)
    new = _with_value(claim, claim.value.text[:m.start()] + moved + claim.value.text[m.end():])
    return new and (new, _moved(claim, new))


def wrong_period(study, claim):
    try:
        if claim.period is not None and claim.period.kind == "quarter":
            year, quarter = int(claim.period.text[:4]), int(claim.period.text[-1])
            text = f"{year}-Q{quarter - 1}" if quarter > 1 else f"{year - 1}-Q4"
            return attrs.evolve(claim, period=text), None
        if claim.period is not None and claim.period.kind == "year":
            return attrs.evolve(claim, period=str(int(claim.period.text) - 1)), None
        if claim.period is None and claim.as_of is not None:
            return attrs.evolve(claim, as_of=claim.as_of - timedelta(days=365)), None
    except Exception:
        return None
    return None


def sign_flip(study, claim):
    m = _DIRECTION.search(claim.value.text)
    if not m:
        return None
    new = _with_value(claim, claim.value.text[:m.start()] + _DIRECTIONS[m.group(1)] + claim.value.text[m.end():])
    return new and (new, _moved(claim, new))


def percent_points(study, claim):
    text = claim.value.text
    if claim.change == "percent" and text.rstrip().endswith("%"):
        new = _with_value(claim, text.rstrip()[:-1] + " percentage points", change="points")
    elif claim.change == "points" and "point" in text:
        new = _with_value(claim, re.sub(r"\s*(percentage points|points|pp)\b", "%", text), change="percent")
    else:
        return None
    return new and (new, None)


def stale_rate(study, claim):
    """The claim's figure as if converted from its fact's other currency at a rate a year off."""
    other = study.other_currency.get(claim.ref)
    own = claim.value.unit.currencies[0][0] if claim.value.unit.currencies else None
    day = reference_date(claim)
    if other is None or own is None or day is None:
        return None
    try:
        now = study.rates.rate(other, own, day).value
        then = study.rates.rate(other, own, day - timedelta(days=365)).value
    except RateError:
        return None
    m = _NUMBER.search(claim.value.text)
    if not m:
        return None
    written = m.group(0).replace(",", "")
    decimals = len(written.partition(".")[2])
    value = Fraction(written) * then / now
    text = f"{float(value):.{decimals}f}"
    new = _with_value(claim, claim.value.text[:m.start()] + text + claim.value.text[m.end():])
    return new and (new, _moved(claim, new))


def hedge_changed(study, claim):
    m = _HEDGE.match(claim.value.text)
    if not m:
        return None
    swapped = _HEDGES[m.group(1).lower()]
    rest = claim.value.text[m.end():]
    new = _with_value(claim, f"{swapped} {rest}" if swapped else rest)
    return new and (new, None)


def share_over_100(study, claim):
    others = study.market_total.get(claim.ref)
    if others is None:
        return None
    target = 100 - others + 10  # the market then adds up to 110%
    if target <= 0:
        return None
    new = _with_value(claim, f"{float(target):.1f}%")
    return new and (new, _moved(claim, new))


KINDS: dict[str, Mutation] = {
    "scale slip (million/billion)": scale_slip,
    "wrong currency": wrong_currency,
    "two digits swapped": swapped_digits,
    "decimal point moved": decimal_moved,
    "wrong quarter or year": wrong_period,
    "sign flip (up/down)": sign_flip,
    "percent vs percentage points": percent_points,
    "stale exchange rate (a year off)": stale_rate,
    "hedge dropped or reversed": hedge_changed,
    "share total above 100%": share_over_100,
}


# -- why a seeded error is missed ----------------------------------------------------

# Each miss of a value-moving error is explained by the fewest of these slacks of the rules
# that, taken away together in a copy of the check, turn it into an error: the cause is
# computed, not judged. Subsets are tried smallest first, in this order.
SLACKS = {
    "window": "the loose reading's window of daily rates (from a flow's first day or a level's date "
              "to publication): the claims read loosely at their strict rates only",
    "average": "a flow's second strict rate: a flow converted strictly at its period-end fixing only, "
               "not also at its period average",
    "others": "the hedges of the claims it is compared with (`about`, `nearly`, `over`, ...): those "
              "claims read as their bare figures",
    "own": "the seeded claim's own hedge: the seeded claim read as its bare figure",
    "tolerance": "the relation's loose tolerance (2%, of the relation's sides, not of each claim): a "
                 "slip in one part of a sum moves the sum by less",
}
CAUSES = {
    "unrelated": "no rule relates the seeded claim to another once it is seeded",
    "inequality": "only inequalities relate it (a hand-written `>` or `<=`, a share or a part at "
                  "most its whole), and the slip goes the way they allow",
    "rounding": "the seeded figure and the written one, each read bare as its rounding (half a unit of "
                "its last digit either way; a currency at the claim's date), lie within the tolerance",
    **SLACKS,
    "none": "none of these, alone or together",
}


@contextlib.contextmanager
def _patched(slacks: frozenset):
    """Converter.conversion without the slacks named: no loose window (the loose reading
    converts at the strict rates), no period average (a flow strictly at its period end)."""
    original = Converter.conversion

    def conversion(self, quantity, to, *, reading, reference, published, start=None):
        if "window" in slacks:
            reading = "strict"
        found = original(self, quantity, to, reading=reading, reference=reference, published=published, start=start)
        return Conversion(found.options[:1]) if "average" in slacks else found

    Converter.conversion = conversion
    try:
        yield
    finally:
        Converter.conversion = original


def _unhedged(claim: Claim) -> Claim:
    """The claim as its bare figure, its hedge word taken away ("about $9.1bn" as "$9.1bn")."""
    m = _HEDGE.match(claim.value.text)
    return (_with_value(claim, claim.value.text[m.end():]) or claim) if m else claim


def _gap(old: Claim, new: Claim, rates) -> Fraction | None:
    """How far apart the old and new figures, read bare, lie (0 where they overlap), relative to
    the old value's middle; None where they cannot be compared."""
    old, new = _unhedged(old), _unhedged(new)
    a, middle = old.value.strict.interval, _middle(old)
    day = reference_date(old)
    try:
        own, seeded = old.value.strict, new.value.strict
        if own.unit.currencies and seeded.unit.currencies != own.unit.currencies and day is not None:
            seeded = rates.convert(seeded, own.unit.currencies[0][0], day)[0]
        b = seeded.to(own.unit).interval
    except Exception:
        return None
    if middle is None or middle == 0 or not b.bounded:
        return None
    apart = max(b.lo - a.hi, a.lo - b.hi, Fraction(0))
    return abs(apart / middle)


# -- running -----------------------------------------------------------------------


@attrs.define
class Study:
    corpus: Corpus
    config: object
    rates: object
    clean: object = None
    other_currency: dict = attrs.Factory(dict)
    market_total: dict = attrs.Factory(dict)

    def __attrs_post_init__(self):
        self.clean = verify.check(self.corpus, config=self.config)
        for claims in group(self.corpus.claims).values():
            currencies = {c.value.unit.currencies[0][0] for c in claims if c.value.unit.currencies}
            for c in claims:
                own = c.value.unit.currencies[0][0] if c.value.unit.currencies else None
                others = sorted(currencies - {own})
                if own and others:
                    self.other_currency[c.ref] = others[0]
        # a market's shares as the share rule adds them up: each entity once, its first claim
        # (another claim of the same entity's share is a duplicate, judged by agreement)
        markets: dict[tuple, dict[str, Claim]] = defaultdict(dict)
        for c in self.corpus.claims:
            if c.market and not c.change and str(c.value.strict.unit) == "%":
                key = (normal(c.metric), normal(c.market), normal(c.segment), time_key(c))
                markets[key].setdefault(normal(c.entity), c)
        for by_entity in markets.values():
            shares = list(by_entity.values())
            if len(shares) >= 2 and all(_middle(s) is not None for s in shares):
                total = sum(_middle(s) for s in shares)
                for s in shares:
                    self.market_total[s.ref] = total - _middle(s)

    def currency_move(self, old: Claim, new: Claim) -> Fraction | None:
        a, b = old.value.unit.currencies[0][0], new.value.unit.currencies[0][0]
        day = reference_date(old)
        if day is None:
            return None
        try:
            return abs(self.rates.rate(b, a, day).value - 1)
        except RateError:
            return None

    def related(self) -> list[Claim]:
        """Claims some rule relates to others, and no clean finding names (a seeded error in a
        relation that already fails could not be told apart)."""
        skip = {c.ref for c in self.clean.unchecked} | {c.ref for f in self.clean.findings for c in f.claims}
        return [c for c in self.corpus.claims if c.ref not in skip]

    def outcome(self, old: Claim, new: Claim, slacks: frozenset = frozenset()) -> str:
        """The seeded claim's outcome; with `slacks`, in a check without those slacks."""
        claims = tuple(new if c is old else c for c in self.corpus.claims)
        if "own" in slacks or "others" in slacks:
            claims = tuple(_unhedged(c) if ("own" if c is new else "others") in slacks else c for c in claims)
        config = self.config
        if "tolerance" in slacks:
            config = attrs.evolve(config or Config(), loose_tolerance=Fraction(0))
        corpus, rules = attrs.evolve(self.corpus, claims=claims), None
        if "equalities" in slacks:  # only the relations that say two things are equal
            corpus = attrs.evolve(corpus, checks=tuple(c for c in corpus.checks if c.tree.op == "=="))
            rules = [rule for rule in builtin_rules() if rule.family != "share"]
        with _patched(slacks):
            report = verify.check(corpus, config=config, rules=rules)
        if slacks & {"related", "equalities"}:
            return "related" if old.ref in report.checked else "unrelated"
        before = {(f.key, f.severity) for f in self.clean.findings}
        found = {f.severity for f in report.findings
                 if (f.key, f.severity) not in before and any(c.ref == old.ref for c in f.claims)}
        problems = [p for p in report.problems if old.ref in str(p)]
        if "error" in found or problems:
            return "error"
        return "warning" if "warning" in found else "nothing"

    def cause(self, old: Claim, new: Claim) -> str:
        """Why a value-moving error was missed: the fewest slacks whose removal makes it an error."""
        if self.outcome(old, new, frozenset(["related"])) == "unrelated":
            return "unrelated"
        if self.outcome(old, new, frozenset(["equalities"])) == "unrelated":
            return "inequality"
        gap = _gap(old, new, self.rates)
        if gap is not None and gap <= LOOSE:
            return "rounding"
        for size in range(1, len(SLACKS) + 1):
            for slacks in itertools.combinations(SLACKS, size):
                if self.outcome(old, new, frozenset(slacks)) == "error":
                    return " + ".join(slacks)
        return "none"


def clean_only(size: int, seeds=(16, 17, 18)) -> list[tuple]:
    """Larger generated corpora, checked as they are (no seeded error): false alarms at scale."""
    import generate

    generate.INCONSISTENT = 0
    found = []
    with tempfile.TemporaryDirectory() as tmp:
        for seed in seeds:
            folder = Path(tmp) / f"clean-{seed}"
            generate.write_corpus(size, folder, seed=seed)
            corpus = verify.load([str(folder)])
            report = verify.check(corpus)
            found.append((f"generated ({size} claims, seed {seed}, not seeded)", len(corpus.claims),
                          len(corpus.problems), report.findings))
    return found


def run(per_kind: int, generated: int, seed: int = 16):
    rates = bundled()
    rng = random.Random(seed)
    rows: dict[str, Counter] = {kind: Counter() for kind in KINDS}
    misses: dict[str, list[str]] = defaultdict(list)
    causes: dict[str, Counter] = {kind: Counter() for kind in KINDS}
    clean = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, paths in corpora(Path(tmp), generated).items():
            config = discover(paths)
            corpus = verify.load(paths, config=config)
            study = Study(corpus, config, rates)
            clean.append((name, len(corpus.claims), len(corpus.problems), study.clean.findings))
            related = study.related()
            for kind, mutate in KINDS.items():
                seeded = [(c, m) for c in related if (m := mutate(study, c)) is not None]
                for claim, (new, move) in rng.sample(seeded, min(per_kind, len(seeded))):
                    result = study.outcome(claim, new)
                    # a one-sided hedge ("over x") reads loosely without a bound on that side
                    bounded = claim.value.loose.interval.bounded and new.value.loose.interval.bounded
                    big = move is not None and move > LOOSE
                    rows[kind][(result, "n/a" if move is None else "open" if big and not bounded else
                                "big" if big else "small")] += 1
                    if result != "error" and big and bounded:
                        cause = study.cause(claim, new)
                        causes[kind][cause] += 1
                        misses[kind].append(f"{name}: {claim.ref} {claim.value.text!r} → {new.value.text!r} "
                                            f"(moved {float(move):.1%}): {result}; cause: {cause}")
    return rows, misses, clean, causes


# -- the report --------------------------------------------------------------------


def markdown(rows, misses, clean, causes, per_kind: int, generated: int) -> str:
    lines = ["# Validity study", "",
             "Generated by `python benchmarks/validity.py` (do not edit by hand).", "",
             "## Method", "",
             "Clean corpora are checked as they are; then, for each kind of error below, up to "
             f"{per_kind} claims per corpus that take part in at least one relation (a claim the "
             "report does not list as unchecked) and that no clean finding names are chosen at "
             "random (seed 16), and each is "
             "replaced, in its own copy of the corpus, by the same claim with one seeded error. "
             "The copy is checked, and the seeded claim's outcome is the most severe new "
             "finding that names it (a problem that names it counts as an error). A seeded "
             "error *moves the value* by the relative distance between the middles of the "
             "old and new strict readings (for a wrong currency, at the rate of the claim's "
             "date); the target applies to moves above the loose tolerance (2%). Kinds that "
             "change no value (a period, a hedge, percent for points) are counted without a "
             "move. A value with a one-sided hedge (`over x`, `more than x`, `under x`) reads "
             "loosely as everything beyond x, so a slip in that direction cannot fail loosely: "
             "such moves are counted in their own column, outside the target.", "",
             "Corpora:", ""]
    for name, n, problems, findings in clean:
        lines.append(f"- {name}: {n} claims, {problems} load problems")
    lines += ["", "## Seeded errors", "",
              "| kind | copies | moved > 2%: error | moved > 2%: warning | moved > 2%: nothing "
              "| moved > 2%, one-sided hedge (error/warning/nothing) "
              "| moved ≤ 2% (error/warning/nothing) | no value moved (error/warning/nothing) |",
              "|---|---|---|---|---|---|---|---|"]
    all_big = Counter()
    for kind, counts in rows.items():
        n = sum(counts.values())
        big = [counts[(r, "big")] for r in ("error", "warning", "nothing")]
        small = "/".join(str(counts[(r, "small")]) for r in ("error", "warning", "nothing"))
        none = "/".join(str(counts[(r, "n/a")]) for r in ("error", "warning", "nothing"))
        open_ended = "/".join(str(counts[(r, "open")]) for r in ("error", "warning", "nothing"))
        all_big.update({r: counts[(r, "big")] for r in ("error", "warning", "nothing")})
        share = f" ({big[0] / sum(big):.0%})" if sum(big) else ""
        lines.append(f"| {kind} | {n} | {big[0]}{share} | {big[1]} | {big[2]} | {open_ended} | {small} | {none} |")
    moved = sum(all_big.values())
    if moved:
        lines += ["", f"Seeded errors that move a value by more than 2%: {moved}, caught as errors "
                  f"{all_big['error']} ({all_big['error'] / moved:.1%}), as warnings {all_big['warning']}, "
                  f"missed {all_big['nothing']} (target: at least 95% as errors)."]
    lines += ["", "### Why the value-moving misses are missed", "",
              "Each miss is checked again in copies of its corpus with slacks of the rules taken "
              "away: first whether any rule relates the seeded claim to another at all, whether only "
              "inequalities do, and whether "
              "the slip, read bare, is within the tolerance; then the fewest of the slacks below (smallest sets first, in this order) whose removal turns "
              "the miss into an error is its cause (`window + others`: both together, neither "
              "alone). A slack is a miss by design: the rules accept that much on purpose.", ""]
    lines += [f"- `{name}`: {meaning}" for name, meaning in CAUSES.items()]
    lines += ["", "| kind | misses (warning or nothing) | causes |", "|---|---|---|"]
    for kind, counts in causes.items():
        if counts:
            listed = "; ".join(f"{cause}: {n}" for cause, n in counts.most_common())
            lines.append(f"| {kind} | {sum(counts.values())} | {listed} |")
    by_cause = Counter()
    for counts in causes.values():
        by_cause.update(counts)
    if by_cause:
        total = sum(by_cause.values())
        designed = sum(n for cause, n in by_cause.items() if cause not in ("unrelated", "none"))
        lines += ["", "Over all kinds: " + "; ".join(f"{cause} {n}" for cause, n in by_cause.most_common()) + ". "
                  f"Of {total} misses, {designed} lie within a slack the rules keep on purpose (or a "
                  f"rounding), {by_cause['unrelated']} are of a claim no rule relates once seeded, and "
                  f"{by_cause['none']} are explained by none of these."]
    lines += ["", "Kinds that change no value (a wrong quarter or year, a hedge dropped or reversed, "
              "percent for points) are outside the target: a wrong period is caught only where the "
              "claim's new period has claims of its own to disagree with, a hedge only where its "
              "direction matters.", "", "### Misses of value-moving errors", ""]
    any_miss = False
    for kind, entries in misses.items():
        for entry in entries:
            lines.append(f"- {kind}: {entry}")
            any_miss = True
    if not any_miss:
        lines.append("None.")
    lines += ["", "## Clean corpora", "",
              "Findings on the corpora as they are. The project and golden corpora hold "
              "discrepancies on purpose (their READMEs explain each); on the others, the generated "
              "corpus (one true figure per fact, hedged and rounded as reporters do) and the "
              "figures encoded from companies' own releases, every finding is a false alarm.", "",
              "| corpus | claims | errors | warnings | errors per 1,000 claims | warnings per 1,000 claims |",
              "|---|---|---|---|---|---|"]
    clean_claims = clean_errors = clean_warnings = 0
    for name, n, _, findings in clean:
        e = sum(1 for f in findings if f.severity == "error")
        w = sum(1 for f in findings if f.severity == "warning")
        lines.append(f"| {name} | {n} | {e} | {w} | {e / n * 1000:.1f} | {w / n * 1000:.1f} |")
        if _meant_clean(name):
            clean_claims, clean_errors, clean_warnings = clean_claims + n, clean_errors + e, clean_warnings + w
    if clean_claims:
        lines += ["", f"False alarms on the corpora meant to agree: {clean_errors} errors and "
                  f"{clean_warnings} warnings in {clean_claims} claims ({clean_errors / clean_claims * 1000:.1f} "
                  f"and {clean_warnings / clean_claims * 1000:.1f} per 1,000 claims; target: no error, "
                  "at most 1 warning per 1,000 claims).", ""]
    for name, _, _, findings in clean:
        for f in findings:
            message = f.message.replace(str(ROOT) + "/", "")  # paths relative to the repository
            lines.append(f"- {name}: {f.severity}[{f.id}] {message[:200]}")
    return "\n".join(lines) + "\n"


def _meant_clean(name: str) -> bool:
    """The corpora with no discrepancy planted: every finding there is a false alarm."""
    return name.startswith(("generated", "hand-encoded"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-kind", type=int, default=40, help="seeded copies per kind and corpus")
    parser.add_argument("--generated", type=int, default=400, help="claims in the generated corpus")
    parser.add_argument("--clean", type=int, default=10_000,
                        help="claims in each of three larger generated corpora checked for false alarms only")
    parser.add_argument("--output", default=str(ROOT / "docs" / "validity.md"), help="a file, or - for stdout")
    args = parser.parse_args()
    rows, misses, clean, causes = run(args.per_kind, args.generated)
    if args.clean:
        clean += clean_only(args.clean)
    text = markdown(rows, misses, clean, causes, args.per_kind, args.generated)
    for kind, counts in causes.items():  # the misses' causes, kind by kind, for the terminal too
        if counts:
            print(f"{kind}: {sum(counts.values())} misses: "
                  + ", ".join(f"{cause} {n}" for cause, n in counts.most_common()))
    if args.output == "-":
        sys.stdout.write(text)
    else:
        Path(args.output).write_text(text, encoding="utf-8")
        print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
