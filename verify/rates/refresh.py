"""Replacing the ECB history with a newer file, never leaving a broken table behind.

The new file (the ECB's eurofxref-hist.zip or its CSV, from a path or a URL) is
written beside the old one under a temporary name, read and checked whole, and
only then renamed over it: a bad or truncated download changes nothing.
"""

from __future__ import annotations

import io
import os
import urllib.request
import zipfile
from pathlib import Path

from verify.io import read_bytes, temporary_beside
from verify.rates.table import RateError, RateTable

ECB_FILE = "eurofxref-hist.csv"
ECB_URL = "https://www.ecb.europa.eu/stats/eurofxref/eurofxref-hist.zip"
MAX_BYTES = 64 * 1024 * 1024


def fetch(source: str) -> bytes:
    """The bytes of a path or an http(s) URL."""
    if source.startswith(("http://", "https://")):
        try:
            with urllib.request.urlopen(source, timeout=60) as response:  # noqa: S310 (http(s) only)
                data = response.read(MAX_BYTES + 1)
        except OSError as exc:
            raise RateError(f"cannot download {source}: {exc}") from None
    else:
        try:
            data = read_bytes(source, MAX_BYTES)
        except OSError as exc:
            raise RateError(f"cannot read {source}: {exc.strerror or exc}") from None
    if len(data) > MAX_BYTES:
        raise RateError(f"{source} is larger than {MAX_BYTES >> 20} MiB: not an ECB rates file")
    return data


def csv_bytes(data: bytes, source: str) -> bytes:
    """The CSV inside an ECB zip, or the data itself if it is already CSV."""
    if not data.startswith(b"PK"):
        return data
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = [n for n in archive.namelist() if n.endswith(".csv")]
            if len(members) != 1:
                raise RateError(f"{source} should hold one CSV file, it holds {len(members)}")
            info = archive.getinfo(members[0])
            if info.file_size > MAX_BYTES:
                raise RateError(f"{members[0]} in {source} is larger than {MAX_BYTES >> 20} MiB")
            # Read by the bytes that come out, not the size the archive claims.
            with archive.open(info) as member:
                csv = member.read(MAX_BYTES + 1)
    except RateError:
        raise
    except Exception as exc:  # noqa: BLE001 - zipfile and its decompressors raise a dozen kinds
        raise RateError(f"{source} is a damaged zip file ({type(exc).__name__}: {exc}): download it "
                        "again") from None
    if len(csv) > MAX_BYTES:
        raise RateError(f"{members[0]} in {source} is larger than {MAX_BYTES >> 20} MiB")
    return csv


def _covers(new: RateTable, current: RateTable, source: str) -> None:
    """Refuse a file that would lose days the current table has: the ECB never drops one,
    so a file without them was cut short (a download stopped at a line's end parses)."""
    if new.last_day < current.last_day:
        raise RateError(f"{source} ends on {new.last_day}, before the current table "
                        f"({current.last_day}); pass --allow-older to go back")
    lost = sorted(set(current.days()) - set(new.days()))
    if lost:
        raise RateError(f"{source} lacks {len(lost)} days that the current table has (the first: "
                        f"{lost[0]}; it starts on {new.first_day}, the current table on {current.first_day}): "
                        "the file is cut short; download it again, or pass --allow-older to accept it")


def refresh(source: str, folder: str | Path, *, allow_older: bool = False) -> RateTable:
    """Replace `folder`/eurofxref-hist.csv with the file at `source`, after checking it whole."""
    folder = Path(folder)
    target = folder / ECB_FILE
    if not folder.is_dir():
        raise RateError(f"{folder} is not a folder: give --into the folder that holds {ECB_FILE}")
    data = csv_bytes(fetch(source), source)
    try:
        fd, temporary = temporary_beside(target)
    except OSError as exc:
        raise RateError(f"cannot write in {folder}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        table = RateTable(temporary, name="ECB")
        table.validate()
        if "USD" not in table.currencies or len(table.currencies) < 10:
            raise RateError(f"{source} does not look like the ECB history: it has {len(table.currencies)} "
                            "currencies")
        if target.is_file() and not allow_older:
            _covers(table, RateTable(target, name="ECB"), source)
        os.replace(temporary, target)
    except RateError as exc:
        Path(temporary).unlink(missing_ok=True)
        if exc.file == temporary:
            raise RateError(exc.message, file=source, line=exc.line) from None
        raise
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return RateTable(target, name="ECB")
