"""Reading files people give us within bounds, and writing files so that a reader never
sees half of one."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import Iterable

# A project file (config, rule pack, vocabulary, sources.toml) is a page or two.
MAX_PROJECT_FILE_BYTES = 4 * 1024 * 1024


def read_bytes(path: str | Path, limit: int) -> bytes:
    """The bytes of the regular file `path`, at most `limit` of them.

    Raises OSError with a message that says what to give instead for anything else: a
    FIFO or device (which would block, or never end), a folder, a symlink loop, or a
    file over `limit` bytes, counted as read rather than as its size claims."""
    # O_NONBLOCK: opening a FIFO with no writer would wait for one for ever.
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    with os.fdopen(fd, "rb") as f:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "not a regular file (a FIFO, device or folder): give a file")
        data = f.read(limit + 1)
    if len(data) > limit:
        raise OSError(errno.EFBIG, f"larger than {_size(limit)}, more than such a file ever needs")
    return data


def read_text(path: str | Path, limit: int = MAX_PROJECT_FILE_BYTES, encoding: str = "utf-8") -> str:
    """`read_bytes` decoded; UnicodeDecodeError as `bytes.decode` raises it."""
    return read_bytes(path, limit).decode(encoding)


def _size(limit: int) -> str:
    return f"{limit >> 20} MiB" if limit >= 1 << 20 else f"{limit} bytes"


def write_atomically(path: str | Path, text: str | bytes | Iterable[str]) -> None:
    """Write to a temporary file beside `path`, then rename it over `path`.

    `text` may come in pieces, which are written as they come. The file gets the mode of
    the file it replaces, or else what the umask leaves of rw-rw-rw-, as `open` would
    give it. Temporary files that killed runs left beside `path` are removed."""
    path = Path(path)
    chunks = (text,) if isinstance(text, (str, bytes)) else text
    if path.exists() and not path.is_file():
        # A device or a pipe (/dev/null, /dev/stdout, a FIFO) is written in place:
        # renaming over it would replace the device with a regular file.
        with open(path, "wb") as f:
            _write(f, chunks)
        return
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except OSError:
        mode = 0o666 & ~_umask()
    fd, temporary = temporary_beside(path)
    try:
        with os.fdopen(fd, "wb") as f:
            if hasattr(os, "fchmod"):  # POSIX; on Windows there is no mode to keep
                os.fchmod(f.fileno(), mode)
            _write(f, chunks)
            f.flush()
            os.fsync(f.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def temporary_beside(path: Path) -> tuple[int, str]:
    """A new hidden file beside `path` to write it in (its descriptor and name), once the
    ones that killed runs left there are removed.

    The name says which process writes it, so that another run can tell the leftovers of
    a killed one (its process gone) from a file being written now."""
    import tempfile  # here: only a run that writes a file imports it (with random and shutil)

    folder = path.parent or Path(".")
    _remove_stale(folder, path.name)
    return tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", dir=folder)


def _remove_stale(folder: Path, name: str) -> None:
    if os.name != "posix":
        return  # os.kill(pid, 0) asks after a process only on POSIX
    prefix = f".{name}."
    try:
        entries = [e for e in os.scandir(folder) if e.name.startswith(prefix)]
    except OSError:
        return
    for entry in entries:
        pid = entry.name[len(prefix):].partition(".")[0]
        if pid.isdigit() and not _alive(int(pid)):
            try:
                os.unlink(entry.path)
            except OSError:
                pass


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # another user's process: alive
    return True


def _umask() -> int:
    mask = os.umask(0o022)  # the only way to read it is to set it
    os.umask(mask)
    return mask


def _write(f, chunks: Iterable[str | bytes]) -> None:
    for chunk in chunks:
        # A file name that is not UTF-8 comes back as it was on disk, as on standard output.
        f.write(chunk.encode("utf-8", "surrogateescape") if isinstance(chunk, str) else chunk)
