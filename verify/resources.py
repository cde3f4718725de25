"""The one way packaged data files (word tables, rule packs, vocabularies) are read.

Users extend these tables from their config; `overlay` merges such overrides so
that every table is extended the same way.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import tomli

# verify is installed as files (its rates are read by path), so its data is found beside
# this module; importlib.resources would cost a tenth of a small run just to import.
DATA = Path(__file__).with_name("data")


@functools.cache
def packaged(name: str) -> dict[str, Any]:
    """The packaged TOML table `verify/data/<name>.toml` (parsed once per process)."""
    with (DATA / f"{name}.toml").open("rb") as f:
        return tomli.load(f)


def overlay(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    """`base` with `override` merged in: tables merge key by key, anything else replaces."""
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = overlay(merged[key], value)
        else:
            merged[key] = value
    return merged
