"""Claims written out as a claim file: `verify.dumps`."""

from __future__ import annotations

from typing import Any, Iterable

from verify.claimfile.schema import FIELDS


def dumps(source, claims: Iterable = (), *, checks: Iterable = (), acknowledgements: Iterable = ()) -> str:
    """A claim file (TOML) holding `source` and its claims, checks and acknowledgements.

    `verify.load` reads it back to equal objects: values, periods and `since` are written
    as their text, as first written; fields follow the canonical layout of `verify fmt`.
    Claims of other sources are refused (ValueError): a claim file holds one source.
    """
    import tomlkit

    doc = tomlkit.document()
    doc.add("source", _table(source, "source"))
    for name, items in (("claim", claims), ("check", checks), ("acknowledge", acknowledgements)):
        items = list(items)
        for item in items:
            if getattr(item, "source", source.id) not in ("", source.id):
                raise ValueError(f"{name} {getattr(item, 'id', '')!r} belongs to source {item.source!r}, "
                                 f"not {source.id!r}: write one file per source")
        if items:
            array = tomlkit.aot()
            for item in items:
                array.append(_table(item, name))
            doc.add(name, array)
    return tomlkit.dumps(doc)


def _table(obj: Any, name: str):
    import tomlkit

    table = tomlkit.table()
    for field in FIELDS[name]:
        value = getattr(obj, field.name, None)
        if value is None:
            continue
        if name == "source" and field.name == "locale" and value == "en_US":
            continue  # the default
        if hasattr(value, "text"):  # a Value, Period or Since: as written
            value = value.text
        elif isinstance(value, tuple):
            value = list(value)
        table.add(field.name, value)
    return table
