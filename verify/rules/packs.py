"""Rule packs: identities among metrics, as TOML data (the `identity` rule).

The finance pack ships in `verify/data/packs/`; a project's own packs, named in
its config, are read the same way (once, by `Config.rule_packs`) and checked as
thoroughly as claim files.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from verify import expressions as ex
from verify import resources
from verify.claimfile.schema import unknown
from verify.config import ConfigError, line_of, read_toml
from verify.record import Record

BUILTIN_PACKS = ("finance",)
PACK_KEYS = ("pack", "identity")
PACK_FIELDS = ("name", "description")
IDENTITY_FIELDS = ("id", "expr", "explain", "example")


class Identity(Record):
    __slots__ = ("id", "expr", "tree", "explain", "example", "metrics")

    def __init__(self, id: str, expr: str, tree: ex.Relation, explain: str = "", example: str = "") -> None:
        self.id, self.expr, self.tree, self.explain, self.example = id, expr, tree, explain, example
        self.metrics = tuple(dict.fromkeys(r.name for r in ex.refs(tree)))


class Pack(Record):
    __slots__ = ("name", "description", "identities", "origin")

    def __init__(self, name: str, description: str, identities: tuple[Identity, ...], origin: str) -> None:
        self.name, self.description, self.identities = name, description, identities
        self.origin = origin  # "built-in" or the file it came from


def parse(table: dict[str, Any], origin: str, text: str = "") -> Pack:
    """A pack from its parsed TOML; raises ConfigError naming the line and the fix."""

    def fail(message: str, key: str) -> ConfigError:
        return ConfigError(message, origin, line_of(text, key))

    for key in table:
        if key not in PACK_KEYS:
            raise fail(unknown(key, PACK_KEYS, "table of a rule pack"), key)
    head = table.get("pack", {})
    if not isinstance(head, dict) or not all(isinstance(v, str) for v in head.values()):
        raise fail('[pack] is a table of texts: [pack] name = "retail", description = "..."', "pack")
    for key in head:
        if key not in PACK_FIELDS:
            raise fail(unknown(key, PACK_FIELDS, "field of [pack]"), key)
    identities, seen = [], set()
    entries = table.get("identity", [])
    if not isinstance(entries, list) or not entries:
        raise fail('a rule pack holds [[identity]] tables: id = "market_cap", '
                   'expr = "market_cap == share_price * shares_outstanding"', "identity")
    for entry in entries:
        if not isinstance(entry, dict):
            raise fail('each identity is a table under [[identity]]: id = "net_margin", '
                       'expr = "net_margin == net_income / revenue"', "identity")
        for key in entry:
            if key not in IDENTITY_FIELDS:
                raise fail(unknown(key, IDENTITY_FIELDS, "field of [[identity]]"), key)
        if not all(isinstance(entry.get(k, ""), str) for k in IDENTITY_FIELDS) or "id" not in entry \
                or "expr" not in entry:
            raise fail('each [[identity]] needs an id and an expr, all its fields texts in quotes: '
                       'id = "net_margin", expr = "net_margin == net_income / revenue"', "identity")
        if entry["id"] in seen:
            raise fail(f"identity id {entry['id']!r} is used twice in this pack", "id")
        seen.add(entry["id"])
        try:
            tree = ex.parse(entry["expr"])
        except ex.ExpressionError as exc:
            raise fail(f"identity {entry['id']!r}: {exc.message}", "expr") from None
        if any("." in r.name for r in ex.refs(tree)):
            raise fail(f"identity {entry['id']!r} names metrics, not claims: write net_income, "
                       "not source.claim", "expr")
        identities.append(Identity(entry["id"], entry["expr"], tree, entry.get("explain", ""),
                                   entry.get("example", "")))
    return Pack(head.get("name", Path(origin).stem), head.get("description", ""), tuple(identities), origin)


@functools.cache
def builtin_packs() -> tuple[Pack, ...]:
    return tuple(parse(resources.packaged(f"packs/{name}"), "built-in") for name in BUILTIN_PACKS)


def read(path: str) -> Pack:
    table, text = read_toml(Path(path), "rule pack")
    return parse(table, path, text)
