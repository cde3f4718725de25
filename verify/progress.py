"""Progress on long work: a callback `progress(stage, done, total)` that `load`, `check` and
the command's report writing call as they go (stages "reading" files, "checking" rule
families, "writing" pieces of a report file, whose total is not known ahead: -1), and its
display on a terminal.

The display shows only on a terminal, never in CI (`CI` set) or when standard error is
redirected, and only for a stage that has run for more than `DELAY` seconds, so that
small runs print nothing. tqdm draws it, imported only then.
"""

from __future__ import annotations

import os
import sys
from typing import Callable, Protocol, TextIO

DELAY = 0.5  # seconds before a stage's bar appears
UNITS = {"reading": "file", "checking": "rule", "writing": "piece"}


class Progress(Protocol):
    def __call__(self, stage: str, done: int, total: int) -> None: ...


def for_terminal(stream: TextIO | None = None) -> Progress | None:
    """A progress display on `stream` (standard error), or None where none should show."""
    stream = stream or sys.stderr
    if os.environ.get("CI") or os.environ.get("TERM") == "dumb" or not stream.isatty():
        return None
    return Bars(stream)


class Bars:
    """One tqdm bar a stage, with counts and a rate; each closed when its stage is done."""

    def __init__(self, stream: TextIO, delay: float = DELAY) -> None:
        self.stream = stream
        self.delay = delay
        self.bars: dict = {}
        self.pid = os.getpid()

    def __call__(self, stage: str, done: int, total: int) -> None:
        if os.getpid() != self.pid:
            return  # a forked helper: only the process that owns the terminal draws
        bar = self.bars.get(stage)
        if bar is None:
            from tqdm import tqdm

            bar = self.bars[stage] = tqdm(total=total if total >= 0 else None, desc=stage, unit=UNITS.get(stage, "item"),
                                          file=self.stream, delay=self.delay, leave=False, dynamic_ncols=True)
        bar.update(done - bar.n)
        if total >= 0 and done >= total:
            bar.close()
            del self.bars[stage]


def reported(progress: Progress | None, stage: str, items):
    """`items`, reporting each one taken to `progress` (a stage whose total is not known)."""
    if progress is None:
        yield from items
        return
    done = 0
    for item in items:
        yield item
        done += 1
        progress(stage, done, -1)
    progress(stage, done, done)


def counted(progress: Progress | None, stage: str, total: int) -> Callable[[], None]:
    """A function to call once per item done, reporting to `progress` (nothing without one)."""
    if progress is None:
        return lambda: None
    done = 0

    def tick() -> None:
        nonlocal done
        done += 1
        progress(stage, done, total)

    return tick
