"""argon2id password hashing (argon2-cffi) on a dedicated, bounded pool off the event loop."""

import os
import time
from dataclasses import dataclass

import anyio
from argon2 import PasswordHasher as Argon2
from argon2 import Type
from argon2.exceptions import InvalidHashError, VerificationError

from adapters.security.hashing_pool import HashingPool
from application.ports.security import PasswordHasher

# OWASP's Password Storage Cheat Sheet: argon2id with at least 19 MiB, 2 iterations, 1 lane.
OWASP_MIN_MEMORY_COST = 19 * 1024  # KiB
OWASP_MIN_TIME_COST = 2
OWASP_MIN_PARALLELISM = 1
DEFAULT_QUEUE = 16


@dataclass(frozen=True, slots=True)
class Argon2Parameters:
    time_cost: int = 3
    memory_cost: int = 65536  # KiB
    parallelism: int = 4


class Argon2PasswordHasher(PasswordHasher):
    """Hashes and checks on ``pool`` (by default one worker per core): at most that many
    hashes hold ``memory_cost`` KiB each at once; beyond its queue, HashingBusy (a 503).

    Every verification takes at least as long as one with the current parameters, whether
    the account exists or its hash was made with other (cheaper) parameters: the shortfall
    is slept off on the event loop, so it costs no worker. A hash made with costlier
    parameters raises that floor for every later verification, until restart."""

    def __init__(self, parameters: Argon2Parameters, pool: HashingPool | None = None) -> None:
        self._argon2 = Argon2(
            time_cost=parameters.time_cost,
            memory_cost=parameters.memory_cost,
            parallelism=parameters.parallelism,
            type=Type.ID,
        )
        self._pool = pool or HashingPool(os.cpu_count() or 1, DEFAULT_QUEUE)
        started = time.perf_counter()
        self._dummy_hash = self._argon2.hash("folio-dummy-password")
        self._floor = time.perf_counter() - started  # seconds one current verification takes

    @property
    def pool(self) -> HashingPool:
        return self._pool

    async def hash(self, password: str) -> str:
        return await self._pool.run(self._argon2.hash, password)

    async def verify(self, password_hash: str | None, password: str) -> bool:
        current = password_hash is None or not self.needs_rehash(password_hash)
        verified, spent = await self._pool.run(
            self._check, password_hash or self._dummy_hash, password
        )
        if current:
            # A running average, so load does not ratchet the floor up for good.
            self._floor = 0.9 * self._floor + 0.1 * spent
        elif spent > self._floor:
            self._floor = spent
        if spent < self._floor:
            await anyio.sleep(self._floor - spent)
        return verified and password_hash is not None

    def needs_rehash(self, password_hash: str) -> bool:
        try:
            return self._argon2.check_needs_rehash(password_hash)
        except (InvalidHashError, ValueError):
            return True

    def close(self) -> None:
        self._pool.close()

    def _check(self, password_hash: str, password: str) -> tuple[bool, float]:
        started = time.perf_counter()
        try:
            verified = self._argon2.verify(password_hash, password)
        except (VerificationError, InvalidHashError):
            return False, time.perf_counter() - started
        return verified, time.perf_counter() - started
