"""The claim model: sources, claims, checks, acknowledgements, and a loaded corpus.

Every class is a frozen attrs class that can be built in code as well as loaded:
strings are converted on construction (`value="$38.4 billion"`, `period="2024-Q4"`)
by the same functions the loader uses, so both paths accept and reject the same input.
"""

from __future__ import annotations

import operator
import re
from datetime import date
from typing import Any, Callable, cast

import attrs

from verify import expressions
from verify.errors import InputError
from verify.periods import Period, Since
from verify.plain import PlainData
from verify.sourcetext import Article
from verify.values import Value, parse_value

ID = re.compile(r"[a-z][a-z0-9_]*")
CHANGES = ("absolute", "percent", "points")


def resolve_ref(name: str, source_id: str) -> str:
    """`claim_id` means a claim of the same source; `source_id.claim_id` any claim."""
    return name if "." in name else f"{source_id}.{name}"


# -- field converters, shared with the loader ----------------------------------

def to_id(text: object, what: str = "id") -> str:
    if not isinstance(text, str) or not ID.fullmatch(text):
        hint = ""
        if isinstance(text, str):
            fixed = re.sub(r"[^a-z0-9_]+", "_", text.strip().lower()).strip("_")
            fixed = fixed if fixed[:1].isalpha() else f"x_{fixed}"
            hint = f", e.g. {fixed!r}"
        raise InputError(f"{what} {text!r} must be lower-case letters, digits and _, "
                         f"starting with a letter{hint}")
    return text


# The years periods may name too: room for any history a story cites, and for date
# arithmetic ("since = -999 years") that stays within what `date` can hold.
FIRST_YEAR, LAST_YEAR = 1800, 2200


def to_date(value: object, what: str = "as_of") -> date:
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value.strip())
        except ValueError:
            pass
    if isinstance(value, date) and not hasattr(value, "hour"):
        if not FIRST_YEAR <= value.year <= LAST_YEAR:
            raise InputError(f"{what} {value} is out of range: a date from {FIRST_YEAR} to {LAST_YEAR}, "
                             f"e.g. {what} = 2025-02-24")
        return value
    raise InputError(f"{what} must be a date: write {what} = 2025-02-24 (a TOML date, no quotes)")


def to_value(value: object) -> Value:
    if isinstance(value, Value):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        raise InputError(f"value {value!r} must be a string as the source writes it: "
                         f"value = \"{value}\" (with its unit, e.g. \"$38.4 billion\")")
    return parse_value(cast(str, value))  # it says what a value must be, if not a string


def to_period(value: object) -> Period | None:
    if value is None or isinstance(value, Period):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        raise InputError(f"period {value} must be a string: write period = \"{value}\"")
    if isinstance(value, date):
        raise InputError(f"period {value} is a date: a level at one date is as_of = {value}, "
                         f"a flow over one day is period = \"{value}\"")
    return Period.parse(cast(str, value))  # it says what a period must be, if not a string


def to_since(value: object) -> Since | None:
    if value is None or isinstance(value, Since):
        return value
    return Since.parse(cast(str, value))  # it says what a baseline must be, if not a string


def to_change(value: object) -> str | None:
    if value is None or value in CHANGES:
        return value
    raise InputError(f"change {value!r} is not a kind of change: write change = "
                     + " or ".join(f'"{c}"' for c in CHANGES))


def _optional_date(value: object) -> date | None:
    return None if value is None else to_date(value)


def _tuple(items) -> tuple:
    # Not `converter=tuple`: attrs reads a converter's signature, and for a builtin that
    # means compiling the tokenizer's patterns, 14 ms of every run.
    return tuple(items)


def _optional_text(value: object) -> str | None:
    # As the loader reads a field: text, or absent; blank text says nothing and is refused.
    if value is None or isinstance(value, str) and value.strip():
        return value
    raise InputError(f"{value!r} must be a non-empty string in quotes")


def _required_text(value: object) -> str:
    if isinstance(value, str) and value.strip():
        return value
    raise InputError(f"{value!r} must be a non-empty string in quotes")


def _valid_id(_instance, attribute, value) -> None:
    to_id(value, attribute.name)


# -- the classes ---------------------------------------------------------------

@attrs.frozen(weakref_slot=False)  # one per claim: no slot for weak references
class Location(PlainData):
    """Where something was written: file, and line and column (1-based) where known."""

    file: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        return ":".join(str(p) for p in (self.file, self.line, self.column) if p is not None)

    def __reduce__(self):
        return Location, (self.file, self.line, self.column)  # not attrs' state dictionary: faster


_SET_FILE, _SET_LINE, _SET_COLUMN = (getattr(Location, name).__set__ for name in ("file", "line", "column"))


def line_location(file: str, line: int | None) -> Location:
    """`Location(file, line)`, its slots set directly: the loader makes one per claim, and
    attrs' `__init__` of a frozen class sets each slot through a lookup by name."""
    location = _new(Location)
    _SET_FILE(location, file)
    _SET_LINE(location, line)
    _SET_COLUMN(location, None)
    return location


@attrs.frozen
class Problem(PlainData):
    """Input that could not be used, with where it is and what to write instead."""

    location: Location
    message: str

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


@attrs.frozen
class Source(PlainData):
    id: str = attrs.field(validator=_valid_id)
    title: str | None = attrs.field(default=None, converter=_optional_text)
    publisher: str | None = attrs.field(default=None, converter=_optional_text)
    published: date | None = attrs.field(default=None, converter=_optional_date)
    url: str | None = attrs.field(default=None, converter=_optional_text)
    text: str | None = attrs.field(default=None, converter=_optional_text)  # the article's file, as written
    locale: str = "en_US"
    note: str | None = attrs.field(default=None, converter=_optional_text)
    location: Location | None = attrs.field(default=None, eq=False)


@attrs.frozen(weakref_slot=False)
class Claim(PlainData):
    """One numeric statement of a source, typed; see SPEC section 3 for each field."""

    id: str = attrs.field(validator=_valid_id)
    entity: str = attrs.field(converter=_required_text)
    metric: str = attrs.field(converter=_required_text)
    value: Value = attrs.field(converter=to_value)
    source: str = ""
    period: Period | None = attrs.field(default=None, converter=to_period)
    as_of: date | None = attrs.field(default=None, converter=_optional_date)
    change: str | None = attrs.field(default=None, converter=to_change)
    since: Since | None = attrs.field(default=None, converter=to_since)
    segment: str | None = attrs.field(default=None, converter=_optional_text)
    market: str | None = attrs.field(default=None, converter=_optional_text)
    currency: str | None = attrs.field(default=None, converter=_optional_text)
    quote: str | None = attrs.field(default=None, converter=_optional_text)
    precision: str | None = None
    note: str | None = attrs.field(default=None, converter=_optional_text)
    location: Location | None = attrs.field(default=None, eq=False)

    def __attrs_post_init__(self) -> None:
        if self.since is not None and self.change is None:
            raise InputError("`since` is the baseline of a change: add change = \"percent\", "
                             "\"absolute\" or \"points\", or remove `since`")
        if self.period is not None and self.as_of is not None:
            raise InputError("a claim has a `period` (a flow, such as revenue) or an `as_of` date "
                             "(a level, such as market cap), not both")

    @property
    def ref(self) -> str:
        return f"{self.source}.{self.id}" if self.source else self.id

    def __reduce__(self):
        # Its fields as they are: they passed the converters and checks when the claim was
        # made, and a child process handing claims back would pay for them twice.
        return restored_claim, (_claim_state(self),)


_CLAIM_FIELDS = tuple(f.name for f in attrs.fields(Claim))
_claim_state = operator.attrgetter(*_CLAIM_FIELDS)
_CLAIM_DEFAULTS = {f.name: f.default for f in attrs.fields(Claim) if f.default is not attrs.NOTHING}


def converted_claim(**fields) -> Claim:
    """A Claim of fields each already as its converter returns it (the loader converts every
    field itself, to say which one is wrong): the converters are skipped, not the checks
    between fields."""
    return built_claim(tuple(fields[name] if name in fields else _CLAIM_DEFAULTS[name] for name in _CLAIM_FIELDS))


def built_claim(state: tuple) -> Claim:
    """`converted_claim` of every field, in the order of `attrs.fields(Claim)`."""
    claim = restored_claim(state)
    claim.__attrs_post_init__()
    return claim


# Each field's slot, set directly: a frozen class refuses setattr, and object.__setattr__
# looks the slot up by name on every call.
_SET_FIELDS = tuple(getattr(Claim, name).__set__ for name in _CLAIM_FIELDS)


_VALUE_AT = _CLAIM_FIELDS.index("value")


def with_value(claim: Claim, value: Value) -> Claim:
    """`attrs.evolve(claim, value=value)` for a value read from the claim's own (its readings
    typed): the other fields are as valid as they were, so none is converted again."""
    state = list(_claim_state(claim))
    state[_VALUE_AT] = value
    return restored_claim(tuple(state))


_new = object.__new__


def _slots_set_from(cls: type, setters: tuple, name: str, doc: str) -> Callable[[tuple], Any]:
    """A function `name` making a `cls` from a tuple of its fields, each set by its `setters`,
    with one line a field written out: a loop over the setters costs a third more, and
    a large run makes a million claims this way."""
    names = [f"_s{i}" for i in range(len(setters))]
    source = (f"def made(state, _new=_new, _cls=_cls, {', '.join(f'{n}={n}' for n in names)}):\n"
              f"    {', '.join(f'_f{i}' for i in range(len(names)))}, = state\n"
              "    made = _new(_cls)\n"
              + "".join(f"    {n}(made, _f{i})\n" for i, n in enumerate(names))
              + "    return made\n")
    scope: dict[str, Any] = {"_new": _new, "_cls": cls, **dict(zip(names, setters))}
    exec(source, scope)  # noqa: S102 -- our own text, of the class's own slots
    made = scope["made"]
    made.__name__ = made.__qualname__ = name  # found again by that name when pickled
    made.__module__, made.__doc__ = __name__, doc
    return made


restored_claim: Callable[[tuple], Claim] = _slots_set_from(
    Claim, _SET_FIELDS, "restored_claim",
    """A Claim of `state`, the fields of a claim that was already made and checked (in this
    process or another), in the order of `attrs.fields(Claim)`: nothing is checked.""")


@attrs.frozen
class Check(PlainData):
    """A hand-written relation among claims (`expr`), checked under both readings."""

    id: str = attrs.field(validator=_valid_id)
    expr: str = attrs.field(converter=_required_text)
    note: str | None = attrs.field(default=None, converter=_optional_text)
    source: str = ""
    location: Location | None = attrs.field(default=None, eq=False)
    tree: expressions.Relation = attrs.field(
        default=attrs.Factory(lambda self: expressions.parse(self.expr), takes_self=True), eq=False, repr=False)

    @property
    def ref(self) -> str:
        return f"{self.source}.{self.id}" if self.source else self.id


@attrs.frozen
class Acknowledgement(PlainData):
    """A reviewed finding that should no longer fail a run: its rule and its claims."""

    rule: str = attrs.field(converter=_required_text)
    claims: tuple[str, ...] = attrs.field(converter=_tuple)
    reason: str = attrs.field(converter=_required_text)
    source: str = ""
    location: Location | None = attrs.field(default=None, eq=False)


@attrs.frozen
class Corpus(PlainData):
    """Everything loaded from a set of claim files, and what could not be loaded."""

    sources: tuple[Source, ...] = ()
    claims: tuple[Claim, ...] = ()
    checks: tuple[Check, ...] = ()
    acknowledgements: tuple[Acknowledgement, ...] = ()
    problems: tuple[Problem, ...] = ()
    files: tuple[str, ...] = ()
    # source id -> the text of its article, where the source names one
    articles: dict[str, Article] = attrs.field(factory=dict, eq=False, repr=False)
    # source id -> claim id -> claim: ids are shared strings, where "source.claim" keys
    # would be a new string per claim (6 MB at 100,000 claims).
    _by_source: dict[str, dict[str, Claim]] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        by_source: dict[str, dict[str, Claim]] = {}
        for c in self.claims:
            by_source.setdefault(c.source, {})[c.id] = c
        object.__setattr__(self, "_by_source", by_source)

    def claim(self, ref: str) -> Claim | None:
        source, _, claim_id = ref.rpartition(".")  # ids have no dots
        return self._by_source.get(source, {}).get(claim_id)
