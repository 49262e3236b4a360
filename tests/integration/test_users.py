"""The user repository's contract, on every backend."""

from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest

from application.pagination import PageRequest
from domain.errors import EmailAlreadyRegistered, UsernameAlreadyTaken
from domain.roles import Role
from domain.users.user import User
from domain.users.values import DisplayName, Email, Username
from tests.builders import NOW, make_user
from tests.integration.backends import UowFactory
from tests.integration.helpers import assert_utc, state_of, store

ELSEWHERE = timezone(timedelta(hours=5, minutes=30))


async def all_users(new_uow: UowFactory) -> list[User]:
    async with new_uow() as uow:
        return list((await uow.users.list(PageRequest(0, 100), include_inactive=True)).items)


@pytest.mark.parametrize(
    "overrides",
    [
        pytest.param({"age": None}, id="no-age"),
        pytest.param({"age": 0, "role": Role.ADMIN}, id="admin-aged-0"),
        pytest.param({"age": 150, "name": "Zoë Ünïcode-Ñame 名前"}, id="unicode-name"),
        pytest.param({"is_active": False}, id="inactive"),
        pytest.param({"now": datetime(2031, 5, 6, 7, 8, 9, 123456, tzinfo=UTC)}, id="microseconds"),
    ],
)
async def test_a_user_comes_back_with_every_field(
    new_uow: UowFactory, overrides: dict[str, Any]
) -> None:
    user = make_user(**overrides)
    await store(new_uow, user)

    async with new_uow() as uow:
        found = await uow.users.get(user.id)

    assert found is not None
    assert state_of(found) == state_of(user)
    assert_utc(found.created_at, found.updated_at)


async def test_sql_storage_gives_back_utc_whatever_offset_it_was_given(
    new_sql_uow: UowFactory,
) -> None:
    moment = datetime(2031, 5, 6, 7, 8, 9, 123456, tzinfo=ELSEWHERE)
    user = make_user(now=moment)
    await store(new_sql_uow, user)

    async with new_sql_uow() as uow:
        found = await uow.users.get(user.id)

    assert found is not None
    assert found.created_at == moment
    assert_utc(found.created_at, found.updated_at)


async def test_get_of_an_unknown_id_is_none(new_uow: UowFactory) -> None:
    async with new_uow() as uow:
        assert await uow.users.get(make_user().id) is None


@pytest.mark.parametrize(
    "login",
    [
        pytest.param("ada@example.com", id="email"),
        pytest.param("  ADA@Example.COM ", id="email-any-case"),
        pytest.param("ada_l", id="username"),
        pytest.param("Ada_L", id="username-any-case"),
    ],
)
async def test_get_by_login_finds_by_email_or_username(new_uow: UowFactory, login: str) -> None:
    ada = make_user(email="Ada@Example.com", username="Ada_L")
    await store(new_uow, ada, make_user())

    async with new_uow() as uow:
        found = await uow.users.get_by_login(login)
        missing = await uow.users.get_by_login("nobody@example.com")

    assert found is not None
    assert found.id == ada.id
    assert missing is None


async def test_taken_emails_and_usernames_are_reported(new_uow: UowFactory) -> None:
    await store(new_uow, make_user(email="ada@example.com", username="ada"))

    async with new_uow() as uow:
        assert await uow.users.email_taken(Email("ADA@example.com"))
        assert not await uow.users.email_taken(Email("bob@example.com"))
        assert await uow.users.username_taken(Username("ADA"))
        assert not await uow.users.username_taken(Username("bob"))


async def test_changes_to_a_loaded_user_are_saved(new_uow: UowFactory) -> None:
    user = make_user(name="Before", age=20)
    await store(new_uow, user)
    later = datetime(2025, 2, 3, 4, 5, 6, tzinfo=UTC)

    async with new_uow() as uow:
        loaded = await uow.users.get(user.id)
        assert loaded is not None
        loaded.update_profile(name=DisplayName("After"), now=later)
        loaded.change_password("new-hash", now=later)
        loaded.deactivate(now=later)
        await uow.commit()

    async with new_uow() as uow:
        found = await uow.users.get(user.id)
    assert found is not None
    assert (found.name.value, found.age, found.password_hash) == ("After", user.age, "new-hash")
    assert (found.is_active, found.updated_at, found.created_at) == (False, later, NOW)


@pytest.mark.parametrize(
    ("clash", "error"),
    [
        pytest.param({"email": "TAKEN@example.com"}, EmailAlreadyRegistered, id="email"),
        pytest.param({"username": "Taken"}, UsernameAlreadyTaken, id="username"),
        pytest.param(
            {"email": "taken@example.com", "username": "taken"},
            EmailAlreadyRegistered,
            id="both-email-wins",
        ),
    ],
)
async def test_a_unique_clash_at_commit_raises_the_domain_error_and_writes_nothing(
    new_uow: UowFactory, clash: dict[str, str], error: type[Exception]
) -> None:
    existing = make_user(email="taken@example.com", username="taken")
    await store(new_uow, existing)
    bystander = make_user()

    with pytest.raises(error):
        await store(new_uow, bystander, make_user(**clash))

    assert [u.id for u in await all_users(new_uow)] == [existing.id]
    await store(new_uow, bystander)  # nothing was left locked or half-written
    assert len(await all_users(new_uow)) == 2


async def test_a_username_reservation_round_trips_and_expires(new_uow: UowFactory) -> None:
    ada = make_user()
    await store(new_uow, ada)
    async with new_uow() as uow:
        uow.users.reserve_username(Username("Left-Behind"), ada.id, NOW + timedelta(days=1))
        await uow.commit()
    async with new_uow() as uow:
        uow.users.reserve_username(Username("left-behind"), ada.id, NOW + timedelta(days=2))
        await uow.commit()  # a second reservation of one handle replaces the first

    async with new_uow() as uow:
        held = await uow.users.username_held_for(Username("LEFT-BEHIND"), NOW)
        later = await uow.users.username_held_for(Username("left-behind"), NOW + timedelta(days=2))
        other = await uow.users.username_held_for(Username("someone-else"), NOW)

    assert held == ada.id
    assert later is None
    assert other is None
