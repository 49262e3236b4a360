"""When a failed delivery is tried again, and when the outbox gives up on it."""

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """Exponential backoff with jitter: the n-th failure waits between half and all of
    ``base * 2**(n-1)`` (at most ``cap``); the ``max_attempts``-th failure is final."""

    max_attempts: int = 10
    base: timedelta = timedelta(seconds=1)
    cap: timedelta = timedelta(minutes=10)
    jitter: Callable[[], float] = field(default=random.random, compare=False)

    def __post_init__(self) -> None:
        if self.max_attempts < 1:
            raise ValueError("max_attempts must be at least 1")

    def gives_up_after(self, attempts: int) -> bool:
        return attempts >= self.max_attempts

    def delay(self, attempts: int) -> timedelta:
        """How long to wait after the ``attempts``-th failed attempt."""
        ceiling: timedelta = min(self.cap, self.base * 2 ** min(attempts - 1, 40))
        half = ceiling / 2
        return half + half * self.jitter()
