"""Writing files so that a reader never sees half of one."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Iterable


def write_atomically(path: str | Path, text: str | bytes | Iterable[str]) -> None:
    """Write to a temporary file beside `path`, then rename it over `path`.

    `text` may come in pieces, which are written as they come."""
    path = Path(path)
    chunks = (text,) if isinstance(text, (str, bytes)) else text
    if path.exists() and not path.is_file():
        # A device or a pipe (/dev/null, /dev/stdout, a FIFO) is written in place:
        # renaming over it would replace the device with a regular file.
        with open(path, "wb") as f:
            _write(f, chunks)
        return
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent or ".")
    try:
        os.fchmod(fd, _mode_for(path))
        with os.fdopen(fd, "wb") as f:
            _write(f, chunks)
            f.flush()
            os.fsync(f.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _mode_for(path: Path) -> int:
    """An existing file keeps its mode; a new one gets what the umask allows (mkstemp gives 0600)."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _write(f, chunks: Iterable[str | bytes]) -> None:
    for chunk in chunks:
        f.write(chunk.encode("utf-8") if isinstance(chunk, str) else chunk)
