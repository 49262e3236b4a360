"""Hashing is bounded (a full queue is refused at once), login timing does not tell which
accounts exist whatever parameters their hashes were made with, and a rehash on login never
undoes a concurrent password change."""

import asyncio
import os
import statistics
import sys
import threading
import time

import pytest

from adapters.security.argon2_hasher import Argon2Parameters, Argon2PasswordHasher
from adapters.security.hashing_pool import HASHING_NICENESS, HashingBusy, HashingPool
from application.auth.log_in import LogInCommand
from application.errors import InvalidCredentials, ServiceUnavailable
from application.users.change_password import ChangePasswordCommand
from tests.unit.fakes import FakeHasher
from tests.unit.harness import PASSWORD, Folio, register


async def test_a_full_queue_is_refused_at_once_and_frees_up_after():
    pool = HashingPool(workers=1, queue=1)
    release = threading.Event()
    running = [asyncio.ensure_future(pool.run(release.wait, 5)) for _ in range(2)]
    await asyncio.sleep(0.05)

    started = time.perf_counter()
    with pytest.raises(HashingBusy) as refused:
        await pool.run(time.sleep, 0)
    assert time.perf_counter() - started < 0.05
    assert isinstance(refused.value, ServiceUnavailable)

    release.set()
    await asyncio.gather(*running)
    assert await pool.run(sum, [1, 2]) == 3
    pool.close()


async def test_at_most_the_pool_size_runs_at_once():
    pool = HashingPool(workers=2, queue=10)
    active = peak = 0
    lock = threading.Lock()

    def work() -> None:
        nonlocal active, peak
        with lock:
            active += 1
            peak = max(peak, active)
        time.sleep(0.02)
        with lock:
            active -= 1

    await asyncio.gather(*(pool.run(work) for _ in range(8)))
    assert peak == 2
    pool.close()


@pytest.mark.skipif(sys.platform != "linux", reason="per-thread nice values are Linux's")
async def test_hashing_threads_run_below_the_event_loops_priority():
    pool = HashingPool(workers=1, queue=0)

    def own_niceness() -> int:
        return os.getpriority(os.PRIO_PROCESS, threading.get_native_id())

    try:
        assert await pool.run(own_niceness) == min(own_niceness() + HASHING_NICENESS, 19)
    finally:
        pool.close()


async def median_seconds(hasher: Argon2PasswordHasher, stored: str | None) -> float:
    times = []
    for _ in range(7):
        started = time.perf_counter()
        assert not await hasher.verify(stored, "a wrong password")
        times.append(time.perf_counter() - started)
    return statistics.median(times)


async def test_timing_does_not_tell_an_outdated_account_from_a_missing_one():
    cheap = Argon2PasswordHasher(Argon2Parameters(time_cost=1, memory_cost=8, parallelism=1))
    current = Argon2PasswordHasher(Argon2Parameters(time_cost=2, memory_cost=16_384, parallelism=1))
    outdated_hash = await cheap.hash("the real password")
    assert current.needs_rehash(outdated_hash)

    missing = await median_seconds(current, None)
    outdated = await median_seconds(current, outdated_hash)

    assert 0.7 < outdated / missing < 1.4, (outdated, missing)
    cheap.close()
    current.close()


class GatedHasher(FakeHasher):
    """Its first hash waits until the test opens the gate."""

    def __init__(self) -> None:
        super().__init__()
        self.gate = asyncio.Event()
        self.waiting = asyncio.Event()
        self.gated = True

    async def hash(self, password: str) -> str:
        if self.gated:
            self.gated = False
            self.waiting.set()
            await self.gate.wait()
        return await super().hash(password)


async def test_a_password_change_during_a_login_rehash_wins():
    folio = Folio(hasher=GatedHasher())
    folio.hasher.gated = False
    ada = await register(folio, "ada")
    folio.hasher.current_version = 2  # ada's hash is now outdated
    folio.hasher.gated = True

    login = asyncio.create_task(folio.log_in(LogInCommand("ada", PASSWORD)))
    await folio.hasher.waiting.wait()  # the login is rehashing the old password
    await folio.change_password(ada, ChangePasswordCommand(PASSWORD, "a brand new secret"))
    folio.hasher.gate.set()
    await login

    await folio.log_in(LogInCommand("ada", "a brand new secret"))
    with pytest.raises(InvalidCredentials):
        await folio.log_in(LogInCommand("ada", PASSWORD))
