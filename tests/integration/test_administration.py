"""The administration contract, on every backend: the audit trail, the user search, the
posting-limit count, and an active admin that always remains, also when two admins demote
each other at the same moment."""

import asyncio
from datetime import timedelta
from uuid import uuid4

import pytest

from adapters.system import RandomIdGenerator, SystemClock
from application.admin.change_role import ChangeRole
from application.pagination import PageRequest
from application.ports.admin_audit import AuditFilter
from domain.admin.audit import AuditAction, AuditEntry, AuditTarget
from domain.admin.rules import LastAdmin
from domain.ids import UserId
from domain.roles import Role
from domain.users.limits import PostingLimit
from tests.builders import NOW, make_post, make_user
from tests.integration.backends import UowFactory
from tests.integration.helpers import store


def entry(minutes: int, **overrides: object) -> AuditEntry:
    values: dict[str, object] = {
        "id": uuid4(),
        "actor_id": UserId(uuid4()),
        "action": AuditAction.CHANGE_ROLE,
        "target_type": AuditTarget.USER,
        "target_id": uuid4(),
        "at": NOW + timedelta(minutes=minutes),
        "reason": "because",
        "detail": "role=admin",
    }
    values.update(overrides)
    return AuditEntry(**values)  # type: ignore[arg-type]


async def test_audit_entries_are_written_with_the_commit_only(new_uow: UowFactory) -> None:
    kept, dropped = entry(1, actor_id=None, reason=None, detail=None), entry(2)
    async with new_uow() as uow:
        uow.audit.record(kept)
        await uow.commit()
    async with new_uow() as uow:
        uow.audit.record(dropped)  # no commit: rolled back

    async with new_uow() as uow:
        page = await uow.audit.list(AuditFilter(), PageRequest())
        assert await uow.audit.get(kept.id) == kept
        assert await uow.audit.get(dropped.id) is None
    assert list(page.items) == [kept]


async def test_audit_entries_list_newest_first_by_filter_and_page(new_uow: UowFactory) -> None:
    admin, target = UserId(uuid4()), uuid4()
    entries = [entry(n, actor_id=admin if n % 2 else None, target_id=target) for n in range(5)]
    other = entry(10, target_type=AuditTarget.POST, action=AuditAction.HIDE_POST)
    async with new_uow() as uow:
        for each in [*entries, other]:
            uow.audit.record(each)
        await uow.commit()

    async with new_uow() as uow:
        everything = await uow.audit.list(AuditFilter(), PageRequest(limit=4))
        rest = await uow.audit.list(AuditFilter(), PageRequest(limit=4, after=everything.next))
        by_admin = await uow.audit.list(AuditFilter(actor_id=admin), PageRequest())
        on_target = await uow.audit.list(AuditFilter(target_id=target), PageRequest())

    assert [e.id for e in [*everything.items, *rest.items]] == [
        other.id,
        *(e.id for e in reversed(entries)),
    ]
    assert (everything.total, rest.next) == (6, None)
    assert [e.id for e in by_admin.items] == [entries[3].id, entries[1].id]
    assert on_target.total == 5


async def test_users_are_searched_by_email_or_username_prefix(new_uow: UowFactory) -> None:
    ada = make_user(email="ada@example.com", username="Lovelace")
    adam = make_user(email="adam@example.com", username="adam_s")
    off = make_user(email="x@example.com", username="adamXs", is_active=False)
    await store(new_uow, ada, adam, off)

    async with new_uow() as uow:
        found = {
            prefix: {u.id for u in (await uow.users.list(page, **options)).items}
            for prefix, page, options in [
                ("ada", PageRequest(), {"include_inactive": True, "prefix": "ADA"}),
                ("love", PageRequest(), {"include_inactive": True, "prefix": "love"}),
                ("escaped", PageRequest(), {"include_inactive": True, "prefix": "adam_"}),
                ("active", PageRequest(), {"include_inactive": False, "prefix": "adam"}),
            ]
        }
    assert found == {
        "ada": {ada.id, adam.id, off.id},
        "love": {ada.id},
        "escaped": {adam.id},  # "_" is no wildcard: adamXs does not match
        "active": {adam.id},
    }


async def test_the_posting_limit_round_trips_and_posts_are_counted(
    new_uow: UowFactory,
) -> None:
    author = make_user()
    author.limit_posting(PostingLimit(3), now=NOW)
    posts = [make_post(author_id=author.id, now=NOW + timedelta(hours=h)) for h in (0, 5, 30)]
    await store(new_uow, author, *posts, make_post(author_id=author.id, publish=False))

    async with new_uow() as uow:
        stored = await uow.users.get(author.id)
        since = await uow.posts.count_written_since(author.id, NOW + timedelta(hours=1))
    assert stored is not None
    assert stored.posting_limit == PostingLimit(3)
    assert since == 2


async def test_active_admins_are_counted(new_uow: UowFactory) -> None:
    await store(
        new_uow,
        make_user(role=Role.ADMIN),
        make_user(role=Role.ADMIN, is_active=False),
        make_user(),
    )
    async with new_uow() as uow:
        assert await uow.users.count_active_admins() == 1


async def test_a_commit_that_leaves_no_active_admin_is_refused(new_uow: UowFactory) -> None:
    """Each transaction read both admins before either committed: the second is refused."""
    one, two = make_user(role=Role.ADMIN), make_user(role=Role.ADMIN)
    await store(new_uow, one, two)

    first, second = new_uow(), new_uow()
    async with first:
        mine = await first.users.get(one.id)
        assert mine is not None
        mine.change_role(Role.USER, now=NOW)
        await first.commit()
    async with second:
        theirs = await second.users.get(two.id)
        assert theirs is not None
        theirs.deactivate(now=NOW)
        with pytest.raises(LastAdmin):
            await second.commit()

    async with new_uow() as uow:
        assert await uow.users.count_active_admins() == 1


@pytest.mark.parametrize("attempt", range(3))
async def test_two_admins_demoting_each_other_at_once_leave_one(
    new_uow: UowFactory, attempt: int
) -> None:
    one, two = make_user(role=Role.ADMIN), make_user(role=Role.ADMIN)
    await store(new_uow, one, two)

    def demote(actor: UserId, target: UserId) -> asyncio.Future[object]:
        use_case = ChangeRole(new_uow(), SystemClock(), RandomIdGenerator())
        admin = make_user(id=actor, role=Role.ADMIN).actor
        return asyncio.ensure_future(use_case(admin, target, "user"))

    results = await asyncio.gather(
        demote(one.id, two.id), demote(two.id, one.id), return_exceptions=True
    )

    assert sorted(type(r).__name__ for r in results) == ["LastAdmin", "UserView"]
    async with new_uow() as uow:
        assert await uow.users.count_active_admins() == 1
        audit = await uow.audit.list(AuditFilter(), PageRequest())
    assert audit.total == 1  # the refused demotion left no entry
