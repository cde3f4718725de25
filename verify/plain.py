"""Model objects as plain data (JSON-ready dicts, lists, strings, numbers) and back.

One codec for every class, driven by the classes' own attrs fields and type hints, so a
field added to a class travels without a line here. Exact numbers are written as the
JSON report writes them (a decimal where one is finite, else p/q); dates in ISO form;
infinite interval ends as "inf"/"-inf".

`PlainData` gives a class `to_dict()` and `from_dict()`.
"""

from __future__ import annotations

import datetime
import math
import types
import typing
from fractions import Fraction
from typing import Any

import attrs

# Fields that are derived from others (rebuilt on construction) or hold live objects.
_DERIVED = {"tree", "config", "articles"}


class PlainData:
    """A mixin for attrs classes: `to_dict()` and `from_dict()` through the plain-data codec."""

    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        """This object as JSON-serialisable plain data."""
        return to_plain(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]):
        """The object `to_dict()` gave `data` for; raises ValueError or TypeError for data of another shape."""
        return from_plain(cls, data)


def to_plain(obj: Any) -> Any:
    if obj is None or isinstance(obj, (bool, str, int)):
        return obj
    if isinstance(obj, Fraction):
        from verify import formatting

        return formatting.exact(obj)
    if isinstance(obj, float):
        if math.isinf(obj):
            return "inf" if obj > 0 else "-inf"
        raise TypeError(f"binary float {obj!r} has no exact plain form")
    if isinstance(obj, datetime.date):
        return obj.isoformat()
    if isinstance(obj, (tuple, list)):
        return [to_plain(x) for x in obj]
    if isinstance(obj, dict):
        return {str(k): to_plain(v) for k, v in obj.items()}
    custom = getattr(obj, "__plain__", None)
    if custom is not None:
        return custom()
    if attrs.has(type(obj)):
        return {f.name: to_plain(getattr(obj, f.name)) for f in _fields(type(obj))}
    raise TypeError(f"{type(obj).__name__} has no plain form")


def from_plain(cls: type, data: Any) -> Any:
    if not isinstance(data, dict):
        raise TypeError(f"{cls.__name__} data must be a dict, not {type(data).__name__}")
    hints = _hints(cls)
    unknown = set(data) - {f.name for f in _fields(cls)}
    if unknown:
        raise ValueError(f"{cls.__name__} has no field {sorted(unknown)[0]!r}")
    return cls(**{name: _decode(hints[name], value) for name, value in data.items()})


_FIELDS: dict[type, tuple] = {}
_HINTS: dict[type, dict[str, Any]] = {}


def _fields(cls: type) -> tuple:
    if cls not in _FIELDS:
        _FIELDS[cls] = tuple(f for f in attrs.fields(cls) if f.init and f.name not in _DERIVED)
    return _FIELDS[cls]


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = typing.get_type_hints(cls)
    return _HINTS[cls]


def _decode(tp: Any, data: Any) -> Any:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        options = typing.get_args(tp)
        if data is None and type(None) in options:
            return None
        if float in options and data in ("inf", "-inf"):
            return math.inf if data == "inf" else -math.inf
        errors = []
        for option in options:
            if option is type(None) or option is float:
                continue
            try:
                return _decode(option, data)
            except (TypeError, ValueError) as exc:
                errors.append(exc)
        raise errors[0] if errors else TypeError(f"{data!r} fits no type of {tp}")
    if origin is tuple:
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_decode(args[0], x) for x in _list(data))
        return tuple(_decode(a, x) for a, x in zip(args, _list(data), strict=True))
    if origin is dict:
        key, value = typing.get_args(tp)
        if not isinstance(data, dict):
            raise TypeError(f"expected a dict, not {data!r}")
        return {k: _decode(value, v) for k, v in data.items()}
    if tp is Any or tp is object:
        return data
    if tp is Fraction:
        from verify.exact import Exact

        if not isinstance(data, (str, int)) or isinstance(data, bool):
            raise TypeError(f"an exact number is written as a string, not {data!r}")
        return Exact(data)
    if tp is datetime.date:
        if not isinstance(data, str):
            raise TypeError(f"a date is written as YYYY-MM-DD, not {data!r}")
        return datetime.date.fromisoformat(data)
    if tp in (str, int, bool):
        if type(data) is not tp:
            raise TypeError(f"expected {tp.__name__}, not {data!r}")
        return data
    if isinstance(tp, type) and hasattr(tp, "__from_plain__"):
        return tp.__from_plain__(data)
    if isinstance(tp, type) and attrs.has(tp):
        return from_plain(tp, data)
    raise TypeError(f"cannot read {tp} from plain data")


def _list(data: Any) -> list:
    if not isinstance(data, list):
        raise TypeError(f"expected a list, not {data!r}")
    return data
