"""The Redis live-events adapter against a real Redis: two instances stand for two processes."""

import asyncio
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest
from redis.asyncio import Redis

from adapters.redis.live_events import RedisLiveEvents, decode, encode
from application.ports.live_events import LiveMessage, LiveSubscription
from domain.ids import UserId
from tests.servers import redis_url

ADA, BOB = UserId(uuid.uuid4()), UserId(uuid.uuid4())


def message(recipient: UserId | None = None) -> LiveMessage:
    payload = {"title": "Über", "n": 3, "ok": True, "none": None}
    return LiveMessage(uuid.uuid4(), "test", datetime.now(UTC), payload, recipient)


@pytest.fixture
async def redis_clients() -> AsyncIterator[tuple[Redis, Redis]]:
    url = redis_url()
    name = f"folio-test-{uuid.uuid4().hex[:8]}"
    first, second = Redis.from_url(url, client_name=name), Redis.from_url(url, client_name=name)
    try:
        yield first, second
    finally:  # bounded: closing after a killed pub/sub connection can stall (redis-py)
        closing = {asyncio.ensure_future(client.aclose()) for client in (first, second)}
        await asyncio.wait(closing, timeout=5)


@pytest.fixture
async def two_processes(
    redis_clients: tuple[Redis, Redis],
) -> AsyncIterator[tuple[RedisLiveEvents, RedisLiveEvents]]:
    here, there = (RedisLiveEvents(client, max_retry_delay=0.2) for client in redis_clients)
    await here.start()
    await there.start()
    try:
        yield here, there
    finally:
        await here.close()
        await there.close()


async def received(subscription: LiveSubscription) -> LiveMessage:
    async with asyncio.timeout(2):
        return await subscription.next()


async def nothing_more(subscription: LiveSubscription) -> bool:
    try:
        async with asyncio.timeout(0.2):
            await subscription.next()
    except TimeoutError:
        return True
    return False


def test_a_message_survives_the_round_trip_through_json():
    sent = message(ADA)

    assert decode(encode(sent)) == sent


async def test_a_message_published_in_one_process_reaches_subscribers_in_both(
    two_processes: tuple[RedisLiveEvents, RedisLiveEvents],
):
    here, there = two_processes
    async with here.subscribe(8) as mine, there.subscribe(8) as theirs:
        sent = message()
        await there.publish(sent)

        assert await received(mine) == sent
        assert await received(theirs) == sent


async def test_a_message_for_one_user_reaches_only_that_user_elsewhere(
    two_processes: tuple[RedisLiveEvents, RedisLiveEvents],
):
    here, there = two_processes
    async with here.subscribe(8) as ada, here.subscribe(8) as bob:
        ada.identify(ADA)
        bob.identify(BOB)
        sent = message(ADA)
        await there.publish(sent)

        assert await received(ada) == sent
        assert await nothing_more(bob)


async def test_the_channel_is_the_databases(redis_clients: tuple[Redis, Redis]):
    live = RedisLiveEvents(redis_clients[0])
    database = redis_clients[0].connection_pool.connection_kwargs.get("db", 0)

    assert live.channel == f"folio:{database}:live"


async def test_listening_resumes_after_the_connection_is_killed(
    two_processes: tuple[RedisLiveEvents, RedisLiveEvents],
    redis_clients: tuple[Redis, Redis],
):
    here, there = two_processes
    async with here.subscribe(8) as mine:
        await kill_listeners(redis_clients[0])
        for _ in range(500):  # until the listener notices (5 s at most)
            if not here.listening.is_set():
                break
            await asyncio.sleep(0.01)
        assert not here.listening.is_set()
        async with asyncio.timeout(5):
            await here.listening.wait()
        sent = message()
        await there.publish(sent)

        assert await received(mine) == sent


async def kill_listeners(client: Redis) -> None:
    """Close this test's pub/sub connections from the server's side (and no one else's)."""
    name = client.connection_pool.connection_kwargs["client_name"]
    listeners = [
        entry["id"]
        for entry in await client.client_list(_type="pubsub")
        if entry.get("name") == name
    ]
    assert listeners
    for listener in listeners:
        await client.client_kill_filter(_id=listener)
