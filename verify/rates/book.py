"""The rate sources in force, in order, and conversions of quantities through them.

A folder of rates holds `sources.toml`, which names each source's CSV and anchor
currency. The package carries the ECB history, so `verify` works offline from
any directory; `--rates DIR` or the config points at another folder.
Each table is read only when a conversion first needs it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import tomli

from verify import tomltext
from verify.exact import Exact
from verify.io import read_text
from verify.quantity import Quantity
from verify.rates.table import Rate, RateError, RateTable
from verify.record import Record
from verify.resources import DATA
from verify.units import Unit

SOURCES_FILE = "sources.toml"
_SOURCE_FIELDS = {"name", "title", "attribution", "file", "anchor"}


class SourceSpec(Record):
    """A rates source as described in sources.toml: read lazily into a RateTable."""

    __slots__ = ("name", "path", "anchor", "title", "attribution")

    def __init__(self, name: str, path: Path, anchor: str = "EUR", title: str | None = None,
                 attribution: str | None = None) -> None:
        self.name, self.path, self.anchor, self.title, self.attribution = name, path, anchor, title, attribution

    def open(self) -> RateTable:
        return RateTable(self.path, name=self.name, anchor=self.anchor, title=self.title,
                         attribution=self.attribution)


class RateBook:
    def __init__(self, specs: list[SourceSpec]):
        if not specs:
            raise RateError("no rates sources are configured")
        self.specs = specs
        self._tables: dict[str, RateTable] = {}

    @classmethod
    def from_folder(cls, folder: str | Path) -> RateBook:
        folder = Path(folder)
        described = folder / SOURCES_FILE
        if not described.is_file():
            raise RateError(f"{folder} has no {SOURCES_FILE} describing its rates sources", file=str(folder))
        try:
            data = tomltext.loads(read_text(described))
        except (OSError, UnicodeDecodeError, tomli.TOMLDecodeError) as exc:
            raise RateError(f"cannot read {described}: {getattr(exc, 'strerror', None) or exc}",
                            file=str(described)) from None
        entries = data.get("source", [])
        if not isinstance(entries, list):
            entries = [entries]
        specs = []
        for i, entry in enumerate(entries):
            if not isinstance(entry, dict) or not all(isinstance(v, str) for v in entry.values()):
                raise RateError(f"[[source]] number {i + 1} is a table of texts in quotes: name = \"ECB\", "
                                'file = "eurofxref-hist.csv", anchor = "EUR"', file=str(described))
            unknown = set(entry) - _SOURCE_FIELDS
            if unknown or "name" not in entry or "file" not in entry:
                raise RateError(f"[[source]] number {i + 1} needs name and file (and may have "
                                f"{', '.join(sorted(_SOURCE_FIELDS - {'name', 'file'}))})"
                                + (f"; unknown: {', '.join(sorted(unknown))}" if unknown else ""),
                                file=str(described))
            try:
                file = (folder / entry["file"]).resolve()
                inside = file.is_relative_to(folder.resolve())
            except (OSError, RuntimeError) as exc:  # RuntimeError: a loop of links, before Python 3.13
                raise RateError(f"cannot follow the rates file {entry['file']!r}: {exc}", file=str(described)) \
                    from None
            if not inside:
                raise RateError(f"rates file {entry['file']!r} lies outside {folder}", file=str(described))
            specs.append(SourceSpec(entry["name"], file, entry.get("anchor", "EUR"), entry.get("title"),
                                    entry.get("attribution")))
        return cls(specs)

    @classmethod
    def bundled(cls) -> RateBook:
        """The ECB history shipped with verify."""
        return cls.from_folder(bundled_folder())

    def table(self, spec: SourceSpec) -> RateTable:
        if spec.name not in self._tables:
            self._tables[spec.name] = spec.open()
        return self._tables[spec.name]

    @property
    def loaded(self) -> bool:
        """Whether any table has been read (a run that converts nothing reads none)."""
        return bool(self._tables)

    def _first(self, base: str, quote: str, ask):
        errors = []
        for spec in self.specs:
            try:
                return ask(self.table(spec))
            except RateError as exc:
                errors.append(exc)
        raise errors[0] if len(errors) == 1 else RateError("; ".join(e.message for e in errors))

    def rate(self, base: str, quote: str, on: date) -> Rate:
        if base == quote:
            return Rate(base, quote, Exact(1), on, "identity", on)
        return self._first(base, quote, lambda t: t.rate(base, quote, on))

    def extremes(self, base: str, quote: str, start: date, end: date, *,
                 from_start: bool = False) -> tuple[Rate, Rate]:
        if base == quote:
            same = Rate(base, quote, Exact(1), start, "identity", start)
            return same, same
        return self._first(base, quote, lambda t: t.extremes(base, quote, start, end, from_start=from_start))

    def closest(self, base: str, quote: str, start: date, end: date, wanted) -> Rate:
        if base == quote:
            return Rate(base, quote, Exact(1), end, "identity", end, "daily")
        return self._first(base, quote, lambda t: t.closest(base, quote, start, end, wanted))

    def average(self, base: str, quote: str, start: date, end: date) -> Rate:
        if base == quote:
            return Rate(base, quote, Exact(1), end, "identity", end, "period average", start)
        return self._first(base, quote, lambda t: t.average(base, quote, start, end))

    def convert(self, quantity: Quantity, to: str, on: date) -> tuple[Quantity, Rate]:
        """`quantity` (money, or money per something) in currency `to` at the fixing of `on`."""
        code, exponent = money_dimension(quantity.unit)
        rate = self.rate(code, to, on)
        return Quantity(quantity.interval.scale(rate.value ** exponent), quantity.unit.with_currency(code, to)), rate


def money_dimension(unit: Unit) -> tuple[str, int]:
    """The one currency of a unit and its exponent; a RateError if there is not exactly one."""
    if len(unit.currencies) != 1:
        raise RateError(f"{unit} is not an amount of one currency")
    return unit.currencies[0]


def bundled_folder() -> Path:
    """The rates shipped in the package, or the repository's rates/ in a source checkout."""
    packaged = DATA / "rates"
    if (packaged / SOURCES_FILE).is_file():
        return packaged
    checkout = Path(__file__).resolve().parents[2] / "rates"
    if (checkout / SOURCES_FILE).is_file():
        return checkout
    raise RateError("the bundled rates are missing from this installation: reinstall verify, "
                    "or give --rates DIR")
