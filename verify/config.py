"""Project configuration: `verify.toml`, or `[tool.verify]` in pyproject.toml.

Found by walking up from the first checked path (as ruff and pytest do), or
named with `--config`. Paths inside it are relative to the file. Every key is
checked here, once, so that rules and the loader receive values they can trust.
"""

from __future__ import annotations

import functools
import os
import re
from fractions import Fraction
from pathlib import Path
from typing import Any

import attrs
import tomli

from verify import tomltext
from verify.claimfile.schema import unknown
from verify import entities
from verify.entities import Entities
from verify.errors import FileError, VerifyError
from verify.exact import Exact
from verify.io import read_text
from verify.tolerance import DEFAULT as DEFAULT_TOLERANCE

FILE_NAME = "verify.toml"
KEYS = ("paths", "fail-on", "select", "ignore", "rates", "packs", "metrics", "vocabularies", "hedges",
        "loose-tolerance", "entities", "loose-min-relative")
FAIL_ON = ("error", "warning", "never")
HEDGE_KEYS = ("words", "strict", "loose")
METRIC_KINDS = "money, percent, points, ratio, rank, count:<noun>, money/count:<noun>"


class ConfigError(FileError):
    """A config file that cannot be used, with where and what to write instead."""


@attrs.frozen
class Config:
    """Settings a project keeps with its claims; every field has the built-in default."""

    file: str | None = None
    paths: tuple[str, ...] = ()
    fail_on: str | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    rates: str | None = None
    packs: tuple[str, ...] = ()  # extra identity rule packs (TOML files)
    metrics: dict[str, str] = attrs.field(factory=dict)  # metric -> kind, over the vocabulary
    hedges: dict[str, Any] = attrs.field(factory=dict)  # overlays verify/data/hedges.toml
    loose_tolerance: Fraction = attrs.field(factory=lambda: DEFAULT_TOLERANCE)  # per relation
    entities: Entities = attrs.field(factory=Entities)  # aliases and fiscal calendars
    notices: tuple[str, ...] = ()  # warnings for the user (deprecated keys), with file and line

    @functools.cached_property
    def lexicon(self):
        """The value grammar's word tables with this project's hedges."""
        from verify.values.lexicon import Lexicon, default_lexicon

        return Lexicon.build({"hedges": self.hedges}) if self.hedges else default_lexicon()

    @functools.cached_property
    def vocabulary(self):
        """The metric vocabulary with this project's metrics."""
        from verify.vocabulary import Vocabulary, default_vocabulary

        return Vocabulary.build(self.metrics) if self.metrics else default_vocabulary()

    @functools.cached_property
    def rule_packs(self):
        """The built-in rule packs, then the project's, each file read once per config."""
        from verify.rules.packs import builtin_packs, read

        return builtin_packs() + tuple(read(p) for p in self.packs)


def find(start: str | Path) -> Path | None:
    """The nearest verify.toml, or pyproject.toml with [tool.verify], at or above `start`.

    Where the working directory is in its project (at, above or below the file), the path
    is relative to it, as are then the paths the config names: reports print the paths a
    person would type."""
    try:
        here = Path(start).resolve()
    except (OSError, RuntimeError):  # a loop of symlinks: look from where it is written
        here = Path(start).absolute()
    if not here.is_dir():
        here = here.parent
    for folder in (here, *here.parents):
        candidate = _from_here(folder / FILE_NAME)
        if candidate.is_file():
            return candidate
        pyproject = _from_here(folder / "pyproject.toml")
        if pyproject.is_file() and _has_tool_table(pyproject):
            return pyproject
    return None


def _from_here(path: Path) -> Path:
    try:
        here = Path.cwd()
    except OSError:  # the working directory was removed
        return path
    if here.is_relative_to(path.parent) or path.parent.is_relative_to(here):
        return Path(os.path.relpath(path, here))
    return path


def discover(paths: list[str], explicit: str | None = None) -> Config:
    """The config named by `--config`, else the one found from the first path, else the defaults."""
    if explicit:
        return read(explicit)
    found = find(paths[0] if paths else ".")
    return read(found) if found else Config()


def read(path: str | Path) -> Config:
    path = Path(path)
    data, text = read_toml(path, "config")
    if path.name == "pyproject.toml":
        data = _tool_table(data)
        if not isinstance(data, dict):
            raise ConfigError("[tool.verify] in pyproject.toml is a table of settings: write [tool.verify] "
                              'on a line of its own, then fail-on = "warning" and so on', str(path),
                              line_of(text, "tool") or line_of(text, "verify"))
    return parse(data, str(path), text)


def _tool_table(data: dict[str, Any]) -> Any:
    """pyproject.toml's [tool.verify], {} if absent; whatever is there if it is no table."""
    tool = data.get("tool", {})
    return tool.get("verify", {}) if isinstance(tool, dict) else tool


def read_toml(path: Path, what: str) -> tuple[dict[str, Any], str]:
    """A project's TOML file (config, rule pack, vocabulary) and its text; a ConfigError naming
    the file and line if it cannot be read."""
    try:
        text = read_text(path)
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read the {what}: {getattr(exc, 'strerror', None) or exc}", str(path)) from None
    try:
        return tomltext.loads(text), text
    except tomli.TOMLDecodeError as exc:
        m = re.search(r"line (\d+)", str(exc))
        raise ConfigError(f"TOML syntax error in the {what}: {exc}", str(path),
                          int(m.group(1)) if m else None) from None


def parse(data: dict[str, Any], file: str | None = None, text: str = "") -> Config:
    """A Config from a parsed table; `text` (the file) only places errors on their line."""

    def fail(message: str, key: str) -> ConfigError:
        return ConfigError(message, file, line_of(text, key))

    base = Path(file).parent if file else Path(".")
    for key in data:
        if key not in KEYS:
            raise fail(unknown(key, KEYS, "config key"), key)
    fail_on = data.get("fail-on")
    if fail_on is not None and fail_on not in FAIL_ON:
        raise fail(f"fail-on is one of {', '.join(FAIL_ON)}, not {fail_on!r}", "fail-on")
    rates = data.get("rates")
    if rates is not None and not isinstance(rates, str):
        raise fail('rates is a folder holding a sources.toml: rates = "rates"', "rates")
    metrics = data.get("metrics", {})
    if not isinstance(metrics, dict) or not all(isinstance(v, str) for v in metrics.values()):
        raise fail(f'metrics maps a metric to its kind: [metrics] ebitda_margin = "percent" '
                   f'(kinds: {METRIC_KINDS})', "metrics")
    for vocabulary in _strings(data, "vocabularies", fail):
        metrics = {**_vocabulary(base / vocabulary, fail), **metrics}
    return Config(
        file=file,
        paths=tuple(str(base / p) for p in _strings(data, "paths", fail)),
        fail_on=fail_on,
        select=_names(data, "select", fail),
        ignore=_names(data, "ignore", fail),
        rates=str(base / rates) if rates else None,
        packs=tuple(str(base / p) for p in _strings(data, "packs", fail)),
        metrics=metrics,
        hedges=_hedges(data, fail),
        loose_tolerance=_tolerance(data, fail),
        entities=entities.parse(data.get("entities", {}), fail),
        notices=_deprecations(data, file, text),
    )


def _strings(data: dict[str, Any], key: str, fail) -> list[str]:
    value = data.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise fail(f'{key} is a list of strings: {key} = ["..."]', key)
    return value


def _names(data: dict[str, Any], key: str, fail) -> tuple[str, ...] | None:
    """Rule names, as a list: a string would be one name, and "check, agreement" none at all."""
    if key not in data:
        return None
    value = data[key]
    if isinstance(value, str):
        names = ", ".join(f'"{n.strip()}"' for n in value.split(",") if n.strip()) or '"agreement"'
        raise fail(f"{key} is a list of rule families or ids, not a string: {key} = [{names}]", key)
    return tuple(_strings(data, key, fail))


def _vocabulary(path: Path, fail) -> dict[str, str]:
    table, _ = read_toml(path, "vocabulary")
    metrics = table.get("metrics")
    if not isinstance(metrics, dict) or not all(isinstance(v, str) for v in metrics.values()):
        raise fail(f'{path}: a vocabulary holds a [metrics] table: revenue = "money"', "vocabularies")
    return metrics


def _hedges(data: dict[str, Any], fail) -> dict[str, Any]:
    """The overrides of the hedge table, each interval checked now rather than mid-run."""
    from verify.interval import Interval

    hedges = data.get("hedges", {})
    if not isinstance(hedges, dict):
        raise fail('hedges is a table of tables: [hedges.about] strict = "[0.97, 1.03]"', "hedges")
    from verify import resources

    known = resources.packaged("hedges")["hedges"]
    for name, entry in hedges.items():
        if not isinstance(entry, dict):
            raise fail(f'hedges.{name} is a table: [hedges.{name}] strict = "[0.97, 1.03]"', name)
        if name not in known and set(entry) != set(HEDGE_KEYS):
            raise fail(f'hedges.{name}: a new hedge needs words, strict and loose: words = ["barely"], '
                       f'strict = "[1, 1.01]", loose = "[1, 1.05]" (existing hedges: {", ".join(known)})', name)
        for key, value in entry.items():
            if key not in HEDGE_KEYS:
                raise fail(unknown(key, HEDGE_KEYS, f"key of hedges.{name}"), key)
            if key == "words":
                if not isinstance(value, list) or not all(isinstance(w, str) for w in value):
                    raise fail(f'hedges.{name}.words is a list: words = ["about", "around"]', key)
                continue
            try:
                if not isinstance(value, str):
                    raise TypeError
                Interval.parse(value)
            except (VerifyError, ValueError, TypeError):
                raise fail(f'hedges.{name}.{key} is an interval of factors such as "[0.95, 1]" or '
                           f'"(1, inf)", not {value!r}', key) from None
    return {"hedges": hedges} if hedges else {}


# A key renamed: read for one release under its old name, with a notice naming the new one.
RENAMED = {"loose-min-relative": "loose-tolerance"}


def _tolerance(data: dict[str, Any], fail) -> Fraction:
    """The loose tolerance of a relation: a fraction in [0, 1), e.g. "0.02" (2%)."""
    key = next((k for k in ("loose-tolerance", "loose-min-relative") if k in data), None)
    if key is None:
        return DEFAULT_TOLERANCE
    value = data[key]
    try:
        if isinstance(value, bool):
            raise ValueError
        tolerance = Exact(str(value))
        if not 0 <= tolerance < 1:
            raise ValueError
    except (ValueError, ZeroDivisionError, TypeError):
        raise fail(f'{key} is a fraction between 0 and 1, e.g. loose-tolerance = "0.02" (2%), not {value!r}',
                   key) from None
    return tolerance


def _deprecations(data: dict[str, Any], file: str | None, text: str) -> tuple[str, ...]:
    notices = []
    for old, new in RENAMED.items():
        if old in data:
            line = line_of(text, old)
            where = f"{file}:{line}" if file and line else (file or "config")
            extra = f"; {new} wins where both are set" if new in data else ""
            notices.append(f"{where}: {old} is deprecated and will be removed in the next release: "
                           f'write {new} = "{data[old]}" instead{extra}')
    return tuple(notices)


# A [tool.verify] table (or a table below it) opened on a line of its own.
_TOOL_TABLE = re.compile(r"^[ \t]*\[[ \t]*tool[ \t]*\.[ \t]*\"?verify\"?[ \t]*[\].]", re.MULTILINE)


def _has_tool_table(pyproject: Path) -> bool:
    """Whether the file holds [tool.verify]. One that does not parse but opens that table is
    the config all the same: its syntax error is reported, never walked past in silence."""
    try:
        text = read_text(pyproject)
    except (OSError, UnicodeDecodeError):
        return False
    try:
        tool = tomltext.loads(text).get("tool", {})
    except tomli.TOMLDecodeError:
        if _TOOL_TABLE.search(text):
            read_toml(pyproject, "config")  # raises the ConfigError with its line
        return False
    return isinstance(tool, dict) and "verify" in tool


def line_of(text: str, key: str) -> int | None:
    """The first line that sets or opens `key`; TOML parsers keep no positions."""
    pattern = re.compile(rf"^\s*(\[+\s*[\w.\"-]*)?\b{re.escape(key)}\b")
    for number, line in enumerate(text.splitlines(), 1):
        if pattern.match(line):
            return number
    return None
