"""The cyclic garbage collector, held off while a corpus is loaded or checked."""

from __future__ import annotations

import functools
import gc


def paused(function):
    """Run `function` with the cyclic collector off, as it was before afterwards.

    A load or a check allocates hundreds of thousands of objects that live to the end
    of the run and form no cycles, yet every 700 allocations start a collection, and
    the older generations' collections walk everything allocated so far (a few percent
    of a large run). The few cycles made meanwhile are collected when it resumes.
    """

    @functools.wraps(function)
    def run(*args, **kwargs):
        if not gc.isenabled():
            return function(*args, **kwargs)
        gc.disable()
        try:
            return function(*args, **kwargs)
        finally:
            gc.enable()

    return run
