"""A dedicated, bounded pool for password hashing: the memory argon2 may take is capped."""

import asyncio
import os
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import suppress
from typing import TypeVar

from application.errors import ServiceUnavailable

T = TypeVar("T")
# Linux gives every thread its own nice value: at 10, a hashing thread gets about a tenth of a
# core its event loop wants too, so a login flood slows the logins, not every other request.
HASHING_NICENESS = 10
LOWEST_PRIORITY = 19


def yield_to_requests() -> None:
    """Lower the calling thread's scheduling priority (where the OS allows it)."""
    with suppress(OSError, AttributeError):  # not Linux, or not permitted: the pool still works
        thread = threading.get_native_id()
        niceness = os.getpriority(os.PRIO_PROCESS, thread) + HASHING_NICENESS
        os.setpriority(os.PRIO_PROCESS, thread, min(niceness, LOWEST_PRIORITY))


BUSY = "too many passwords are being checked right now; try again shortly"


class HashingBusy(ServiceUnavailable):
    def __init__(self) -> None:
        super().__init__(BUSY)


class HashingPool:
    """``workers`` threads (argon2 releases the GIL), below the event loop's priority, and at
    most ``queue`` jobs waiting for one. A job beyond that is refused at once with HashingBusy
    instead of piling up, so at most ``workers`` hashes hold their memory at any moment,
    whatever the load."""

    def __init__(self, workers: int, queue: int) -> None:
        if workers < 1 or queue < 0:
            raise ValueError("a hashing pool needs at least one worker and a queue of 0 or more")
        self.workers = workers
        self.queue = queue
        self._executor = ThreadPoolExecutor(
            workers, thread_name_prefix="folio-hash", initializer=yield_to_requests
        )
        self._free = workers + queue
        self._lock = threading.Lock()

    @property
    def full(self) -> bool:
        """Every worker busy and the queue full: a job now would be refused."""
        return self._free == 0

    async def run(self, function: Callable[..., T], *args: object) -> T:
        """``function(*args)`` on a pool thread; HashingBusy when the queue is full."""
        if not self._take():
            raise HashingBusy()
        try:
            future: Future[T] = self._executor.submit(function, *args)
        except BaseException:
            self._give()
            raise
        # Released when the work ends, not when the caller stops waiting: a cancelled request
        # whose hash is still running keeps its slot, so the cap holds.
        future.add_done_callback(lambda _: self._give())
        return await asyncio.wrap_future(future)

    def _take(self) -> bool:
        with self._lock:
            if self._free == 0:
                return False
            self._free -= 1
            return True

    def _give(self) -> None:
        with self._lock:
            self._free += 1

    def close(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)
