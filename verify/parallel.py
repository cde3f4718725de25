"""Work shared with forked processes, with the results of the serial loop.

A forked child starts with everything this process holds, so nothing is sent to it;
only its results come back, pickled. Objects both sides already had (the corpus's
claims) travel as their position in a shared sequence and come back as the very same
objects, not as copies.
"""

from __future__ import annotations

import os
import pickle
import sys
import tempfile
from typing import Callable, Sequence, TypeVar

T = TypeVar("T")
R = TypeVar("R")


def usable_cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def can_fork() -> bool:
    # Windows cannot fork; macOS system libraries are not fork-safe, which is why
    # multiprocessing spawns there instead.
    return hasattr(os, "fork") and sys.platform != "darwin"


def shares(costs: Sequence[float], parts: int) -> list[list[int]]:
    """Indexes of `costs` dealt into `parts` shares of about equal cost, each in order:
    the dearest first, each to the share with the least so far."""
    totals = [0.0] * parts
    dealt: list[list[int]] = [[] for _ in range(parts)]
    for i in sorted(range(len(costs)), key=lambda i: -costs[i]):
        least = totals.index(min(totals))
        totals[least] += costs[i]
        dealt[least].append(i)
    return [sorted(share) for share in dealt if share]


def ordered_map(function: Callable[[T], R], items: Sequence[T], *, jobs: int,
                costs: Sequence[float] | None = None, shared: Sequence[object] = ()) -> list[R]:
    """`[function(item) for item in items]`, with up to `jobs - 1` forked children taking
    shares of the items by `costs` (default: the same each).

    A child whose results do not come back for any reason has its share done here, so
    the results are always the serial loop's: `function` must not rely on side
    effects in this process. Serial where the platform cannot fork.
    """
    parts = min(jobs, len(items))
    if parts <= 1 or not can_fork():
        return [function(item) for item in items]
    dealt = shares(costs if costs is not None else [1.0] * len(items), parts)
    children = [_start(function, items, share, shared) for share in dealt[1:]]
    results: list = [None] * len(items)
    for i in dealt[0]:
        results[i] = function(items[i])
    for share, child in zip(dealt[1:], children):
        returned = _finish(child, len(share), shared)
        for n, i in enumerate(share):
            results[i] = returned[n] if returned is not None else function(items[i])
    return results


class _Pickler(pickle.Pickler):
    def __init__(self, file, shared: Sequence[object]):
        super().__init__(file, pickle.HIGHEST_PROTOCOL)
        self._positions = {id(o): n for n, o in enumerate(shared)}

    def persistent_id(self, obj):
        return self._positions.get(id(obj))


class _Unpickler(pickle.Unpickler):
    def __init__(self, file, shared: Sequence[object]):
        super().__init__(file)
        self._shared = shared

    def persistent_load(self, position):
        return self._shared[position]


def _start(function, items, share: list[int], shared) -> tuple[int, object] | None:
    try:
        out = tempfile.TemporaryFile()  # a pipe would stall the child until this process reads
    except OSError:
        return None
    try:
        pid = os.fork()
    except OSError:
        out.close()
        return None
    if pid:
        return pid, out
    code = 1
    try:
        pickler = _Pickler(out, shared)
        for i in share:
            pickler.dump(function(items[i]))
        out.flush()
        code = 0
    finally:
        os._exit(code)  # never back into the caller's code, whatever happened


def _finish(child, count: int, shared) -> list | None:
    if child is None:
        return None
    pid, out = child
    with out:
        _, status = os.waitpid(pid, 0)
        if os.waitstatus_to_exitcode(status) != 0:
            return None
        try:
            out.seek(0)
            unpickler = _Unpickler(out, shared)
            return [unpickler.load() for _ in range(count)]
        except Exception:  # noqa: BLE001 -- a damaged hand-over is redone here
            return None
