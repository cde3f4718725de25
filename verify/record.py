"""Plain value classes for a run's internal records, without attrs' cost at start-up.

attrs writes and compiles the methods of each class as the class is defined, at every
start: ~0.35 ms a class, a tenth of a small run over the fifty-odd classes a run defines.
The public classes stay attrs classes (their users may `attrs.evolve` or `attrs.fields`
them); an internal one names its fields in `__slots__`, writes its own `__init__`, and
takes equality, hashing and repr by those fields, in that order, from `Record`. Records
are not changed once made: `replace` makes another.
"""

from __future__ import annotations

import operator
from typing import Any, Callable, TypeVar

R = TypeVar("R", bound="Record")


class Record:
    __slots__ = ()
    _values: Callable[[Any], Any]  # the fields' values, one C call

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._values = operator.attrgetter(*cls.__slots__) if cls.__slots__ else _nothing

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values(self) == other._values(other)  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(self._values(self))

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"{type(self).__name__}({fields})"

    def replace(self: R, **changes: Any) -> R:
        """A copy with `changes` to some fields (each `__init__` takes its fields by name)."""
        return type(self)(**{name: changes.pop(name, getattr(self, name)) for name in self.__slots__}, **changes)


def _nothing(record: Record) -> tuple:
    return ()
