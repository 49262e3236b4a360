"""UpdateProfile's account fields: e-mail and a new password (RealWorld's PUT /api/user)."""

import pytest

from application.auth.log_in import LogInCommand
from application.errors import InvalidCredentials
from application.users.update_profile import UpdateProfileCommand
from domain.errors import EmailAlreadyRegistered, InvalidValue, UsernameAlreadyTaken
from tests.unit.harness import PASSWORD, Folio, register


async def test_the_email_moves_and_logs_in(folio: Folio):
    ada = await register(folio, "ada")
    later = folio.clock.advance()

    view = await folio.update_profile(ada, UpdateProfileCommand(email=" Countess@Example.com "))

    stored = folio.store.users[ada.id]
    assert (stored.email.value, stored.updated_at) == ("countess@example.com", later)
    assert view.email == "countess@example.com"
    await folio.log_in(LogInCommand(login="countess@example.com", password=PASSWORD))
    with pytest.raises(InvalidCredentials):
        await folio.log_in(LogInCommand(login="ada@example.com", password=PASSWORD))


async def test_the_same_email_in_another_case_is_no_clash(folio: Folio):
    ada = await register(folio, "ada")

    view = await folio.update_profile(ada, UpdateProfileCommand(email="ADA@example.com"))

    assert view.email == "ada@example.com"


async def test_a_new_password_replaces_the_old(folio: Folio):
    ada = await register(folio, "ada")

    await folio.update_profile(ada, UpdateProfileCommand(new_password="an entirely new one"))

    await folio.log_in(LogInCommand(login="ada", password="an entirely new one"))
    with pytest.raises(InvalidCredentials):
        await folio.log_in(LogInCommand(login="ada", password=PASSWORD))


async def test_a_taken_email_changes_nothing(folio: Folio):
    ada = await register(folio, "ada")
    await register(folio, "bob")

    with pytest.raises(EmailAlreadyRegistered):
        await folio.update_profile(
            ada,
            UpdateProfileCommand(email="bob@example.com", bio="new bio", new_password="new words!"),
        )

    stored = folio.store.users[ada.id]
    assert (stored.email.value, stored.bio) == ("ada@example.com", None)
    await folio.log_in(LogInCommand(login="ada", password=PASSWORD))


async def test_a_taken_username_changes_no_email(folio: Folio):
    ada = await register(folio, "ada")
    await register(folio, "bob")

    with pytest.raises(UsernameAlreadyTaken):
        await folio.update_profile(ada, UpdateProfileCommand(username="BOB", email="a@b.example"))

    assert folio.store.users[ada.id].email.value == "ada@example.com"


@pytest.mark.parametrize(
    ("command", "field"),
    [
        pytest.param(UpdateProfileCommand(email="nope"), "email", id="email"),
        pytest.param(UpdateProfileCommand(new_password="short"), "password", id="password"),
    ],
)
async def test_bad_values_change_nothing(folio: Folio, command: UpdateProfileCommand, field: str):
    ada = await register(folio, "ada")

    with pytest.raises(InvalidValue) as raised:
        await folio.update_profile(ada, command)

    assert raised.value.field == field
    await folio.log_in(LogInCommand(login="ada@example.com", password=PASSWORD))


@pytest.mark.parametrize(
    ("password", "reason"),
    [
        pytest.param("password123", "common", id="common"),
        pytest.param("ada-is-my-secret", "e-mail", id="contains-the-e-mail-local-part"),
    ],
)
async def test_a_new_password_meets_the_password_rules(folio: Folio, password: str, reason: str):
    ada = await register(folio, "ada")

    with pytest.raises(InvalidValue, match=reason):
        await folio.update_profile(ada, UpdateProfileCommand(new_password=password))
