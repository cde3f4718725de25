"""Work shared with forked processes, with the results of the serial loop.

A forked child starts with everything this process holds, so nothing is sent to it;
only its results come back, pickled. Objects both sides already had (the corpus's
claims) can travel as a reference, `ref(obj)`, and come back as the very same objects,
`resolve(reference)`, instead of as copies; `ref` is asked about every object but
ints, floats, strings, bytes and the built-in containers.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sys
import threading
from typing import Callable, Hashable, Iterable, Iterator, Sequence, TypeVar

T = TypeVar("T")
R = TypeVar("R")
Ref = Callable[[object], Hashable]  # None: not shared, pickle the object itself
Resolve = Callable[[Hashable], object]


# Above this many claims, the work on a loaded corpus (the check, the report) stays in this
# process: a forked helper copies each page of the corpus that it reads, since reading an
# object writes its reference count. Measured: +118 MiB for a check helper at 100,000
# claims; at a million, 1.7 GiB summed over the processes instead of 1.0 GiB.
SHARED_CORPUS_CLAIMS = 200_000


def corpus_jobs(jobs: int, claims: int) -> int:
    """`jobs` for work on a loaded corpus of `claims` claims: 1 above SHARED_CORPUS_CLAIMS."""
    return jobs if claims <= SHARED_CORPUS_CLAIMS else 1


def usable_cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def cpu_ticks(stat: str = "/proc/stat") -> tuple[int, int] | None:
    """(idle, all) clock ticks so far of the CPUs this process may run on, from `stat`;
    None where there is no such file (not Linux) or it cannot be read."""
    try:
        mine = {f"cpu{n}" for n in os.sched_getaffinity(0)}
    except (AttributeError, OSError):
        mine = None
    try:
        with open(stat, encoding="ascii") as f:
            lines = f.read().splitlines()
    except (OSError, ValueError):
        return None
    idle = total = 0
    for line in lines:
        name, _, rest = line.partition(" ")
        if name.startswith("cpu") and name != "cpu" and (mine is None or name in mine):
            ticks = [int(t) for t in rest.split()[:8]]  # user nice system idle iowait irq softirq steal
            idle += sum(ticks[3:5])
            total += sum(ticks)
    return (idle, total) if total else None


def default_jobs(since: tuple[int, int] | None, now: tuple[int, int] | None = None) -> int:
    """Processes worth running: this one, and one more for each CPU that other processes left
    idle between the tick counts `since` and `now` (`cpu_ticks()`), counting half a CPU or
    more as one. This process must have been busy meanwhile: it holds one CPU of its own.

    A second process costs a fifth to a third more CPU in all (what it hands back is
    pickled and read again); on a CPU that another program keeps busy it only makes the
    run slower. Without tick counts (not Linux), one per usable CPU.
    """
    cpus = usable_cpus()
    now = now if now is not None else cpu_ticks()
    if since is None or now is None or now[1] - since[1] < 2 * cpus:  # too short a look to tell
        return cpus
    idle = cpus * (now[0] - since[0]) / (now[1] - since[1])
    return max(1, min(cpus, 1 + int(idle + 0.5)))


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
        pending = [children.enter_context(_forked(function, items, share, ref)) for share in dealt[1:]]
        for i in dealt[0]:
            results[i] = function(items[i])
        for share, child in zip(dealt[1:], pending):
            for i, result in zip(share, _taken_back(child, function, items, share, resolve)):
                results[i] = result
    return results


def imap(function: Callable[[T], R], items: Sequence[T], *, jobs: int, per_job: int = 1) -> Iterator[R]:
    """`map(function, items)`, yielding each result of the first share as this process
    computes it, while up to `jobs - 1` forked children compute the later shares (at
    least `per_job` items each). A streamed report stays streamed."""
    parts = min(jobs, len(items) // max(per_job, 1))
    if parts <= 1 or not can_fork():
        yield from map(function, items)
        return
    bounds = [len(items) * k // parts for k in range(parts + 1)]
    later = [range(lo, hi) for lo, hi in zip(bounds[1:-1], bounds[2:])]
    with contextlib.ExitStack() as children:
        pending = [children.enter_context(_forked(function, items, share)) for share in later]
        yield from map(function, items[:bounds[1]])
        for share, child in zip(later, pending):
            yield from _taken_back(child, function, items, share)


def _forked(function, items, share: Sequence[int], ref: Ref | None = None, size: int = 256) -> Pending:
    """A child computing `function` over the items at `share`, handed back in chunks."""
    def chunks():
        for first in range(0, len(share), size):
            yield [function(items[i]) for i in share[first:first + size]]
    return start(chunks, ref=ref)


def _taken_back(child: Pending, function, items, share: Sequence[int],
                resolve: Resolve | None = None) -> Iterator:
    """The results of `share` from `child`; what it did not hand over (it failed) done here."""
    done = 0
    for chunk in child.results(resolve):
        yield from chunk
        done += len(chunk)
    for i in share[done:]:
        yield function(items[i])


class Pending:
    """What a forked child produces: `results()` waits for it, then yields each result.

    Used as a context manager, a child whose results were not asked for (because this
    process's own work failed) is stopped on the way out, not left running.
    """

    def __init__(self, pid: int | None = None, out=None):
        self._pid = pid
        self._out = out

    def results(self, resolve: Resolve | None = None) -> Iterator:
        """The child's results, in order; fewer or none if it failed or its file is damaged.

        Each is unpickled only when asked for, so `resolve` may find objects that the
        caller added after taking the results before it.
        """
        if self._pid is None:
            return
        pid, self._pid = self._pid, None
        with self._out as out:
            _, status = os.waitpid(pid, 0)
            _frozen(-1)
            if os.waitstatus_to_exitcode(status) != 0:
                return
            import pickle

            out.seek(0)
            while True:
                _resolving.resolve = resolve
                try:
                    item = pickle.Unpickler(out).load()
                except Exception:  # noqa: BLE001 -- the end, or a damaged hand-over: no more results
                    return
                finally:
                    _resolving.resolve = None
                yield item

    def close(self) -> None:
        if self._pid is None:
            return
        pid, self._pid = self._pid, None
        import signal

        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass
        os.waitpid(pid, 0)
        _frozen(-1)
        self._out.close()

    def __enter__(self) -> Pending:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def start(produce: Callable[[], Iterable], *, ref: Ref | None = None) -> Pending:
    """Run `produce()` in a forked child, while this process goes on with other work.

    The child starts with everything this process holds. It hands back each item that
    `produce()` yields as a pickle of its own (what the items share is written again,
    but no item keeps another alive), through an unnamed temporary file: a pipe would
    stall it until this process, busy with its own work, reads. Where the platform
    cannot fork, or the fork fails, nothing runs and there are no results.
    """
    if not can_fork():
        return Pending()
    import tempfile  # here, not at the top: with pickle, a tenth of a small run's start

    try:
        out = tempfile.TemporaryFile()
    except OSError:
        return Pending()
    _frozen(+1)
    try:
        pid = os.fork()
    except OSError:
        _frozen(-1)
        out.close()
        return Pending()
    if pid:
        return Pending(pid, out)
    code = 1
    try:
        for item in produce():
            # A pickler each: clear_memo() walks the memo's whole table, as large as the
            # largest item made it (3 ms a file after the values of 40,000 claims).
            _pickler()(out, ref).dump(item)
        out.flush()
        code = 0
    finally:
        os._exit(code)  # never back into the caller's code, whatever happened


_children = 0  # forked children not yet waited for


def _frozen(change: int) -> None:
    """Keep what this process holds out of the cyclic collector's reach while a child lives.

    A child shares this process's pages until either side writes to one. A collection
    writes to the header of every object it walks, so one collection, on either side,
    would copy every page that holds a container; frozen objects are not walked (both
    sides have them frozen). They go back to the collector once no child is left."""
    import gc

    global _children
    _children += change
    if change > 0 and _children == 1:
        gc.freeze()
    elif _children == 0:
        gc.unfreeze()


@functools.cache
def _pickler() -> type:
    import pickle

    class Pickler(pickle.Pickler):
        """Writes what `ref` names as that reference.

        `reducer_override`, unlike `persistent_id`, is not asked about ints, strings,
        tuples, lists and dicts: a tenth of the calls for a claim."""

        def __init__(self, file, ref: Ref | None):
            super().__init__(file, pickle.HIGHEST_PROTOCOL)
            self._ref = ref

        def reducer_override(self, obj):
            reference = self._ref(obj) if self._ref is not None else None
            return NotImplemented if reference is None else (_shared, (reference,))

    return Pickler


_resolving = threading.local()  # the `resolve` of the results being unpickled in this thread


def _shared(reference: Hashable) -> object:
    return _resolving.resolve(reference)
