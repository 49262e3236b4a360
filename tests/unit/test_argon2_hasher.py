import asyncio
import time
from collections.abc import Awaitable, Callable

import pytest

from adapters.security.argon2_hasher import Argon2Parameters, Argon2PasswordHasher

TINY = Argon2Parameters(time_cost=1, memory_cost=8, parallelism=1)
# Big enough that one hash takes many event-loop turns, small enough to stay well under a second.
SLOW = Argon2Parameters(time_cost=2, memory_cost=16_384, parallelism=1)


@pytest.fixture(scope="module")
def hasher() -> Argon2PasswordHasher:
    return Argon2PasswordHasher(TINY)


async def test_a_hash_verifies_its_password_only(hasher: Argon2PasswordHasher):
    hashed = await hasher.hash("correct horse battery")

    assert hashed.startswith("$argon2id$")
    assert "correct horse battery" not in hashed
    assert await hasher.verify(hashed, "correct horse battery")
    assert not await hasher.verify(hashed, "correct horse batterY")


async def test_hashes_are_salted(hasher: Argon2PasswordHasher):
    assert await hasher.hash("same password") != await hasher.hash("same password")


@pytest.mark.parametrize(
    "stored",
    [
        pytest.param(None, id="no-hash"),
        pytest.param("", id="empty"),
        pytest.param("not-an-argon2-hash", id="garbage"),
        pytest.param("$argon2id$v=19$m=8,t=1,p=1$broken", id="truncated"),
    ],
)
async def test_verify_without_a_usable_hash_is_false(
    hasher: Argon2PasswordHasher, stored: str | None
):
    assert await hasher.verify(stored, "anything at all") is False


async def test_a_hash_with_other_parameters_needs_rehash(hasher: Argon2PasswordHasher):
    other = Argon2PasswordHasher(Argon2Parameters(time_cost=2, memory_cost=8, parallelism=1))
    old_hash = await other.hash("correct horse battery")

    assert hasher.needs_rehash(old_hash)
    assert not hasher.needs_rehash(await hasher.hash("correct horse battery"))
    assert await hasher.verify(old_hash, "correct horse battery")


async def _ticks_while(work: Callable[[], Awaitable[object]]) -> int:
    """How often another task ran while ``work`` was awaited."""
    ticks = 0
    running = True

    async def ticker() -> None:
        nonlocal ticks
        while running:
            ticks += 1
            await asyncio.sleep(0)

    task = asyncio.create_task(ticker())
    await asyncio.sleep(0)  # let the ticker start
    before = ticks
    await work()
    during = ticks - before
    running = False
    await task
    return during


@pytest.mark.parametrize("operation", ["hash", "verify"])
async def test_hashing_runs_off_the_event_loop(operation: str):
    slow = Argon2PasswordHasher(SLOW)
    stored = await slow.hash("correct horse battery")

    async def work() -> object:
        if operation == "hash":
            return await slow.hash("correct horse battery")
        return await slow.verify(stored, "correct horse battery")

    # Run inline, argon2 would block the loop and the ticker would not run at all; in a worker
    # thread the loop keeps turning for the whole hash.
    assert await _ticks_while(work) > 10


async def test_verifying_without_a_hash_costs_what_a_real_verification_costs():
    """An unknown login must not answer faster than a wrong password: with no hash, the hasher
    verifies against a dummy hash made with the same parameters. Wide bounds: argon2 at these
    parameters takes tens of milliseconds, skipping it would take microseconds."""
    slow = Argon2PasswordHasher(SLOW)
    real = await slow.hash("the real password")

    async def fastest(check: Callable[[], Awaitable[bool]]) -> float:
        timings = []
        for _ in range(3):
            started = time.perf_counter()
            assert not await check()
            timings.append(time.perf_counter() - started)
        return min(timings)

    wrong_password = await fastest(lambda: slow.verify(real, "a wrong password"))
    unknown_user = await fastest(lambda: slow.verify(None, "a wrong password"))

    assert 0.5 < unknown_user / wrong_password < 2
