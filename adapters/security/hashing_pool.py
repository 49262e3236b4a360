"""A dedicated, bounded pool for password hashing: the memory argon2 may take is capped."""

import asyncio
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

from application.errors import ServiceUnavailable

T = TypeVar("T")


class HashingBusy(ServiceUnavailable):
    def __init__(self) -> None:
        super().__init__("too many passwords are being checked right now; try again shortly")


class HashingPool:
    """``workers`` threads (argon2 releases the GIL) and at most ``queue`` jobs waiting for
    one. A job beyond that is refused at once with HashingBusy instead of piling up, so at
    most ``workers`` hashes hold their memory at any moment, whatever the load."""

    def __init__(self, workers: int, queue: int) -> None:
        if workers < 1 or queue < 0:
            raise ValueError("a hashing pool needs at least one worker and a queue of 0 or more")
        self.workers = workers
        self.queue = queue
        self._executor = ThreadPoolExecutor(workers, thread_name_prefix="folio-hash")
        self._slots = threading.BoundedSemaphore(workers + queue)

    async def run(self, function: Callable[..., T], *args: object) -> T:
        """``function(*args)`` on a pool thread; HashingBusy when the queue is full."""
        if not self._slots.acquire(blocking=False):
            raise HashingBusy()
        try:
            future: Future[T] = self._executor.submit(function, *args)
        except BaseException:
            self._slots.release()
            raise
        # Released when the work ends, not when the caller stops waiting: a cancelled request
        # whose hash is still running keeps its slot, so the cap holds.
        future.add_done_callback(lambda _: self._slots.release())
        return await asyncio.wrap_future(future)

    def close(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)
