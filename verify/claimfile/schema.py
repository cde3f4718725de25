"""The tables and fields a claim file may hold, and the closest name for a typo.

This table is the one description of the format: the loader accepts exactly these
fields, `verify schema` turns them into a JSON Schema for editors, and `verify fmt`
orders tables and fields as they are listed here.
"""

from __future__ import annotations

from typing import NamedTuple

from verify import suggest


class Field(NamedTuple):
    name: str
    type: str  # "string", "date", "precision" (a string or a number), "refs" (a list of claim refs)
    description: str
    example: str | None = None  # the field as a TOML line, for messages and editors
    required: bool = False
    enum: tuple[str, ...] = ()


_SOURCE = (
    Field("id", "string", "The source's id, unique in the corpus: lowercase letters, digits and _, "
          "starting with a letter. Checks in other files name its claims as `id.claim_id`.",
          'id = "crn_alibaba_53b"', required=True),
    Field("title", "string", "The article's headline.", 'title = "Alibaba unveils plans to invest $53 billion in AI"'),
    Field("publisher", "string", "Who published the article.", 'publisher = "CRN"'),
    Field("published", "date", "The publication date (a TOML date, unquoted): the default `as_of` of the "
          "claims below, and the last day a loose reading converts currencies at.", "published = 2025-02-24"),
    Field("url", "string", "Where the article is.", 'url = "https://www.example.com/alibaba-53b"'),
    Field("text", "string", "The article's text (.txt, .md or .html, UTF-8), a path relative to this "
          "file, in its folder or below: the quote rule finds each claim's quote in it, and the HTML report "
          "shows it with its numbers marked.", 'text = "sources/crn-alibaba-53b.txt"'),
    Field("locale", "string", "How the article writes numbers and currencies, as a babel locale "
          "(`de_DE` reads `1.234,5`). Default en_US.", 'locale = "en_US"'),
    Field("note", "string", "Free text for people.", 'note = "figures checked against the 10-K"'),
)

_CLAIM = (
    Field("id", "string", "The claim's id, unique in the file: lowercase letters, digits and _.",
          'id = "q4_revenue"', required=True),
    Field("entity", "string", "Who the number is about (or once for the file, under [defaults]).",
          'entity = "Alibaba Group"', required=True),
    Field("metric", "string", "What the number measures; the metric vocabulary says what kind of quantity "
          "it is (revenue is money, employees a count).", 'metric = "revenue"', required=True),
    Field("segment", "string", "A part of the entity that is part of the fact's identity.",
          'segment = "Cloud Intelligence Group"'),
    Field("market", "string", "The whole a share claim is a part of.", 'market = "cloud infrastructure"'),
    Field("period", "string", "For flows (revenue, income, spending): the period the number covers, "
          "`2024`, `2024-Q4`, `2024-H1`, `2025-02`, `2025-01-01..2025-02-24`, or a fiscal label.",
          'period = "2024-Q4"'),
    Field("as_of", "date", "For levels (market cap, share price, headcount): the date the number holds on "
          "(a TOML date, unquoted). Without `period` or `as_of` a claim takes the source's `published`.",
          "as_of = 2025-02-24"),
    Field("change", "string", "Makes the claim a change: `absolute` (in the metric's unit), `percent`, or "
          "`points` (percentage points).", 'change = "percent"', enum=("absolute", "percent", "points")),
    Field("since", "string", "A change's baseline: a period or date, `ytd`, or a duration back such as "
          "`-1 year`. Flows default to the same period a year before.", 'since = "2023-Q4"'),
    Field("value", "string", "The number as the article writes it, hedge and unit included.",
          'value = "$38.4 billion"', required=True),
    Field("currency", "string", "The ISO 4217 code an ambiguous symbol in `value` means (`¥`: CNY or JPY).",
          'currency = "CNY"'),
    Field("precision", "precision", "`exact`, or the rounding step in the value's written scale, overriding "
          "the one read from its digits.", 'precision = "exact"'),
    Field("quote", "string", "The words of the source that carry the number.",
          'quote = "generated total revenue of $38.4 billion"'),
    Field("note", "string", "Free text for people.", 'note = "the article rounds to one decimal"'),
)

_CHECK = (
    Field("id", "string", "The check's id, unique in the file.", 'id = "gain_below_cap"', required=True),
    Field("expr", "string", "An expression over claim refs (`claim_id`, or `source_id.claim_id` across files): "
          "numbers, quoted values, + - * / ( ), == != < <= > >=, abs min max sum convert.",
          'expr = "market_cap / shares == share_price"', required=True),
    Field("note", "string", "Why the relation should hold.", 'note = "with a constant share count"'),
)

_ACKNOWLEDGE = (
    Field("rule", "string", "The rule family or id of the finding to acknowledge (`check`, `agreement`, "
          "`identity.market_cap` ...).", 'rule = "check"', required=True),
    Field("claims", "refs", "The refs of the claims the finding involves, in any order.",
          'claims = ["cloud_share", "cloud_revenue"]', required=True),
    Field("reason", "string", "Why the discrepancy is accepted; shown in the report.",
          'reason = "the two articles measure different markets"', required=True),
)

# Table name -> (fields, is an array of tables), in the order `verify fmt` writes them.
FIELDS: dict[str, tuple[Field, ...]] = {
    "source": _SOURCE,
    "defaults": tuple(f._replace(required=False) for f in _CLAIM if f.name != "id"),
    "claim": _CLAIM,
    "check": _CHECK,
    "acknowledge": _ACKNOWLEDGE,
}
ARRAYS = ("claim", "check", "acknowledge")
TABLES = tuple(FIELDS)
SOURCE_FIELDS = tuple(f.name for f in _SOURCE)
CLAIM_FIELDS = tuple(f.name for f in _CLAIM)
CLAIM_REQUIRED = tuple(f.name for f in _CLAIM if f.required)
DEFAULT_FIELDS = tuple(f.name for f in FIELDS["defaults"])
CHECK_FIELDS = tuple(f.name for f in _CHECK)
ACKNOWLEDGE_FIELDS = tuple(f.name for f in _ACKNOWLEDGE)

# A field's example for messages: the claim's where tables share a name (`id`, `note`).
EXAMPLES = {f.name: f.example for table in ("acknowledge", "check", "source", "claim")
            for f in FIELDS[table] if f.example}
EXAMPLES["entity"] += " (or once for the file, under [defaults])"


def closest(name: str, valid: tuple[str, ...]) -> str | None:
    # a name written out in full ("expression" for "expr") is the likeliest meaning
    spelled_out = [v for v in valid if len(v) >= 3 and name.startswith(v)]
    if spelled_out:
        return max(spelled_out, key=len)
    return suggest.closest(name, valid)


def unknown(name: str, valid: tuple[str, ...], where: str) -> str:
    """The message for a field or table that does not exist, naming the closest valid one."""
    close = closest(name, valid)
    hint = f"did you mean {close!r}?" if close else f"valid names: {', '.join(valid)}"
    return f"unknown {where} {name!r}: {hint}"


def missing(name: str, where: str) -> str:
    example = EXAMPLES.get(name)
    return f"{where} has no `{name}`" + (f": add {example}" if example else "")
