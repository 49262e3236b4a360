"""The relay against real storage: woken promptly by a commit (in-process signal, PostgreSQL
NOTIFY), and several relays at once deliver every entry exactly once."""

import asyncio
import time
from collections import Counter
from datetime import timedelta
from uuid import uuid4

import pytest
from sqlalchemy.ext.asyncio import async_sessionmaker

from adapters.events import LoggingEventPublisher
from adapters.outbox.relay import OutboxRelay
from adapters.outbox.wakeup import PostgresListener, RelayWakeup
from adapters.sqlalchemy.engine import create_engine
from adapters.sqlalchemy.outbox import SqlAlchemyOutbox
from adapters.sqlalchemy.unit_of_work import SqlAlchemyUnitOfWork
from adapters.system import SystemClock
from application.outbox.deliver_events import DeliverEvents
from application.outbox.retry_policy import RetryPolicy
from application.ports.event_handlers import Delivery, EventHandler
from application.ports.outbox import Outbox
from application.ports.unit_of_work import UnitOfWork
from domain.events import DomainEvent
from domain.users.events import UserDeactivated
from tests.builders import make_user
from tests.integration.backends import Database, UowFactory

BATCH_OF_A_THOUSAND = 1000
PROMPT_SECONDS = 1.0  # the relay polls every 30 s: only a wake-up is this fast


class Recorder(EventHandler):
    name = "recorder"

    def __init__(self) -> None:
        self.counts: Counter[object] = Counter()
        self.arrived = asyncio.Event()

    def handles(self, event: DomainEvent) -> bool:
        return True

    async def handle(self, delivery: Delivery) -> None:
        self.counts[delivery.event_id] += 1
        self.arrived.set()


def relay_on(
    outbox: Outbox, recorder: Recorder, wakeup: RelayWakeup, **options: object
) -> OutboxRelay:
    deliver = DeliverEvents(
        outbox, [recorder], SystemClock(), RetryPolicy(), owner=f"relay-{uuid4().hex[:6]}", batch=50
    )
    return OutboxRelay(deliver, wakeup, batch=50, poll_seconds=30, **options)  # type: ignore[arg-type]


async def register_one(uow: UnitOfWork) -> None:
    async with uow:
        uow.users.add(make_user())
        await uow.commit()


async def test_a_commit_in_this_process_wakes_the_relay(new_uow: UowFactory) -> None:
    recorder, wakeup = Recorder(), RelayWakeup()
    relay = relay_on(new_uow.outbox, recorder, wakeup)
    await relay.start()
    try:
        await asyncio.sleep(0.05)  # the first pass found nothing; the relay sleeps
        started = time.monotonic()
        await register_one(new_uow())
        await wakeup.publish([])  # what the container's publisher does after a commit
        await asyncio.wait_for(recorder.arrived.wait(), PROMPT_SECONDS)
        assert time.monotonic() - started < PROMPT_SECONDS
    finally:
        await relay.stop()
    assert not relay.running
    assert sum(recorder.counts.values()) == 1


@pytest.mark.postgres
@pytest.mark.parametrize("sql_database", ["postgres"], indirect=True)
async def test_a_commit_elsewhere_wakes_the_relay_through_notify(sql_database: Database) -> None:
    assert sql_database.url is not None
    engine = create_engine(sql_database.url, pool_size=2)
    recorder, wakeup = Recorder(), RelayWakeup()
    relay = relay_on(
        SqlAlchemyOutbox(engine),
        recorder,
        wakeup,
        listener=PostgresListener(sql_database.url, wakeup),
    )
    sessions = async_sessionmaker(engine, expire_on_commit=False, autoflush=False)
    try:
        await relay.start()
        await asyncio.sleep(0.1)
        await register_one(SqlAlchemyUnitOfWork(sessions, LoggingEventPublisher()))
        await asyncio.wait_for(recorder.arrived.wait(), PROMPT_SECONDS)
    finally:
        await relay.stop()
        await engine.dispose()
    assert sum(recorder.counts.values()) == 1


async def test_two_relays_deliver_every_entry_of_a_batch_exactly_once(
    new_sql_uow: UowFactory,
) -> None:
    # SQLite: one relay holds the lease and delivers alone; a smaller batch shows it.
    count = BATCH_OF_A_THOUSAND if new_sql_uow.name == "postgres" else 100
    async with new_sql_uow() as uow:
        for _ in range(count):
            aggregate = uuid4()
            uow.announce(
                aggregate, UserDeactivated(occurred_at=make_user().created_at, user_id=aggregate)
            )  # type: ignore[arg-type]
        await uow.commit()
    url = new_sql_uow.sql_engine.url.render_as_string(hide_password=False)
    engines = [create_engine(url, pool_size=4) for _ in range(2)]
    recorder = Recorder()
    passes = [
        DeliverEvents(
            SqlAlchemyOutbox(engine),
            [recorder],
            SystemClock(),
            RetryPolicy(),
            owner=f"relay-{n}",
            lease=timedelta(seconds=30),
            batch=50,
        )
        for n, engine in enumerate(engines)
    ]

    async def drain(deliver: DeliverEvents) -> int:
        claimed = 0
        for _ in range(400):
            got = await deliver()
            claimed += got
            if not got and not await new_sql_uow.outbox.entries(dead=False, limit=1):
                return claimed
            if not got:
                await asyncio.sleep(0.01)
        raise AssertionError("the outbox did not drain")

    try:
        started = time.monotonic()
        claims = await asyncio.gather(*(drain(deliver) for deliver in passes))
        elapsed = time.monotonic() - started
    finally:
        for engine in engines:
            await engine.dispose()

    assert len(recorder.counts) == count
    assert set(recorder.counts.values()) == {1}
    assert sum(claims) == count
    if new_sql_uow.name == "postgres":
        assert all(claims), f"both relays should have delivered: {claims}"
    print(f"{new_sql_uow.name}: {count} entries by two relays in {elapsed:.2f}s, split {claims}")
