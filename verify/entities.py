"""The project's entities (`[entities]` in the config): names that mean one company, and
the fiscal calendar that places its fiscal periods.

    [entities.Alibaba]
    aliases = ["Alibaba Group", "Alibaba Group Holding"]
    fiscal-year-end = "03-31"

Claims name an entity however their article does; once loaded, an alias is replaced by
the entity's name, so that the rules see one company. A fiscal period ("FY2025") gets its
days from the entity's fiscal year end; without one it is a problem that says what to add.
"""

from __future__ import annotations

import calendar
from typing import Any, Callable

import attrs

from verify.facts import normal
from verify.model import Claim, Location, Problem
from verify.periods import Period, PeriodParseError, Since
from verify.record import Record

KEYS = ("aliases", "fiscal-year-end")


class Entity(Record):
    __slots__ = ("name", "aliases", "fiscal_year_end")

    def __init__(self, name: str, aliases: tuple[str, ...] = (), fiscal_year_end: int | None = None) -> None:
        self.name, self.aliases = name, aliases
        self.fiscal_year_end = fiscal_year_end  # the month a fiscal year ends with (its last day)


class Entities(Record):
    __slots__ = ("by_name",)

    def __init__(self, by_name: dict[str, Entity] | None = None) -> None:
        self.by_name = {} if by_name is None else by_name  # normalised name or alias -> entity

    def __bool__(self) -> bool:
        return bool(self.by_name)

    def get(self, name: str) -> Entity | None:
        return self.by_name.get(normal(name))


def parse(table: Any, fail: Callable[[str, str], Exception]) -> Entities:
    """`[entities]` from a config, every key checked; `fail(message, key)` makes the error."""
    if not isinstance(table, dict):
        raise fail('entities is a table of tables: [entities.Alibaba] aliases = ["Alibaba Group"]', "entities")
    by_name: dict[str, Entity] = {}
    for name, entry in table.items():
        if not isinstance(entry, dict):
            raise fail(f'entities.{name} is a table: [entities.{name}] fiscal-year-end = "06-30"', name)
        for key in entry:
            if key not in KEYS:
                from verify.claimfile.schema import unknown

                raise fail(unknown(key, KEYS, f"key of entities.{name}"), key)
        aliases = entry.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
            raise fail(f'entities.{name}.aliases is a list of names: aliases = ["{name} Group"]', "aliases")
        entity = Entity(name, tuple(aliases), _year_end(entry.get("fiscal-year-end"), name, fail))
        for alias in (name, *aliases):
            other = by_name.get(normal(alias))
            if other is not None and other.name != name:
                raise fail(f"{alias!r} names both {other.name} and {name}: an alias belongs to one entity", name)
            by_name[normal(alias)] = entity
    return Entities(by_name)


def _year_end(value: Any, name: str, fail) -> int | None:
    """"06-30" (the last day of a month) -> 6."""
    if value is None:
        return None
    text = value if isinstance(value, str) else ""
    month, _, day = text.partition("-")
    if month.isdigit() and day.isdigit() and 1 <= int(month) <= 12:
        last = calendar.monthrange(2023, int(month))[1]
        if int(day) == last or (int(month) == 2 and int(day) == 29):
            return int(month)
    raise fail(f'entities.{name}.fiscal-year-end is the last day of a month, written "MM-DD": '
               f'fiscal-year-end = "06-30" (a year from July to June), not {value!r}', "fiscal-year-end")


def placed(claims: tuple[Claim, ...], entities: Entities) -> tuple[tuple[Claim, ...], list[Problem]]:
    """Claims under their entity's name, with fiscal periods placed in the entity's calendar.
    A claim whose fiscal period cannot be placed is left out, with a problem that says why,
    as a claim that does not load is."""
    problems: list[Problem] = []
    out = []
    named = bool(entities)
    for claim in claims:
        period, since = claim.period, claim.since
        if not named and since is None and (period is None or period.kind != "fiscal"):
            out.append(claim)  # the common case, with nothing to place: one test
            continue
        before = len(problems)
        entity = entities.get(claim.entity) if named else None
        changes: dict[str, Any] = {}
        if entity is not None and claim.entity != entity.name:
            changes["entity"] = entity.name
        if claim.period is not None and claim.period.kind == "fiscal" and claim.period.start is None:
            period = _place(claim, claim.period, entity, problems)
            if period is not None:
                changes["period"] = period
        since = claim.since
        if since is not None and since.period is not None and since.period.kind == "fiscal" \
                and since.period.start is None:
            period = _place(claim, since.period, entity, problems)
            if period is not None:
                changes["since"] = Since(since.text, "period", period=period)
        if len(problems) == before:
            out.append(attrs.evolve(claim, **changes) if changes else claim)
    return tuple(out), problems


def _place(claim: Claim, period: Period, entity: Entity | None, problems: list[Problem]) -> Period | None:
    if entity is None or entity.fiscal_year_end is None:
        name = entity.name if entity is not None else claim.entity
        problems.append(Problem(claim.location or Location("?"), (
            f"{claim.ref}: {period.text!r} is a fiscal period, but {name} has no fiscal calendar: add "
            f'[entities.{_toml_key(name)}] fiscal-year-end = "06-30" (the last day of its fiscal year) '
            f"to the config (verify.toml), or write the period as dates, such as "
            f'"2024-07-01..2025-06-30"')))
        return None
    try:
        return period.in_fiscal_year(entity.fiscal_year_end)
    except PeriodParseError as exc:
        problems.append(Problem(claim.location or Location("?"), f"{claim.ref}: {exc.message}"))
        return None


def _toml_key(name: str) -> str:
    return name if name.replace("-", "").replace("_", "").isalnum() else f'"{name}"'
