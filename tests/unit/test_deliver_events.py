"""The relay's pass on the memory outbox with a fake clock: delivery to the handlers that
want an entry, no second effect on redelivery, backoff with jitter, dead letters, order."""

from datetime import timedelta
from uuid import uuid4

import pytest

from adapters.events import LoggingEventPublisher
from adapters.memory.outbox import MemoryOutbox
from adapters.memory.store import MemoryStore
from adapters.memory.unit_of_work import MemoryUnitOfWork
from application.outbox.deliver_events import DeliverEvents
from application.outbox.retry_policy import RetryPolicy
from application.ports.event_handlers import EventHandler
from application.ports.outbox import EntryState, OutboxEntry
from domain.users.events import UserDeactivated
from tests.builders import make_user
from tests.unit.fakes import START, FixedClock
from tests.unit.outbox_fakes import RecordingHandler

LEASE = timedelta(seconds=60)
POLICY = RetryPolicy(max_attempts=3, base=timedelta(seconds=2), jitter=lambda: 0.5)


class Relays:
    def __init__(self) -> None:
        self.store = MemoryStore()
        self.outbox = MemoryOutbox(self.store)
        self.clock = FixedClock(START)

    def relay(self, *handlers: EventHandler, owner: str = "relay") -> DeliverEvents:
        return DeliverEvents(self.outbox, handlers, self.clock, POLICY, owner=owner, lease=LEASE)

    async def register(self, count: int = 1) -> list[object]:
        users = [make_user(now=START) for _ in range(count)]
        async with MemoryUnitOfWork(self.store, LoggingEventPublisher()) as uow:
            for user in users:
                uow.users.add(user)
            await uow.commit()
        return users

    async def pending(self) -> list[OutboxEntry]:
        return await self.outbox.entries(dead=False, limit=100)

    async def dead(self) -> list[OutboxEntry]:
        return await self.outbox.entries(dead=True, limit=100)


@pytest.fixture
def relays() -> Relays:
    return Relays()


async def test_each_entry_reaches_every_handler_that_wants_it_then_leaves(
    relays: Relays,
) -> None:
    await relays.register(2)
    welcome = RecordingHandler("welcome", frozenset({"user_registered"}))
    other = RecordingHandler("other", frozenset({"post_published"}))
    everything = RecordingHandler("everything")

    assert await relays.relay(welcome, other, everything)() == 2

    assert welcome.names == everything.names == ["user_registered", "user_registered"]
    assert other.seen == []
    assert len({d.event_id for d in welcome.seen}) == 2
    assert welcome.seen == everything.seen
    assert await relays.pending() == []


async def test_a_redelivery_has_no_second_effect(relays: Relays) -> None:
    await relays.register()
    done = RecordingHandler("done")
    flaky = RecordingHandler("flaky", failures=1)

    await relays.relay(done, flaky)()
    (entry,) = await relays.pending()
    assert (entry.attempts, done.calls, flaky.calls) == (1, 1, 1)

    relays.clock.advance(timedelta(minutes=1))
    await relays.relay(done, flaky)()
    assert (done.calls, flaky.calls) == (1, 2)
    assert done.seen[0].event_id == flaky.seen[0].event_id
    assert await relays.pending() == []


async def test_an_entry_is_redelivered_after_a_relay_dies_but_not_to_handlers_done(
    relays: Relays,
) -> None:
    await relays.register()
    done = RecordingHandler("done")
    (entry,) = await relays.outbox.claim("dies", now=START, lease=LEASE, limit=10)
    await done.handle(entry.delivery)
    await relays.outbox.mark_processed(entry.event_id, "done", now=START)  # then: SIGKILL

    assert await relays.relay(done, owner="next")() == 0  # the lease still runs
    relays.clock.advance(LEASE)
    assert await relays.relay(done, owner="next")() == 1
    assert done.calls == 1
    assert await relays.pending() == []


async def test_failures_back_off_exponentially_with_jitter_then_the_entry_dies(
    relays: Relays,
) -> None:
    await relays.register()
    down = RecordingHandler("smtp", failures=10)
    relay = relays.relay(down)

    await relay()
    (entry,) = await relays.pending()
    assert entry.available_at == START + timedelta(seconds=1.5)  # 2s * (1/2 + 1/2 * 0.5)
    relays.clock.set(entry.available_at - timedelta(milliseconds=1))
    assert await relay() == 0
    relays.clock.set(entry.available_at)
    await relay()
    (entry,) = await relays.pending()
    assert entry.available_at == relays.clock.now() + timedelta(seconds=3)  # 4s * 0.75
    assert "ConnectionError: the mail server is away" in (entry.last_error or "")

    relays.clock.set(entry.available_at)
    await relay()
    assert await relays.pending() == []
    (dead,) = await relays.dead()
    assert (dead.state, dead.attempts, down.calls) == (EntryState.DEAD, 3, 3)
    relays.clock.advance(timedelta(days=1))
    assert await relay() == 0

    assert await relays.outbox.retry(None, now=relays.clock.now()) == 1
    down.failures = 0
    await relay()
    assert (down.calls, await relays.dead(), await relays.pending()) == (4, [], [])


@pytest.mark.parametrize(
    ("attempts", "low", "high"),
    [(1, 1.0, 2.0), (2, 2.0, 4.0), (5, 16.0, 32.0), (30, 300.0, 600.0)],
)
def test_the_delay_doubles_within_its_jitter_and_is_capped(
    attempts: int, low: float, high: float
) -> None:
    for jitter in (0.0, 0.3, 0.999):
        policy = RetryPolicy(base=timedelta(seconds=2), jitter=lambda j=jitter: j)
        delay = policy.delay(attempts).total_seconds()
        assert low <= delay <= high


async def test_an_unknown_event_is_a_dead_letter_at_once(relays: Relays) -> None:
    await relays.register()
    (entry,) = await relays.pending()
    relays.store.outbox[entry.event_id] = OutboxEntry(
        **{**{f: getattr(entry, f) for f in entry.__slots__}, "event": None}  # type: ignore[arg-type]
    )

    await relays.relay(RecordingHandler())()

    (dead,) = await relays.dead()
    assert "unknown" in (dead.last_error or "")


async def test_later_events_of_an_aggregate_wait_for_its_earlier_ones(relays: Relays) -> None:
    (user,) = await relays.register()
    async with MemoryUnitOfWork(relays.store, LoggingEventPublisher()) as uow:
        later = UserDeactivated(occurred_at=START, user_id=user.id)  # type: ignore[attr-defined]
        uow.announce(user.id, later)  # type: ignore[attr-defined]
        uow.announce(uuid4(), later)
        await uow.commit()
    flaky = RecordingHandler("flaky", failures=1)

    await relays.relay(flaky)()
    assert flaky.names == ["user_deactivated"]  # the other aggregate's only
    relays.clock.advance(timedelta(minutes=1))
    await relays.relay(flaky)()
    await relays.relay(flaky)()
    assert flaky.names == ["user_deactivated", "user_registered", "user_deactivated"]
