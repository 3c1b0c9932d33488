"""Work spread over forked processes that inherit what the parent holds.

Why fork: the work (a page, an XML file) reads the whole checked corpus and the site's state,
which would cost more to pickle than to use. A forked worker starts with the parent's memory,
so only an item's index goes to it and only the result comes back. Where fork is missing
(Windows, macOS' default), or there is one job or one item, the work runs here, in order.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from generator.core.errors import BuildFailed

T = TypeVar("T")
R = TypeVar("R")

JOBS_ENV = "REGPUB_JOBS"

# The work of the running `fork_map` and its items, set before its workers fork, so each
# inherits them: the one place a module holds state for workers.
_RUNNING: list[tuple[Callable[[Any], Any], Sequence[Any]]] = []


def fork_map(work: Callable[[T], R], items: Sequence[T], jobs: int) -> Iterator[R]:
    """`work(item)` for every item, on at most `jobs` forked workers, in the order they finish.

    `work` may be any callable, a closure or a bound method: it is inherited, never pickled; its
    results are pickled back. An exception in any item is raised here; a worker that dies (the
    system killed it for memory) raises BuildFailed instead of leaving its items undone forever.
    """
    if jobs <= 1 or len(items) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        yield from map(work, items)
        return
    _RUNNING.append((work, items))
    # What the workers inherit, out of the cycle collector's sight while they run: their
    # collections would otherwise write to every object's header, copying the pages they share
    # (60 MB less at 10,000 documents). Given back after, unless a caller froze it for good.
    thawed = gc.get_freeze_count() == 0
    gc.freeze()
    workers = min(jobs, len(items))
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))
    try:
        for done in as_completed([pool.submit(_run, index) for index in range(len(items))]):
            yield done.result()
    except BrokenProcessPool:
        raise BuildFailed(
            f"a worker process died before it finished (the system kills one when memory runs out: "
            f"this machine has {_memory()}); with fewer workers, e.g. REGPUB_JOBS=1, a build needs less"
        ) from None
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        _RUNNING.pop()
        if thawed:
            gc.unfreeze()


def worker_count(configured: int | None) -> int:
    """`REGPUB_JOBS`, else `configured` (the plugin's `jobs`), else one per core; ValueError
    when `REGPUB_JOBS` is not a number."""
    explicit = os.environ.get(JOBS_ENV)
    if explicit:
        if not explicit.isdigit():
            raise ValueError(f"{JOBS_ENV} '{explicit}' is not a number of processes")
        return max(1, int(explicit))
    return max(1, configured or os.cpu_count() or 1)


def _run(index: int) -> Any:
    work, items = _RUNNING[-1]
    return work(items[index])


def _memory() -> str:
    try:
        total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError):
        return "an unknown amount of memory"
    return f"{total / 2**30:.1f} GiB of memory"
