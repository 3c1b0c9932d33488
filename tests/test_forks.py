"""Work spread over forked workers (`generator.core.forks`), as the page workers use it."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from generator.core.errors import BuildFailed
from generator.core.forks import fork_map


def test_every_item_is_done_once_on_the_workers() -> None:
    parent = os.getpid()
    done = list(fork_map(lambda item: (item * item, os.getpid() != parent), range(40), 2))
    assert sorted(square for square, _ in done) == [item * item for item in range(40)]
    assert all(elsewhere for _, elsewhere in done)


def test_a_worker_the_system_kills_fails_the_build_instead_of_hanging_it() -> None:
    parent = os.getpid()

    def work(item: int) -> int:
        if item == 5:
            assert os.getpid() != parent
            os.kill(os.getpid(), signal.SIGKILL)  # what the kernel does when memory runs out
        return item

    with _deadline(60), pytest.raises(BuildFailed, match="a worker process died before it finished"):
        list(fork_map(work, range(20), 2))


@contextmanager
def _deadline(seconds: int) -> Iterator[None]:
    """Fail, rather than wait forever, when the block takes longer than `seconds`."""

    def late(signum: int, frame: object) -> None:
        raise TimeoutError(f"still waiting after {seconds} s")

    previous = signal.signal(signal.SIGALRM, late)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
