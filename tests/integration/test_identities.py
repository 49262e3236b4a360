"""The linked-identity repository's contract, on every backend."""

from datetime import timedelta

import pytest
from sqlalchemy import delete

from adapters.sqlalchemy.tables import users
from domain.users.identities import IdentityAlreadyLinked, IdentityKey, LinkedIdentity
from tests.builders import NOW, make_user
from tests.integration.backends import UowFactory
from tests.integration.helpers import assert_utc, store

KEY = IdentityKey("https://id.example.org", "248289761001")


async def link(new_uow: UowFactory, *links: LinkedIdentity) -> None:
    async with new_uow() as uow:
        for each in links:
            uow.identities.add(each)
        await uow.commit()


async def found(new_uow: UowFactory, key: IdentityKey = KEY) -> LinkedIdentity | None:
    async with new_uow() as uow:
        return await uow.identities.get(key)


async def test_a_link_is_found_by_issuer_and_subject(new_uow: UowFactory):
    user = make_user()
    await store(new_uow, user)

    await link(new_uow, LinkedIdentity(key=KEY, user_id=user.id, linked_at=NOW))

    stored = await found(new_uow)
    assert stored == LinkedIdentity(key=KEY, user_id=user.id, linked_at=NOW)
    assert stored is not None
    assert_utc(stored.linked_at)
    assert await found(new_uow, IdentityKey(KEY.issuer, "another-subject")) is None
    assert await found(new_uow, IdentityKey("https://other.example.org", KEY.subject)) is None


async def test_a_link_and_its_new_account_commit_together(new_uow: UowFactory):
    user = make_user()
    async with new_uow() as uow:
        uow.users.add(user)
        uow.identities.add(LinkedIdentity(key=KEY, user_id=user.id, linked_at=NOW))
        assert await uow.identities.get(KEY) is not None  # seen before commit, in its block
        await uow.commit()

    stored = await found(new_uow)
    assert stored is not None
    assert stored.user_id == user.id


async def test_an_uncommitted_link_leaves_nothing(new_uow: UowFactory):
    user = make_user()
    await store(new_uow, user)

    async with new_uow() as uow:
        uow.identities.add(LinkedIdentity(key=KEY, user_id=user.id, linked_at=NOW))

    assert await found(new_uow) is None


async def test_one_identity_links_to_one_account_only(new_uow: UowFactory):
    first, second = make_user(), make_user()
    await store(new_uow, first, second)
    await link(new_uow, LinkedIdentity(key=KEY, user_id=first.id, linked_at=NOW))

    later = NOW + timedelta(minutes=1)
    with pytest.raises(IdentityAlreadyLinked):
        await link(new_uow, LinkedIdentity(key=KEY, user_id=second.id, linked_at=later))

    stored = await found(new_uow)
    assert stored is not None
    assert stored.user_id == first.id


async def test_a_deleted_account_takes_its_links_with_it(new_sql_uow: UowFactory):
    user = make_user()
    await store(new_sql_uow, user)
    await link(new_sql_uow, LinkedIdentity(key=KEY, user_id=user.id, linked_at=NOW))

    async with new_sql_uow.sql_engine.begin() as connection:
        await connection.execute(delete(users).where(users.c.id == user.id))

    assert await found(new_sql_uow) is None
