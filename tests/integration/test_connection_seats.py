"""The per-user connection cap's seats, in process and in Redis (shared by two clients)."""

import asyncio
import uuid
from collections.abc import AsyncIterator

import pytest
from redis.asyncio import Redis

from adapters.live.seats import InProcessSeats
from adapters.redis.seats import RedisSeats
from application.ports.connection_seats import ConnectionSeats
from domain.ids import UserId
from tests.servers import redis_url

LEASE = 30.0


@pytest.fixture(params=["memory", "redis"])
async def seats(request: pytest.FixtureRequest) -> AsyncIterator[tuple[ConnectionSeats, ...]]:
    """Two views of one count: two processes' adapters (one and the same in memory)."""
    if request.param == "memory":
        only = InProcessSeats()
        yield only, only
        return
    url = redis_url()
    first, second = Redis.from_url(url), Redis.from_url(url)
    try:
        yield RedisSeats(first), RedisSeats(second)
    finally:
        await first.aclose()
        await second.aclose()


def user() -> UserId:
    return UserId(uuid.uuid4())


async def test_a_user_holds_at_most_the_limit_across_processes(seats: tuple[ConnectionSeats, ...]):
    here, there = seats
    ada, bob = user(), user()

    assert await here.take(ada, uuid.uuid4(), 2, LEASE)
    assert await there.take(ada, uuid.uuid4(), 2, LEASE)
    assert not await here.take(ada, uuid.uuid4(), 2, LEASE)
    assert not await there.take(ada, uuid.uuid4(), 2, LEASE)
    assert await there.take(bob, uuid.uuid4(), 2, LEASE)


async def test_a_seat_given_back_is_free_again(seats: tuple[ConnectionSeats, ...]):
    here, there = seats
    ada, seat = user(), uuid.uuid4()
    assert await here.take(ada, seat, 1, LEASE)

    await here.give_back(ada, seat)

    assert await there.take(ada, uuid.uuid4(), 1, LEASE)


async def test_a_lease_left_to_run_out_frees_the_seat_and_renewal_keeps_it(
    seats: tuple[ConnectionSeats, ...],
):
    here, there = seats
    abandoned, kept = user(), user()
    assert await here.take(abandoned, uuid.uuid4(), 1, 0.3)
    kept_seat = uuid.uuid4()
    assert await here.take(kept, kept_seat, 1, 0.3)

    for _ in range(3):
        await asyncio.sleep(0.15)
        await here.renew(kept, kept_seat, 0.3)

    assert await there.take(abandoned, uuid.uuid4(), 1, LEASE)
    assert not await there.take(kept, uuid.uuid4(), 1, LEASE)
