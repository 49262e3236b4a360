"""The in-process live-events adapter: who receives what, and a subscriber that falls behind."""

import asyncio
import uuid
from datetime import UTC, datetime

import pytest

from adapters.live.in_process import InProcessLiveEvents
from application.ports.live_events import FellBehind, LiveMessage, LiveSubscription
from domain.ids import UserId

ADA, BOB = UserId(uuid.uuid4()), UserId(uuid.uuid4())


def message(recipient: UserId | None = None, kind: str = "test") -> LiveMessage:
    return LiveMessage(uuid.uuid4(), kind, datetime.now(UTC), {"n": 1}, recipient)


async def drain(subscription: LiveSubscription, count: int) -> list[LiveMessage]:
    async with asyncio.timeout(1):
        return [await subscription.next() for _ in range(count)]


async def nothing_more(subscription: LiveSubscription) -> bool:
    try:
        async with asyncio.timeout(0.05):
            await subscription.next()
    except TimeoutError:
        return True
    return False


async def test_a_message_for_everyone_reaches_every_subscriber_identified_or_not():
    live = InProcessLiveEvents()
    async with live.subscribe(8) as ada, live.subscribe(8) as anonymous:
        ada.identify(ADA)
        sent = message()
        await live.publish(sent)

        assert await drain(ada, 1) == [sent]
        assert await drain(anonymous, 1) == [sent]


async def test_a_message_for_one_user_reaches_only_their_subscriptions():
    live = InProcessLiveEvents()
    async with live.subscribe(8) as ada1, live.subscribe(8) as ada2, live.subscribe(8) as bob:
        ada1.identify(ADA)
        ada2.identify(ADA)
        bob.identify(BOB)
        anonymous = live.subscribe(8)
        async with anonymous:
            sent = message(recipient=ADA)
            await live.publish(sent)

            assert await drain(ada1, 1) == [sent]
            assert await drain(ada2, 1) == [sent]
            assert await nothing_more(bob)
            assert await nothing_more(anonymous)


async def test_messages_keep_their_order():
    live = InProcessLiveEvents()
    async with live.subscribe(8) as subscription:
        sent = [message() for _ in range(5)]
        for one in sent:
            await live.publish(one)

        assert await drain(subscription, 5) == sent


async def test_a_subscriber_that_falls_behind_is_dropped_without_slowing_the_others():
    live = InProcessLiveEvents()
    async with live.subscribe(2) as slow, live.subscribe(100) as fast:
        for _ in range(3):
            await live.publish(message())

        async with asyncio.timeout(1):
            await slow.wait_fell_behind()
        with pytest.raises(FellBehind):
            await slow.next()
        assert len(live.fan_out) == 1
        assert len(await drain(fast, 3)) == 3


async def test_leaving_the_block_unsubscribes():
    live = InProcessLiveEvents()
    async with live.subscribe(8):
        assert len(live.fan_out) == 1
    assert len(live.fan_out) == 0
    await live.publish(message())  # nobody to deliver to: no error


def test_a_subscription_holds_at_least_one_message():
    with pytest.raises(ValueError, match="at least one"):
        InProcessLiveEvents().subscribe(0)
