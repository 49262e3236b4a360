"""The outbox on every backend: the unit of work writes a commit's events in the same
transaction (never for a rolled-back change), and relays claim, retry and bury entries."""

from datetime import timedelta
from uuid import uuid4

import pytest

from application.ports.outbox import EntryState
from domain.errors import EmailAlreadyRegistered
from domain.notifications.events import EmailQueued
from domain.users.values import DisplayName
from tests.builders import NOW, make_post, make_user
from tests.integration.backends import UowFactory

LEASE = timedelta(seconds=30)
LATER = NOW + timedelta(minutes=5)


async def pending(new_uow: UowFactory) -> list[tuple[str, object]]:
    return [
        (e.event_name, e.aggregate_id) for e in await new_uow.outbox.entries(dead=False, limit=100)
    ]


async def test_a_commit_writes_its_events_in_order_with_their_aggregates(
    new_uow: UowFactory,
) -> None:
    author = make_user()
    post = make_post(author_id=author.id)
    async with new_uow() as uow:
        uow.users.add(author)
        uow.posts.add(post)
        await uow.commit()
    async with new_uow() as uow:
        stored = await uow.posts.get(post.id)
        assert stored is not None
        stored.delete(now=LATER)
        await uow.posts.remove(stored)
        await uow.commit()

    entries = await new_uow.outbox.entries(dead=False, limit=100)

    assert [(e.event_name, e.aggregate_id) for e in entries] == [
        ("user_registered", author.id),
        ("post_published", post.id),
        ("post_deleted", post.id),
    ]
    assert [e.position for e in entries] == sorted({e.position for e in entries})
    assert len({e.event_id for e in entries}) == 3
    assert entries[0].event == next(iter(new_uow.publisher.recent))
    assert {(e.state, e.attempts) for e in entries} == {(EntryState.PENDING, 0)}


async def test_no_event_is_written_for_a_change_that_is_not_committed(
    new_uow: UowFactory,
) -> None:
    taken = make_user()
    async with new_uow() as uow:
        uow.users.add(taken)
        await uow.commit()
    async with new_uow() as uow:
        uow.users.add(make_user())  # left without commit
    async with new_uow() as uow:
        uow.users.add(make_user(email=taken.email))
        with pytest.raises(EmailAlreadyRegistered):
            await uow.commit()

    assert await pending(new_uow) == [("user_registered", taken.id)]


async def test_an_announced_event_is_written_with_the_commit(new_uow: UowFactory) -> None:
    queued = uuid4()
    event = EmailQueued(
        occurred_at=NOW, notification_id=queued, email="a@example.com", subject="Hi", message="!"
    )
    async with new_uow() as uow:
        uow.announce(queued, event)
        await uow.commit()

    (entry,) = await new_uow.outbox.entries(dead=False, limit=10)
    assert (entry.aggregate_id, entry.event) == (queued, event)


async def test_claims_lease_entries_one_per_aggregate_in_commit_order(
    new_uow: UowFactory,
) -> None:
    first, second = make_user(), make_user()
    async with new_uow() as uow:
        uow.users.add(first)
        uow.users.add(second)
        await uow.commit()
    async with new_uow() as uow:
        loaded = await uow.users.get(first.id)
        assert loaded is not None
        loaded.deactivate(now=NOW)
        await uow.commit()
    outbox = new_uow.outbox

    claimed = await outbox.claim("relay-a", now=LATER, lease=LEASE, limit=10)
    assert [(e.event_name, e.aggregate_id) for e in claimed] == [
        ("user_registered", first.id),
        ("user_registered", second.id),
    ]
    if new_uow.name != "sqlite":  # there a second relay waits for the lease of the first
        assert await outbox.claim("relay-b", now=LATER, lease=LEASE, limit=10) == []

    await outbox.complete(claimed[0].event_id, "relay-a")
    following = await outbox.claim("relay-a", now=LATER, lease=LEASE, limit=10)
    assert [(e.event_name, e.aggregate_id) for e in following] == [
        ("user_registered", second.id),  # still leased to relay-a
        ("user_deactivated", first.id),
    ]
    assert [e.event_name for e in await outbox.entries(dead=False, limit=10)] == [
        "user_registered",
        "user_deactivated",
    ]


async def test_an_expired_lease_lets_another_relay_claim(new_uow: UowFactory) -> None:
    await _one_user(new_uow)
    (entry,) = await new_uow.outbox.claim("dies", now=LATER, lease=LEASE, limit=10)

    assert await new_uow.outbox.claim("other", now=LATER + LEASE / 2, lease=LEASE, limit=10) == []
    after = LATER + LEASE + timedelta(seconds=1)
    (again,) = await new_uow.outbox.claim("other", now=after, lease=LEASE, limit=10)
    assert again.event_id == entry.event_id
    await new_uow.outbox.complete(entry.event_id, "dies")  # the dead relay lost its lease
    assert len(await new_uow.outbox.entries(dead=False, limit=10)) == 1


async def test_rescheduled_entries_wait_buried_ones_wait_for_an_operator(
    new_uow: UowFactory,
) -> None:
    await _one_user(new_uow)
    outbox = new_uow.outbox
    (entry,) = await outbox.claim("relay", now=LATER, lease=LEASE, limit=10)
    retry_at = LATER + timedelta(seconds=10)
    await outbox.reschedule(entry.event_id, "relay", attempts=1, available_at=retry_at, error="x")

    assert (
        await outbox.claim("relay", now=retry_at - timedelta(seconds=1), lease=LEASE, limit=5) == []
    )
    (again,) = await outbox.claim("relay", now=retry_at, lease=LEASE, limit=5)
    assert (again.attempts, again.last_error) == (1, "x")

    await outbox.bury(entry.event_id, "relay", attempts=2, error="smtp down")
    assert await outbox.entries(dead=False, limit=5) == []
    (dead,) = await outbox.entries(dead=True, limit=5)
    assert (dead.state, dead.attempts, dead.last_error) == (EntryState.DEAD, 2, "smtp down")
    assert await outbox.claim("relay", now=retry_at, lease=LEASE, limit=5) == []

    assert await outbox.retry(uuid4(), now=retry_at) == 0
    assert await outbox.retry(entry.event_id, now=retry_at) == 1
    (revived,) = await outbox.claim("relay", now=retry_at, lease=LEASE, limit=5)
    assert (revived.state, revived.attempts) == (EntryState.PENDING, 0)


async def test_processed_records_are_idempotent_and_go_with_the_entry(
    new_uow: UowFactory,
) -> None:
    await _one_user(new_uow)
    outbox = new_uow.outbox
    (entry,) = await outbox.claim("relay", now=LATER, lease=LEASE, limit=10)

    await outbox.mark_processed(entry.event_id, "inbox", now=LATER)
    await outbox.mark_processed(entry.event_id, "inbox", now=LATER)
    await outbox.mark_processed(entry.event_id, "email", now=LATER)
    (again,) = await outbox.claim("relay", now=LATER, lease=LEASE, limit=10)
    assert again.processed_by == {"inbox", "email"}

    await outbox.complete(entry.event_id, "relay")
    assert await outbox.entries(dead=False, limit=10) == []
    await _one_user(new_uow)
    (fresh,) = await outbox.claim("relay", now=LATER, lease=LEASE, limit=10)
    assert fresh.processed_by == frozenset()


async def _one_user(new_uow: UowFactory) -> None:
    async with new_uow() as uow:
        uow.users.add(make_user())
        await uow.commit()


async def test_changes_without_events_write_nothing(new_uow: UowFactory) -> None:
    user = make_user()
    async with new_uow() as uow:
        uow.users.add(user)
        await uow.commit()
    async with new_uow() as uow:
        loaded = await uow.users.get(user.id)
        assert loaded is not None
        loaded.update_profile(name=DisplayName("Renamed"), now=LATER)
        await uow.commit()

    assert len(await new_uow.outbox.entries(dead=False, limit=10)) == 1
