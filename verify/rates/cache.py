"""A rates file as read, kept between runs in the user's cache folder.

Reading the ECB history (1.9 MB, forty-odd currencies) and splitting a currency's column
out of its rows are most of what a small run spends on its conversions. An entry holds
what reading found (the days, each day's line in the file, the currency codes), the
columns runs have split out, which of them had every cell checked, and the prefix sums
of those whose averages were asked, under a hash of the file's bytes: a file changed in
any way is another key, so what was read from an older file is never used, whatever its
size or time stamps say. An entry is only ever written once the file was read without error.

A cache that cannot be read or written costs nothing but the time: the file is read as
if there were none. `VERIFY_CACHE_DIR` names another folder; set empty, no cache is used.
"""

from __future__ import annotations

import marshal
import os
import sys
from pathlib import Path

VERSION = 2  # of an entry's layout: an entry of another version is not read
ENV = "VERIFY_CACHE_DIR"
MIN_BYTES = 64 * 1024  # a smaller file is read in less time than its hash and entry take
KEPT = 8  # entries kept, the most recently written: one a version of each rates file in use


def folder() -> Path | None:
    """Where entries are kept: `VERIFY_CACHE_DIR`, else the platform's cache folder for verify."""
    chosen = os.environ.get(ENV)
    if chosen is not None:
        return Path(chosen) if chosen else None
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA", "")
    elif sys.platform == "darwin":
        base = os.path.expanduser("~/Library/Caches")
    else:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache")
    # without a home folder expanduser leaves "~": never a folder relative to where verify runs
    return Path(base) / "verify" if os.path.isabs(base) else None


def key(data: bytes) -> str:
    """The hash an entry is kept under: BLAKE2b of the file's bytes."""
    try:
        from _blake2 import blake2b  # what hashlib gives, without loading OpenSSL (~8 ms)
    except ImportError:  # pragma: no cover - an interpreter built without it
        from hashlib import blake2b
    return blake2b(data, digest_size=20).hexdigest()


def _path(where: Path, name: str) -> Path:
    return where / f"rates-{VERSION}-{name}.marshal"


def load(name: str) -> dict | None:
    """The entry kept under `name`, or None (none, unreadable, or of another layout)."""
    where = folder()
    if where is None:
        return None
    try:
        with open(_path(where, name), "rb") as f:
            entry = marshal.loads(f.read())  # marshal.load reads an object at a time
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if not (isinstance(entry, dict) and entry.get("version") == VERSION and isinstance(entry.get("dates"), list)
            and isinstance(entry.get("lines"), list) and isinstance(entry.get("codes"), list)
            and isinstance(entry.get("columns"), dict) and isinstance(entry.get("checked"), list)
            and isinstance(entry.get("means"), dict) and len(entry["dates"]) == len(entry["lines"])):
        return None
    return entry


def store(name: str, entry: dict) -> None:
    """Keep `entry` under `name`, replacing any: written beside and renamed, so that another
    run reads the old entry or the new one, never half of one. Failing to is no error."""
    where = folder()
    if where is None:
        return
    target = _path(where, name)
    temporary = target.with_name(f".{target.name}.{os.getpid()}")
    try:
        where.mkdir(parents=True, exist_ok=True)
        with open(temporary, "wb") as f:
            f.write(marshal.dumps({**entry, "version": VERSION}))
        os.replace(temporary, target)
        _prune(where, target)
    except (OSError, ValueError):
        try:
            temporary.unlink(missing_ok=True)
        except OSError:
            pass


def _prune(where: Path, written: Path) -> None:
    """Remove all but the KEPT most recently written entries (older versions of a file)."""
    entries = []
    for path in where.glob("rates-*.marshal"):
        try:
            entries.append((path == written, path.stat().st_mtime_ns, path))
        except OSError:
            continue
    entries.sort(reverse=True)  # the one just written first, whatever the clock's resolution
    for _, _, path in entries[KEPT:]:
        path.unlink(missing_ok=True)
