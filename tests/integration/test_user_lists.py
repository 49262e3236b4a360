"""Lists of users: oldest first, a page at a time, on every backend."""

from datetime import timedelta

from application.pagination import PageRequest
from tests.builders import NOW, make_user
from tests.integration.backends import UowFactory
from tests.integration.helpers import store


async def test_users_are_listed_oldest_first_a_page_at_a_time(new_uow: UowFactory) -> None:
    users = [make_user(now=NOW + timedelta(minutes=n)) for n in range(5)]
    twins = sorted((make_user(now=NOW + timedelta(days=1)) for _ in range(2)), key=lambda u: u.id)
    await store(new_uow, *reversed(users), *twins)

    async with new_uow() as uow:
        page = await uow.users.list(PageRequest(skip=1, limit=2), include_inactive=True)
        tail = await uow.users.list(PageRequest(skip=5, limit=10), include_inactive=True)
        beyond = await uow.users.list(PageRequest(skip=50, limit=10), include_inactive=True)

    assert [u.id for u in page.items] == [users[1].id, users[2].id]
    assert (page.total, page.skip, page.limit) == (7, 1, 2)
    assert [u.id for u in tail.items] == [u.id for u in twins]
    assert (list(beyond.items), beyond.total) == ([], 7)


async def test_inactive_users_are_listed_only_when_asked_for(new_uow: UowFactory) -> None:
    active, inactive = make_user(), make_user(is_active=False, now=NOW + timedelta(seconds=1))
    await store(new_uow, active, inactive)

    async with new_uow() as uow:
        everyone = await uow.users.list(PageRequest(), include_inactive=True)
        only_active = await uow.users.list(PageRequest(), include_inactive=False)

    assert [u.id for u in everyone.items] == [active.id, inactive.id]
    assert ([u.id for u in only_active.items], only_active.total) == ([active.id], 1)
