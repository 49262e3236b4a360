"""The session repository's contract, on every backend."""

from datetime import timedelta
from typing import Any
from uuid import uuid4

import pytest

from adapters.sqlalchemy.tables import users
from domain.ids import SessionId
from domain.sessions.errors import RefreshTokenReused
from domain.sessions.session import AuthMethod, EndReason, Session, SessionLifetimes
from domain.users.user import User
from tests.builders import NOW, make_user
from tests.integration.backends import UowFactory
from tests.integration.helpers import assert_utc, state_of, store

LIFETIMES = SessionLifetimes(refresh=timedelta(days=14), absolute=timedelta(days=30))


def make_session(user: User, **overrides: Any) -> Session:
    values: dict[str, Any] = {
        "id": SessionId(uuid4()),
        "user_id": user.id,
        "refresh_hash": uuid4().hex * 2,
        "auth_method": AuthMethod.PASSWORD,
        "lifetimes": LIFETIMES,
        "now": NOW,
        "client_address": "2001:db8::1",
        "user_agent": "Mozilla/5.0 Firefox/128.0",
    }
    values.update(overrides)
    return Session.begin(**values)


async def add(new_uow: UowFactory, *sessions: Session) -> None:
    async with new_uow() as uow:
        for session in sessions:
            uow.sessions.add(session)
        await uow.commit()


@pytest.fixture
async def ada(new_uow: UowFactory) -> User:
    user = make_user()
    await store(new_uow, user)
    return user


@pytest.mark.parametrize(
    "overrides",
    [
        pytest.param({}, id="plain"),
        pytest.param({"client_address": None, "user_agent": None}, id="no-client"),
        pytest.param({"auth_method": AuthMethod.PASSWORD_TOTP, "user_agent": "é" * 600}, id="long"),
    ],
)
async def test_a_session_comes_back_with_every_field(
    new_uow: UowFactory, ada: User, overrides: dict[str, Any]
) -> None:
    session = make_session(ada, **overrides)
    await add(new_uow, session)

    async with new_uow() as uow:
        found = await uow.sessions.get(session.id)
        by_hash = await uow.sessions.get_by_refresh_hash(session.refresh_hash)

    assert found is not None
    assert state_of(found) == state_of(session)
    assert by_hash is found
    assert_utc(found.created_at, found.last_used_at, found.expires_at, found.refresh_expires_at)


async def test_changes_are_saved_on_commit_only(new_uow: UowFactory, ada: User) -> None:
    session = make_session(ada)
    await add(new_uow, session)
    later = NOW + timedelta(hours=1)

    async with new_uow() as uow:
        loaded = await uow.sessions.get(session.id)
        assert loaded is not None
        loaded.rotate("f" * 64, LIFETIMES, later)  # not committed
    async with new_uow() as uow:
        loaded = await uow.sessions.get(session.id)
        assert loaded is not None
        assert loaded.refresh_hash == session.refresh_hash
        retired = loaded.rotate("e" * 64, LIFETIMES, later)
        uow.sessions.retire_refresh_hash(retired, loaded.id)
        await uow.commit()

    async with new_uow() as uow:
        found = await uow.sessions.get(session.id)
        assert await uow.sessions.session_of_retired_hash(session.refresh_hash) == session.id
        assert await uow.sessions.session_of_retired_hash("e" * 64) is None
        assert await uow.sessions.get_by_refresh_hash(session.refresh_hash) is None
    assert found is not None
    assert (found.refresh_hash, found.last_used_at) == ("e" * 64, later)


async def test_retiring_one_hash_twice_is_a_reuse(new_uow: UowFactory, ada: User) -> None:
    session = make_session(ada)
    await add(new_uow, session)
    async with new_uow() as uow:
        uow.sessions.retire_refresh_hash("a" * 64, session.id)
        await uow.commit()

    async with new_uow() as uow:
        uow.sessions.retire_refresh_hash("a" * 64, session.id)
        with pytest.raises(RefreshTokenReused):
            await uow.commit()


async def test_live_sessions_of_a_user_newest_first(new_uow: UowFactory, ada: User) -> None:
    bob = make_user()
    await store(new_uow, bob)
    old = make_session(ada)
    new = make_session(ada, now=NOW + timedelta(minutes=1))
    ended = make_session(ada)
    ended.end(EndReason.LOGOUT, NOW)
    expired = make_session(ada, now=NOW - LIFETIMES.refresh)
    await add(new_uow, old, new, ended, expired, make_session(bob))

    async with new_uow() as uow:
        live = await uow.sessions.list_live(ada.id, NOW + timedelta(minutes=2))

    assert [s.id for s in live] == [new.id, old.id]


async def test_end_all_of_keeps_the_one_asked_for(new_uow: UowFactory, ada: User) -> None:
    keep, other = make_session(ada), make_session(ada)
    await add(new_uow, keep, other)

    async with new_uow() as uow:
        ended = await uow.sessions.end_all_of(ada.id, EndReason.LOGOUT_ALL, NOW, keep=keep.id)
        await uow.commit()

    assert ended == [other.id]
    async with new_uow() as uow:
        live = await uow.sessions.list_live(ada.id, NOW)
        gone = await uow.sessions.get(other.id)
    assert [s.id for s in live] == [keep.id]
    assert gone is not None
    assert (gone.ended_at, gone.end_reason) == (NOW, EndReason.LOGOUT_ALL)


async def test_a_password_change_ends_the_other_sessions_in_its_transaction(
    new_uow: UowFactory, ada: User
) -> None:
    keep, other = make_session(ada), make_session(ada)
    await add(new_uow, keep, other)

    async with new_uow() as uow:
        user = await uow.users.get(ada.id)
        assert user is not None
        user.change_password("new-hash", now=NOW, keep_session=keep.id)
        await uow.commit()

    async with new_uow() as uow:
        live = await uow.sessions.list_live(ada.id, NOW)
    assert [s.id for s in live] == [keep.id]


async def test_the_caller_is_the_session_with_its_user(new_uow: UowFactory, ada: User) -> None:
    session = make_session(ada)
    await add(new_uow, session)

    async with new_uow() as uow:
        caller = await uow.sessions.caller(session.id)
        nobody = await uow.sessions.caller(SessionId(uuid4()))

    assert nobody is None
    assert caller is not None
    assert state_of(caller.session) == state_of(session)
    assert state_of(caller.user) == state_of(ada)


async def test_deleting_a_user_deletes_their_sessions(new_sql_uow: UowFactory) -> None:
    user = make_user()
    await store(new_sql_uow, user)
    session = make_session(user)
    await add(new_sql_uow, session)
    async with new_sql_uow.sql_engine.begin() as connection:
        await connection.execute(users.delete().where(users.c.id == user.id))

    async with new_sql_uow() as uow:
        assert await uow.sessions.get(session.id) is None
