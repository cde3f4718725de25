"""Which files a run reads: every *.toml under the given paths, and nothing outside them."""

from __future__ import annotations

import os
from pathlib import Path

from verify.model import Location, Problem

MAX_FILE_BYTES = 64 * 1024 * 1024
# Config files may sit among claim files; they are not claims.
NOT_CLAIMS = frozenset({"verify.toml", "pyproject.toml"})


def claim_files(paths: list[str]) -> tuple[list[Path], list[Problem]]:
    files: list[Path] = []
    problems: list[Problem] = []
    for given in paths:
        path = Path(given)
        if path.is_file():
            files.append(path)
        elif path.is_dir():
            found = _walk(path)
            if not found:
                problems.append(Problem(Location(given), f"no claim files (*.toml) under {given}"))
            files.extend(found)
        elif path.is_symlink() or path.exists():
            files.append(path)  # a link that leads nowhere, a device, a FIFO: reading it says why
        else:
            problems.append(Problem(Location(given), "no such file or folder: give the path of claim "
                                                      "files (*.toml) or of a folder that holds them"))
    unique = list(dict.fromkeys(files))
    return unique, problems


def _walk(root: Path) -> list[Path]:
    real_root = root.resolve()
    found = []
    for folder, dirs, names in os.walk(root, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            path = Path(folder, name)
            if not name.endswith(".toml") or name in NOT_CLAIMS or name.startswith("."):
                continue
            if path.is_symlink() and not _inside(path, real_root):
                continue  # never read outside the paths given
            found.append(path)
    return found


def _inside(link: Path, root: Path) -> bool:
    """The link leads into `root`; a loop of links (which leads nowhere) is kept, for reading
    it to report."""
    try:
        return link.resolve().is_relative_to(root)
    except (OSError, RuntimeError):  # RuntimeError: a loop, before Python 3.13
        return True
