"""Work spread over forked processes that inherit what the parent holds.

Why fork: the work (a page, an XML file) reads the whole checked corpus and the site's state,
which would cost more to pickle than to use. A forked worker starts with the parent's memory,
so only an item's index goes to it and only the result comes back. Where fork is missing
(Windows, macOS' default), or there is one job or one item, the work runs here, in order.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

# The work of the running `fork_map` and its items, set before its workers fork, so each
# inherits them: the one place a module holds state for workers.
_RUNNING: list[tuple[Callable[[Any], Any], Sequence[Any]]] = []


def fork_map(work: Callable[[T], R], items: Sequence[T], jobs: int) -> Iterator[R]:
    """`work(item)` for every item, on at most `jobs` forked workers, in the order they finish.

    `work` may be any callable, a closure or a bound method: it is inherited, never pickled; its
    results are pickled back. An exception in any item is raised here.
    """
    if jobs <= 1 or len(items) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        yield from map(work, items)
        return
    _RUNNING.append((work, items))
    try:
        with multiprocessing.get_context("fork").Pool(min(jobs, len(items))) as pool:
            yield from pool.imap_unordered(_run, range(len(items)))
    finally:
        _RUNNING.pop()


def _run(index: int) -> Any:
    work, items = _RUNNING[-1]
    return work(items[index])
