"""Work shared with forked processes, with the results of the serial loop.

A forked child starts with everything this process holds, so nothing is sent to it;
only its results come back, pickled. Objects both sides already had (the corpus's
claims) can travel as a reference, `ref(obj)`, and come back as the very same objects,
`resolve(reference)`, instead of as copies.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import sys
import tempfile
from typing import Callable, Hashable, Sequence, TypeVar

T = TypeVar("T")
R = TypeVar("R")
Ref = Callable[[object], Hashable]  # None: not shared, pickle the object itself
Resolve = Callable[[Hashable], object]


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
                costs: Sequence[float] | None = None, ref: Ref | None = None,
                resolve: Resolve | None = None) -> list[R]:
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
    results: list = [None] * len(items)
    with contextlib.ExitStack() as children:
        pending = [children.enter_context(start(lambda share=share: [function(items[i]) for i in share],
                                                ref=ref, resolve=resolve))
                   for share in dealt[1:]]
        for i in dealt[0]:
            results[i] = function(items[i])
        for share, child in zip(dealt[1:], pending):
            returned = child.result()
            for n, i in enumerate(share):
                results[i] = returned[n] if returned is not None else function(items[i])
    return results


class Pending:
    """What a forked child computes; `result()` waits for it (None if it never came).

    Used as a context manager, a child whose result was not asked for (because this
    process's own work failed) is stopped on the way out, not left running.
    """

    def __init__(self, pid: int | None = None, out=None, resolve: Resolve | None = None):
        self._pid = pid
        self._out = out
        self._resolve = resolve

    def result(self):
        if self._pid is None:
            return None
        pid, self._pid = self._pid, None
        with self._out as out:
            _, status = os.waitpid(pid, 0)
            if os.waitstatus_to_exitcode(status) != 0:
                return None
            try:
                out.seek(0)
                unpickler = pickle.Unpickler(out)
                if self._resolve is not None:
                    unpickler.persistent_load = self._resolve
                return unpickler.load()
            except Exception:  # noqa: BLE001 -- a damaged hand-over counts as none
                return None

    def close(self) -> None:
        if self._pid is None:
            return
        pid, self._pid = self._pid, None
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass
        os.waitpid(pid, 0)
        self._out.close()

    def __enter__(self) -> Pending:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def start(compute: Callable[[], R], *, ref: Ref | None = None, resolve: Resolve | None = None) -> Pending:
    """Run `compute()` in a forked child, while this process goes on with other work.

    The child starts with everything this process holds, and hands its result back
    pickled, through an unnamed temporary file (a pipe would stall it until this
    process, busy with its own work, reads). Where the platform cannot fork, or the
    fork fails, nothing runs and the result is None.
    """
    if not can_fork():
        return Pending()
    try:
        out = tempfile.TemporaryFile()
    except OSError:
        return Pending()
    try:
        pid = os.fork()
    except OSError:
        out.close()
        return Pending()
    if pid:
        return Pending(pid, out, resolve)
    code = 1
    try:
        pickler = pickle.Pickler(out, pickle.HIGHEST_PROTOCOL)
        if ref is not None:
            pickler.persistent_id = ref
        pickler.dump(compute())
        out.flush()
        code = 0
    finally:
        os._exit(code)  # never back into the caller's code, whatever happened
