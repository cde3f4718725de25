"""The report for editors: one self-contained HTML page, read next to the article.

A summary; the problems; every finding with its claims, quotes, computation under
both readings, rates and a picture of the sides' intervals; then each article's
text with every claimed number marked by its verdict and linked to its claims.
No network: inline CSS, a little inline JavaScript for the filters, inline SVG,
and a Content-Security-Policy that forbids anything else. Text from claim files
and articles is escaped, and its control characters made visible.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from fractions import Fraction
from html import escape
from typing import Iterable

from verify import expressions, facts
from verify.findings import Finding, Side
from verify.interval import Interval
from verify.model import Claim, Source, resolve_ref
from verify.quantity import Quantity
from verify.report.escape import visible
from verify.report.report import Report
from verify.tolerance import per_side, widened_quantity
from verify.units import UnitError

VERDICTS = ("error", "warning", "acknowledged", "consistent", "unchecked")
# Families that look at one claim alone: running them does not check its number.
_ALONE = frozenset({"unit", "quote"})
_REF = re.compile(r"[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*")
PALETTE = ("#1f5fa8", "#c2410c", "#15803d", "#7e22ce", "#a16207", "#be185d", "#0e7490")


def render(report: Report, **options) -> str:
    return "".join(pieces(report, **options))


def pieces(report: Report, *, rates=None, **_options) -> Iterable[str]:
    """The page; `rates`, the RateBook the run used (default: the config's, or the bundled one)."""
    verdicts = claim_verdicts(report)
    findings = _ordered(report)
    numbers = {id(f): i for i, f in enumerate(findings, 1)}
    by_claim: dict[str, list[int]] = defaultdict(list)
    for f in findings:
        for c in f.claims:
            by_claim[c.ref].append(numbers[id(f)])
    yield _HEAD
    yield _header(report)
    yield _filters(findings)
    yield '<main>\n'
    yield _summary(report, rates)
    yield _problems(report)
    yield '<section id="findings"><h2>Findings</h2>\n'
    if not findings:
        yield '<p class="none">No discrepancies found.</p>\n'
    for f in findings:
        yield _finding(f, numbers[id(f)], verdicts)
    yield '</section>\n<section id="sources"><h2>Articles</h2>\n'
    claims_of: dict[str, list[Claim]] = defaultdict(list)
    for c in report.corpus.claims:
        claims_of[c.source].append(c)
    for source in report.corpus.sources:
        yield _source(source, claims_of[source.id], report, verdicts, by_claim)
    yield '</section>\n</main>\n'
    yield _SCRIPT
    yield '</body>\n</html>\n'


# -- what each claim's verdict is ----------------------------------------------

def claim_verdicts(report: Report) -> dict[str, str]:
    """Each claim's ref -> its verdict: the worst finding it is in, else consistent when a
    rule compared its number with others, else unchecked."""
    rank = {"error": 0, "warning": 1, "acknowledged": 2}
    worst: dict[str, str] = {}
    for f in report.findings:
        status = "acknowledged" if f.acknowledged else f.severity
        for c in f.claims:
            if c.ref not in worst or rank[status] < rank[worst[c.ref]]:
                worst[c.ref] = status
    checked = checked_claims(report)
    return {c.ref: worst.get(c.ref) or ("consistent" if c.ref in checked else "unchecked")
            for c in report.corpus.claims}


def checked_claims(report: Report) -> set[str]:
    """The refs of the claims some rule compared with others: the claims its evaluations name."""
    corpus = report.corpus
    known = {c.ref for c in corpus.claims}
    checks = {c.ref: c for c in corpus.checks}
    checked: set[str] = set()
    for family, keys in report.ran.items():
        if family in _ALONE:
            continue
        if family == "agreement":
            ran = set(keys)
            for key, claims in facts.group(corpus.claims).items():
                if f"agreement:{key}" in ran:
                    checked.update(c.ref for c in claims)
            continue
        for key in keys:
            named = key.partition(":")[2]
            check = checks.get(named)
            if check is not None:
                checked.update(resolve_ref(r.name, check.source) for r in expressions.refs(check.tree))
            checked.update(r for r in _REF.findall(named) if r in known)
    return checked


def _ordered(report: Report) -> list[Finding]:
    """Errors, then warnings, then acknowledged findings; in file and line order within each."""
    def order(f: Finding) -> int:
        return 2 if f.acknowledged else (0 if f.severity == "error" else 1)
    return sorted(report.ordered, key=order)


# -- the page ---------------------------------------------------------------------

def _text(text: object) -> str:
    """Text from claim files or articles, safe in HTML and with control characters visible."""
    return escape(visible(str(text)))


def _quoted(quote: str | None) -> str:
    return f"“{_text(quote)}”" if quote else ""


def _header(report: Report) -> str:
    s = report.summary
    state = "problems" if s["problems"] else ("errors" if s["errors"] else ("warnings" if s["warnings"] else "clean"))
    return (f'<header class="state-{state}"><h1>verify report</h1>\n<p class="counts">'
            f'{_count(s["errors"], "error")} · {_count(s["warnings"], "warning")} · '
            f'{s["acknowledged"]} acknowledged · {_count(s["problems"], "problem")} — '
            f'{_count(s["files"], "file")}, {_count(s["claims"], "claim")}, {_count(s["checks"], "check")}</p>'
            '</header>\n')


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _filters(findings: list[Finding]) -> str:
    if not findings:
        return ""
    statuses = Counter("acknowledged" if f.acknowledged else f.severity for f in findings)
    rules = Counter(f.id for f in findings)
    boxes = "".join(f'<label class="chip s-{k}"><input type="checkbox" name="status" value="{k}" checked> '
                    f'{k} ({statuses[k]})</label>' for k in ("error", "warning", "acknowledged") if statuses[k])
    rule_boxes = "".join(f'<label class="chip"><input type="checkbox" name="rule" value="{_text(r)}" checked> '
                         f'<code>{_text(r)}</code> ({n})</label>' for r, n in sorted(rules.items()))
    return ('<nav id="filters" aria-label="Filter findings"><div><strong>Show</strong> ' + boxes + '</div>'
            '<div><strong>Rules</strong> ' + rule_boxes + '</div>'
            f'<p><span id="shown">{len(findings)}</span> of {len(findings)} findings shown</p></nav>\n')


def _summary(report: Report, rates) -> str:
    s = report.summary
    rows = defaultdict(Counter)
    for f in report.findings:
        rows[f.id]["acknowledged" if f.acknowledged else f.severity] += 1
    rule_rows = "".join(
        f'<tr><td><code>{_text(rule)}</code></td><td>{c["error"]}</td><td>{c["warning"]}</td>'
        f'<td>{c["acknowledged"]}</td></tr>' for rule, c in sorted(rows.items()))
    table = ('<table class="counts"><thead><tr><th>Rule</th><th>Errors</th><th>Warnings</th>'
             f'<th>Acknowledged</th></tr></thead><tbody>{rule_rows}</tbody></table>') if rule_rows else ""
    skipped = ", ".join(f"{_text(k)} {v}" for k, v in s["skipped"].items()) or "none"
    files = "".join(f"<li><code>{_text(f)}</code></li>" for f in report.corpus.files)
    totals = "".join(f'<div class="{css}"><dt>{label}</dt><dd>{n}</dd></div>'
                     for label, css, n in (("Errors", "s-error", s["errors"]), ("Warnings", "s-warning", s["warnings"]),
                                           ("Acknowledged", "s-acknowledged", s["acknowledged"]),
                                           ("Problems", "s-problem", s["problems"]), ("Claims", "", s["claims"]),
                                           ("Checks run", "", s["checks"])))
    return (f'<section id="summary"><h2>Summary</h2>\n<dl class="totals">{totals}</dl>\n'
            f'{table}\n<p>Skipped for lack of data, by rule: {skipped}.</p>\n'
            f'<p>Exchange-rate data: {_rate_data(report, rates)} Used by the findings: {_rates_used(report)}</p>\n'
            f'<details><summary>{_count(s["files"], "file")} read</summary><ul>{files}</ul></details>\n'
            '</section>\n')


def _rate_data(report: Report, rates) -> str:
    """Each rates source of the run, with the days its table covers."""
    from verify.rates import RateBook, RateError

    try:
        if rates is None:
            folder = getattr(report.config, "rates", None)
            rates = RateBook.from_folder(folder) if folder else RateBook.bundled()
        described = []
        for spec in rates.specs:
            table = rates.table(spec)
            described.append(f"{_text(spec.name)} ({_text(table.title)}), daily from "
                             f"{table.first_day.isoformat()} to {table.last_day.isoformat()}")
    except RateError as exc:
        return f"cannot be described: {_text(exc.message)}."
    return "; ".join(described) + "."


def _rates_used(report: Report) -> str:
    dates: dict[str, set] = defaultdict(set)
    for f in report.findings:
        for r in f.rates:
            dates[r.source].add(r.on)
    if not dates:
        return "none."
    parts = []
    for source, days in sorted(dates.items()):
        days_sorted = sorted(days)
        span = days_sorted[0].isoformat() if len(days_sorted) == 1 else \
            f"{days_sorted[0].isoformat()} to {days_sorted[-1].isoformat()}"
        parts.append(f"{_text(source)}, the fixings of {span} ({_count(len(days_sorted), 'day')})")
    return "; ".join(parts) + "."


def _problems(report: Report) -> str:
    problems = report.ordered_problems
    if not problems:
        return ""
    items = "".join(f'<li><code>{_text(p.location)}</code> {_text(p.message)}</li>' for p in problems)
    return (f'<section id="problems"><h2>Problems <span class="badge s-problem">{len(problems)}</span></h2>'
            '<p>Input that could not be used; the rest was checked.</p>'
            f'<ul class="problems">{items}</ul></section>\n')


def _finding(f: Finding, number: int, verdicts: dict[str, str]) -> str:
    status = "acknowledged" if f.acknowledged else f.severity
    where = f' <code class="where">{_text(f.location)}</code>' if f.location else ""
    claims = "".join(
        f'<tr><td data-label="Claim"><a href="#claim-{_text(c.ref)}"><code>{_text(c.ref)}</code></a></td>'
        f'<td class="value" data-label="Value">{_text(c.value.text)}</td>'
        f'<td class="quote" data-label="Quote">{_quoted(c.quote)}</td>'
        f'<td class="where" data-label="Where"><code>{_text(c.location) if c.location else ""}</code></td></tr>'
        for c in f.claims)
    parts = [
        f'<article class="finding s-{status}" id="finding-{number}" data-status="{status}" '
        f'data-rule="{_text(f.id)}">',
        f'<h3><span class="badge s-{status}">{status}</span> <code>{_text(f.id)}</code>{where}</h3>',
        f'<p class="message">{_text(f.message)}</p>',
    ]
    if claims:
        parts.append('<div class="scroll"><table class="claims cards"><thead><tr><th>Claim</th><th>Value</th>'
                     f'<th>Quote</th><th>Where</th></tr></thead><tbody>{claims}</tbody></table></div>')
    if f.sides:
        parts.append(_computation(f))
        parts.append(number_line(f.sides, f.tolerance))
    if f.rates:
        rates = "".join(f"<li>{_text(r)}</li>" for r in f.rates)
        parts.append(f'<p class="rates-title">Exchange rates used</p><ul class="rates">{rates}</ul>')
    parts.append("</article>\n")
    return "\n".join(parts)


def _computation(f: Finding) -> str:
    holds = {"strict": False, "loose": f.severity == "warning"}  # an error fails both, a warning the strict
    widening = f" ({per_side(f.tolerance)} per side)" if f.tolerance else ""
    rows = []
    for i, side in enumerate(f.sides):
        swatch = f'<span class="swatch" style="background:{PALETTE[i % len(PALETTE)]}"></span>'
        widened = (f'<td data-label="Loose{widening}">{_text(widened_quantity(side.loose, f.tolerance))}</td>'
                   if f.tolerance else "")
        rows.append(f'<tr><td>{swatch}{_letter(i)}</td><td data-label="Side"><code>{_text(side.label)}</code></td>'
                    f'<td data-label="Strict">{_text(side.strict)}</td><td data-label="Loose">{_text(side.loose)}</td>'
                    f'{widened}</tr>')
    verdict = "".join(f'<li>{reading} reading{widening if reading == "loose" else ""}: '
                      f'<strong>{"holds" if ok else "fails"}</strong></li>' for reading, ok in holds.items())
    head = f"<th>Loose, widened{widening}</th>" if f.tolerance else ""
    return ('<div class="scroll"><table class="computation cards"><thead><tr><th></th><th>Side</th>'
            f'<th>Strict reading</th><th>Loose reading</th>{head}</tr></thead><tbody>' + "".join(rows) +
            f'</tbody></table></div><ul class="readings">{verdict}</ul>')


def _letter(i: int) -> str:
    return chr(ord("A") + i) if i < 26 else str(i + 1)


# -- the picture: each side's intervals on one number line ------------------------------

# In SVG units; the picture is scaled to the page's width (about 330 on a phone, 576 at most).
WIDTH, LEFT, RIGHT, ROW, AXIS = 480, 74, 16, 40, 34


def number_line(sides: tuple[Side, ...], tolerance: Fraction | None = None) -> str:
    """An SVG of each side's strict (dark) and loose (light) interval on a shared axis:
    a closed end is a filled dot, an open end a hollow one, an unbounded end an arrow;
    with a relation's `tolerance`, the loose interval widened by it is drawn dashed."""
    quantities = _common_unit([(s.strict, s.loose) for s in sides])
    if quantities is None:
        return ""
    widenings = [widened_quantity(loose, tolerance) if tolerance else loose for _, loose in quantities]
    ends = [e for (strict, loose), wide in zip(quantities, widenings) for q in (strict, loose, wide)
            for e in (q.interval.lo, q.interval.hi) if e not in (float("inf"), float("-inf"))]
    if not ends:
        return ""
    low, high = min(ends), max(ends)
    pad = (high - low) / 12 if high != low else (abs(low) / 10 or Fraction(1))
    low, high = low - pad, high + pad
    span = WIDTH - LEFT - RIGHT

    def x(value) -> float:
        if value == float("inf"):
            return WIDTH - RIGHT + 8
        if value == float("-inf"):
            return LEFT - 8
        return round(LEFT + float((Fraction(value) - low) / (high - low)) * span, 2)

    height = len(quantities) * ROW + AXIS
    unit = quantities[0][0].unit
    out = [f'<figure class="picture"><svg viewBox="0 0 {WIDTH} {height}" role="img" '
           f'xmlns="http://www.w3.org/2000/svg" preserveAspectRatio="xMinYMin meet">',
           '<title>Each side\'s strict and loose interval on one number line</title>']
    for i, (strict, loose) in enumerate(quantities):
        colour = PALETTE[i % len(PALETTE)]
        top = i * ROW
        out.append(f'<text x="4" y="{top + 16}" class="side">{_letter(i)} strict</text>'
                   f'<text x="4" y="{top + 31}" class="side light">{_letter(i)} loose</text>')
        out.append(_bar(strict.interval, top + 12, 6, colour, 1, x))
        if tolerance:
            out.append(_widening(widenings[i].interval, top + 27, colour, x))
        out.append(_bar(loose.interval, top + 27, 4, colour, 0.45, x))
    axis = len(quantities) * ROW + 4
    out.append(f'<line x1="{LEFT}" y1="{axis}" x2="{WIDTH - RIGHT}" y2="{axis}" class="axis"/>')
    for value in ticks(low, high):
        at = x(value)
        # a label near an edge is set inside it, not cut by it
        anchor = "end" if at > WIDTH - RIGHT - 30 else ("start" if at < LEFT + 30 else "middle")
        out.append(f'<line x1="{at}" y1="{axis - 3}" x2="{at}" y2="{axis + 3}" class="axis"/>'
                   f'<text x="{at}" y="{axis + 18}" text-anchor="{anchor}" class="tick">'
                   f'{_text(_label(value, unit))}</text>')
    out.append("</svg>")
    widening = (f" Dashed: the loose reading widened by the relation's tolerance ({per_side(tolerance)} "
                "per side); loosely, the sides agree where these overlap." if tolerance else "")
    out.append('<figcaption>Dark: the strict reading; light: the loose reading. ● a closed end, '
               '○ an open end, an arrow an unbounded end. The sides agree where their bars overlap.'
               f'{widening}</figcaption></figure>')
    return "".join(out)


def ticks(low: Fraction, high: Fraction, most: int = 5) -> list[Fraction]:
    """Round values (1, 2 or 5 times a power of ten apart) from `low` to `high`, at most `most`."""
    span = Fraction(high - low)
    rough = span / most
    exponent = math.floor(math.log10(rough.numerator) - math.log10(rough.denominator))
    for step in (Fraction(m) * Fraction(10) ** exponent for m in (1, 2, 5, 10, 20)):
        if span / step <= most:
            break
    first = math.ceil(Fraction(low) / step) * step
    return [first + k * step for k in range(int((Fraction(high) - first) / step) + 1)]


def _widening(interval: Interval, y: float, colour: str, x) -> str:
    """The loose interval widened by the tolerance: a dashed line with a stroke at each finite end."""
    x1, x2 = x(interval.lo), x(interval.hi)
    ends = "".join(f'<line x1="{x(e)}" y1="{y - 7}" x2="{x(e)}" y2="{y + 7}" stroke="{colour}" stroke-width="1.5"/>'
                   for e in (interval.lo, interval.hi) if e not in (float("inf"), float("-inf")))
    return (f'<g class="widened" opacity="0.7"><line x1="{x1}" y1="{y}" x2="{x2}" y2="{y}" stroke="{colour}" '
            f'stroke-width="1.5" stroke-dasharray="4 3"/>{ends}</g>')


def _bar(interval: Interval, y: float, thickness: float, colour: str, opacity: float, x) -> str:
    x1, x2 = x(interval.lo), x(interval.hi)
    parts = [f'<g opacity="{opacity}">']
    if interval.is_point:
        parts.append(f'<circle cx="{x1}" cy="{y}" r="4.5" fill="{colour}"/>')
        return "".join(parts) + "</g>"
    parts.append(f'<line x1="{x1}" y1="{y}" x2="{x2}" y2="{y}" stroke="{colour}" stroke-width="{thickness}"/>')
    for end, open_, direction in ((interval.lo, interval.lo_open, -1), (interval.hi, interval.hi_open, 1)):
        at = x(end)
        if end in (float("inf"), float("-inf")):
            tip = at + 8 * direction
            parts.append(f'<polygon points="{tip},{y} {at},{y - 6} {at},{y + 6}" fill="{colour}" '
                         'class="unbounded"/>')
        else:
            fill = "#fff" if open_ else colour
            parts.append(f'<circle cx="{at}" cy="{y}" r="4.5" fill="{fill}" stroke="{colour}" stroke-width="2" '
                         f'class="{"open" if open_ else "closed"}"/>')
    return "".join(parts) + "</g>"


def _common_unit(pairs: list[tuple[Quantity, Quantity]]) -> list[tuple[Quantity, Quantity]] | None:
    """The sides in the first side's unit, or None if they have no common one (no picture then)."""
    unit = pairs[0][0].unit
    try:
        return [(strict.to(unit), loose.to(unit)) for strict, loose in pairs]
    except UnitError:
        return None


def _label(value: Fraction, unit) -> str:
    return str(Quantity(Interval.point(value), unit)).replace("[", "").replace("]", "")


# -- the articles ---------------------------------------------------------------------

def _source(source: Source, claims: list[Claim], report: Report, verdicts: dict[str, str],
            findings_of: dict[str, list[int]]) -> str:
    article = report.corpus.articles.get(source.id)
    title = _text(source.title or source.id)
    byline = " · ".join(_text(x) for x in (source.publisher, source.published, source.id) if x)
    parts = [f'<article class="source" id="source-{_text(source.id)}"><h3>{title}</h3>'
             f'<p class="byline">{byline}</p>']
    placed: dict[str, tuple[int, int]] = {}
    if article is not None:
        from verify.rules.quote import locate
        from verify.textmatch import normalise

        text = normalise(article.text)
        for c in claims:
            found = locate(c, article, text, source.locale)
            span = found.number or (found.quote.spans[0] if found.quote else None)
            if span is not None:
                placed[c.ref] = span
        parts.append(f'<p class="file">Text: <code>{_text(article.path)}</code></p>')
        parts.append(f'<div class="text">{_marked(article.text, claims, placed, verdicts, findings_of)}</div>')
    else:
        parts.append('<p class="file">No text: its claims are listed below. Add <code>text = "..."</code> '
                     'to the [source] table to see them in the article.</p>')
    rows = []
    for c in claims:
        verdict = verdicts[c.ref]
        links = " ".join(f'<a href="#finding-{n}">#{n}</a>' for n in findings_of.get(c.ref, ()))
        mark = (f' <a class="jump" href="#mark-{_text(c.ref)}">in the text</a>' if c.ref in placed
                else (' <span class="unplaced">not found in the text</span>' if article is not None else ""))
        rows.append(f'<tr id="claim-{_text(c.ref)}" class="v-{verdict}"><td><code>{_text(c.id)}</code></td>'
                    f'<td class="value" data-label="Value">{_text(c.value.text)}</td>'
                    f'<td data-label="Verdict"><span class="badge v-{verdict}">{verdict}</span></td>'
                    f'<td data-label="Findings">{links}{mark}</td>'
                    f'<td class="quote" data-label="Quote">{_quoted(c.quote)}</td></tr>')
    parts.append('<div class="scroll"><table class="source-claims cards"><thead><tr><th>Claim</th><th>Value</th>'
                 '<th>Verdict</th><th>Findings</th><th>Quote</th></tr></thead><tbody>'
                 + "".join(rows) + '</tbody></table></div></article>\n')
    return "\n".join(parts)


def _marked(text: str, claims: list[Claim], placed: dict[str, tuple[int, int]], verdicts: dict[str, str],
            findings_of: dict[str, list[int]]) -> str:
    """The article's text with each placed claim's number in a mark, coloured by its worst
    verdict; a mark that would overlap an earlier one is left out (its claim is still listed)."""
    at: dict[tuple[int, int], list[Claim]] = defaultdict(list)
    for c in claims:
        if c.ref in placed:
            at[placed[c.ref]].append(c)
    out, position = [], 0
    for (start, end), here in sorted(at.items()):
        if start < position:
            continue
        verdict = min((verdicts[c.ref] for c in here), key=VERDICTS.index)
        names = "; ".join(f"{c.id} = {c.value.text} ({verdicts[c.ref]}"
                          + "".join(f", #{n}" for n in findings_of.get(c.ref, ())) + ")" for c in here)
        first = here[0].ref
        anchors = "".join(f'<span id="mark-{_text(c.ref)}"></span>' for c in here[1:])
        out.append(_prose(text[position:start]))
        out.append(f'<a class="num v-{verdict}" id="mark-{_text(first)}" href="#claim-{_text(first)}" '
                   f'title="{_text(names)}">{anchors}{_prose(text[start:end])}</a>')
        position = end
    out.append(_prose(text[position:]))
    return "".join(out)


def _prose(text: str) -> str:
    """Article text, escaped as `_text` does, its line breaks kept (the page shows them)."""
    return "\n".join(_text(line.removesuffix("\r")) for line in text.split("\n"))


# -- fixed parts ------------------------------------------------------------------------

_HEAD = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy"
  content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<meta name="generator" content="verify">
<title>verify report</title>
<style>
:root { --error: #b91c1c; --error-bg: #fee2e2; --warning: #92400e; --warning-bg: #fef3c7;
  --ack: #6b7280; --ack-bg: #f3f4f6; --ok: #166534; --ok-bg: #dcfce7; --unchecked: #374151;
  --unchecked-bg: #e5e7eb; --problem: #7e22ce; --problem-bg: #f3e8ff; --line: #d1d5db; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #111827;
  background: #fff; }
header, main, nav { max-width: 60rem; margin: 0 auto; padding: 0 1rem; }
header { padding-top: 1rem; border-bottom: 4px solid var(--line); }
header.state-errors { border-color: var(--error); } header.state-warnings { border-color: #d97706; }
header.state-problems { border-color: var(--problem); } header.state-clean { border-color: var(--ok); }
h1 { margin: 0; font-size: 1.5rem; } h2 { margin-top: 2rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.05rem; margin: 0 0 .4rem; overflow-wrap: anywhere; }
code { font: .9em/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; overflow-wrap: anywhere; }
.counts { margin: .3rem 0 .8rem; }
nav#filters { display: none; padding-top: .8rem; }
.js nav#filters { display: block; }
nav#filters div { margin: .2rem 0; }
.chip { display: inline-block; margin: .15rem .3rem .15rem 0; padding: .1rem .5rem; border: 1px solid var(--line);
  border-radius: 1rem; font-size: .9rem; white-space: nowrap; cursor: pointer; }
dl.totals { display: grid; grid-template-columns: repeat(auto-fill, minmax(7rem, 1fr)); gap: .5rem; margin: 0; }
dl.totals dt { font-size: .85rem; color: #4b5563; }
dl.totals dd { margin: 0; font-size: 1.6rem; font-weight: 600; }
.totals .s-error dd { color: var(--error); } .totals .s-warning dd { color: var(--warning); }
.totals .s-acknowledged dd { color: var(--ack); } .totals .s-problem dd { color: var(--problem); }
table { border-collapse: collapse; margin: .5rem 0; font-size: .92rem; }
th, td { text-align: left; vertical-align: top; padding: .25rem .6rem .25rem 0; border-bottom: 1px solid #eef0f3; }
.scroll { overflow-x: auto; }
.badge { display: inline-block; padding: 0 .45rem; border-radius: .3rem; font-size: .8rem; font-weight: 600;
  text-transform: uppercase; letter-spacing: .02em; }
.badge.s-error, .badge.v-error { background: var(--error-bg); color: var(--error); }
.badge.s-warning, .badge.v-warning { background: var(--warning-bg); color: var(--warning); }
.badge.s-acknowledged, .badge.v-acknowledged { background: var(--ack-bg); color: var(--ack); }
.badge.v-consistent { background: var(--ok-bg); color: var(--ok); }
.badge.v-unchecked { background: var(--unchecked-bg); color: var(--unchecked); }
.badge.s-problem { background: var(--problem-bg); color: var(--problem); }
.finding { border: 1px solid var(--line); border-left: 6px solid var(--line); border-radius: .4rem;
  padding: .8rem 1rem; margin: 1rem 0; break-inside: avoid; }
.finding.s-error { border-left-color: var(--error); } .finding.s-warning { border-left-color: #d97706; }
.finding.s-acknowledged { opacity: .6; border-left-color: var(--ack); }
.finding .where { color: #4b5563; font-weight: normal; font-size: .8rem; }
.message { margin: .2rem 0 .6rem; overflow-wrap: anywhere; }
td.quote { font-style: italic; color: #374151; min-width: 12rem; }
td.value { white-space: nowrap; font-weight: 600; }
.readings { margin: 0 0 .5rem; padding-left: 1.2rem; font-size: .9rem; }
table.computation td:first-child { white-space: nowrap; }
.swatch { display: inline-block; width: .8rem; height: .8rem; border-radius: .2rem; margin-right: .3rem;
  vertical-align: -.1rem; }
figure.picture { margin: .4rem 0; }
figure.picture svg { width: 100%; height: auto; max-width: 36rem; display: block; }
figcaption { font-size: .8rem; color: #4b5563; }
svg text { font: 13px system-ui, sans-serif; fill: #374151; } svg text.light { fill: #6b7280; }
svg .axis { stroke: #6b7280; stroke-width: 1; }
.rates-title { margin: .3rem 0 0; font-size: .9rem; font-weight: 600; }
ul.rates { margin: 0; font-size: .9rem; }
.source { margin: 1.2rem 0 2rem; }
.byline, .file { color: #4b5563; font-size: .9rem; margin: 0 0 .4rem; }
.text { white-space: pre-wrap; font: 1.05rem/1.7 Georgia, "Times New Roman", serif;
  border: 1px solid var(--line); border-radius: .4rem;
  padding: .8rem 1rem; overflow-wrap: anywhere; }
a.num { color: inherit; text-decoration: none; border-radius: .2rem; padding: 0 .1rem;
  border-bottom: 3px solid; }
a.num.v-error { background: var(--error-bg); border-color: var(--error); }
a.num.v-warning { background: var(--warning-bg); border-color: #d97706; }
a.num.v-acknowledged { background: var(--ack-bg); border-color: var(--ack); }
a.num.v-consistent { background: var(--ok-bg); border-color: var(--ok); }
a.num.v-unchecked { background: var(--unchecked-bg); border-color: #9ca3af; border-bottom-style: dashed; }
:target { outline: 3px solid #2563eb; outline-offset: 2px; }
.unplaced { color: var(--warning); font-size: .85rem; }
.none { color: var(--ok); }
ul.problems li { margin: .3rem 0; overflow-wrap: anywhere; }
@media (max-width: 40rem) {
  body { font-size: 15px; } .finding { padding: .6rem; }
  table.cards, table.cards tbody, table.cards tr, table.cards td { display: block; width: 100%; }
  table.cards thead { display: none; }
  table.cards tr { padding: .4rem 0; border-bottom: 1px solid var(--line); }
  table.cards td { border: 0; padding: .05rem 0; min-width: 0; white-space: normal; }
  table.cards td[data-label]::before { content: attr(data-label) ": "; color: #6b7280;
    font: normal .8rem system-ui, sans-serif; }
}
@media print {
  nav#filters, .js nav#filters { display: none; }
  body { font-size: 11pt; } a { color: inherit; }
  .finding, .source-claims tr { break-inside: avoid; }
  .finding.s-acknowledged { opacity: 1; color: #4b5563; }
  .scroll { overflow: visible; }
  details { display: block; }
}
</style>
</head>
<body>
"""

_SCRIPT = """<script>
(function () {
  document.documentElement.classList.add("js");
  var boxes = document.querySelectorAll("#filters input[type=checkbox]");
  var findings = document.querySelectorAll(".finding");
  function apply() {
    var off = {};
    boxes.forEach(function (b) { if (!b.checked) { off[b.name + ":" + b.value] = true; } });
    var shown = 0;
    findings.forEach(function (f) {
      var hide = off["status:" + f.dataset.status] || off["rule:" + f.dataset.rule];
      f.hidden = !!hide;
      if (!hide) { shown += 1; }
    });
    var counter = document.getElementById("shown");
    if (counter) { counter.textContent = String(shown); }
  }
  boxes.forEach(function (b) { b.addEventListener("change", apply); });
  apply();
})();
</script>
"""
