import pytest

from application.auth.log_in import LogInCommand
from application.errors import InvalidCredentials, UserNotFound
from application.users.change_password import ChangePasswordCommand
from application.users.update_profile import UpdateProfileCommand
from domain.errors import InvalidValue, PermissionDenied
from domain.users.events import UserDeactivated
from tests.unit.harness import PASSWORD, Folio, register, register_admin


async def test_update_profile_changes_only_the_given_fields(folio: Folio):
    ada = await register(folio, "ada", age=36)
    later = folio.clock.advance()

    view = await folio.update_profile(ada, UpdateProfileCommand(name="  Countess Ada "))

    stored = folio.store.users[ada.id]
    assert (stored.name.value, stored.age and stored.age.value) == ("Countess Ada", 36)
    assert stored.updated_at == later
    assert view.name == "Countess Ada"
    assert view.email == "ada@example.com"


async def test_update_profile_sets_the_age(folio: Folio):
    ada = await register(folio, "ada")

    view = await folio.update_profile(ada, UpdateProfileCommand(age=37))

    assert view.age == 37
    assert folio.store.users[ada.id].name.value == "Ada"


@pytest.mark.parametrize(
    ("command", "field"),
    [
        pytest.param(UpdateProfileCommand(name="x"), "name", id="short-name"),
        pytest.param(UpdateProfileCommand(age=200), "age", id="old-age"),
    ],
)
async def test_update_profile_refuses_bad_values(
    folio: Folio, command: UpdateProfileCommand, field: str
):
    ada = await register(folio, "ada")

    with pytest.raises(InvalidValue) as raised:
        await folio.update_profile(ada, command)

    assert raised.value.field == field
    assert folio.store.users[ada.id].name.value == "Ada"


async def test_update_profile_of_a_vanished_user_is_not_found(folio: Folio):
    ada = await register(folio, "ada")
    del folio.store.users[ada.id]

    with pytest.raises(UserNotFound):
        await folio.update_profile(ada, UpdateProfileCommand(name="Ada"))


async def test_change_password_replaces_the_hash(folio: Folio):
    ada = await register(folio, "ada")

    await folio.change_password(ada, ChangePasswordCommand(PASSWORD, "a brand new secret"))

    assert folio.store.users[ada.id].password_hash == "hashed:a brand new secret:v1"
    await folio.log_in(LogInCommand("ada", "a brand new secret"))
    with pytest.raises(InvalidCredentials):
        await folio.log_in(LogInCommand("ada", PASSWORD))


async def test_change_password_needs_the_current_password(folio: Folio):
    ada = await register(folio, "ada")

    with pytest.raises(InvalidCredentials):
        await folio.change_password(ada, ChangePasswordCommand("not it at all", "a new secret"))

    assert folio.store.users[ada.id].password_hash == f"hashed:{PASSWORD}:v1"


@pytest.mark.parametrize(
    "new_password",
    [pytest.param("short", id="too-short"), pytest.param("p" * 129, id="too-long")],
)
async def test_change_password_applies_the_policy(folio: Folio, new_password: str):
    ada = await register(folio, "ada")

    with pytest.raises(InvalidValue) as raised:
        await folio.change_password(ada, ChangePasswordCommand(PASSWORD, new_password))

    assert raised.value.field == "new_password"
    assert folio.store.users[ada.id].password_hash == f"hashed:{PASSWORD}:v1"


async def test_deactivate_user_switches_the_user_off_and_announces_it(folio: Folio):
    root = await register_admin(folio)
    ada = await register(folio, "ada")
    later = folio.clock.advance()

    view = await folio.deactivate_user(root, ada.id)

    assert view.is_active is False
    assert folio.store.users[ada.id].is_active is False
    assert folio.publisher.recent[-1] == UserDeactivated(occurred_at=later, user_id=ada.id)


async def test_deactivating_twice_announces_once(folio: Folio):
    root = await register_admin(folio)
    ada = await register(folio, "ada")

    await folio.deactivate_user(root, ada.id)
    await folio.deactivate_user(root, ada.id)

    assert folio.event_names().count("user_deactivated") == 1


@pytest.mark.parametrize(
    "target_self", [pytest.param(True, id="self"), pytest.param(False, id="other")]
)
async def test_only_an_admin_may_deactivate(folio: Folio, target_self: bool):
    ada = await register(folio, "ada")
    bob = await register(folio, "bob")

    with pytest.raises(PermissionDenied):
        await folio.deactivate_user(ada, ada.id if target_self else bob.id)

    assert all(user.is_active for user in folio.store.users.values())
    assert "user_deactivated" not in folio.event_names()


async def test_deactivating_an_unknown_user_is_not_found(folio: Folio):
    root = await register_admin(folio)
    ada = await register(folio, "ada")
    del folio.store.users[ada.id]

    with pytest.raises(UserNotFound):
        await folio.deactivate_user(root, ada.id)
