import pytest

from application.auth.log_in import LogInCommand
from application.errors import InvalidCredentials
from domain.roles import Actor
from tests.unit.harness import PASSWORD, Folio, register, register_admin


@pytest.mark.parametrize(
    "login",
    [
        pytest.param("ada@example.com", id="email"),
        pytest.param("  ADA@Example.com ", id="email-any-case"),
        pytest.param("lovelace", id="username"),
        pytest.param("LoveLace", id="username-any-case"),
    ],
)
async def test_logs_in_by_email_or_username_for_a_token_naming_the_user(folio: Folio, login: str):
    ada = await register(folio, "ada", username="lovelace")

    token = await folio.log_in(LogInCommand(login=login, password=PASSWORD))

    assert token.token_type == "bearer"
    assert token.expires_in == 30 * 60
    assert folio.tokens.read(token.token) == ada.id


@pytest.mark.parametrize(
    ("login", "password"),
    [
        pytest.param("ada@example.com", "wrong password", id="wrong-password"),
        pytest.param("ada@example.com", PASSWORD.upper(), id="password-is-case-sensitive"),
        pytest.param("nobody@example.com", PASSWORD, id="unknown-email"),
        pytest.param("nobody", PASSWORD, id="unknown-username"),
    ],
)
async def test_bad_credentials_are_all_the_same_error_after_the_same_work(
    folio: Folio, login: str, password: str
):
    await register(folio, "ada")
    before = folio.hasher.verifications

    with pytest.raises(InvalidCredentials):
        await folio.log_in(LogInCommand(login=login, password=password))

    assert folio.hasher.verifications == before + 1  # an unknown login is verified too


async def test_a_deactivated_user_cannot_log_in(folio: Folio):
    root = await register_admin(folio)
    ada = await register(folio, "ada")
    await folio.deactivate_user(root, ada.id)

    with pytest.raises(InvalidCredentials):
        await folio.log_in(LogInCommand(login="ada", password=PASSWORD))


async def test_an_outdated_hash_is_replaced_on_login(folio: Folio):
    ada = await register(folio, "ada")
    folio.hasher.current_version = 2
    later = folio.clock.advance()

    await folio.log_in(LogInCommand(login="ada", password=PASSWORD))

    stored = folio.store.users[ada.id]
    assert stored.password_hash == f"hashed:{PASSWORD}:v2"
    assert stored.updated_at == later


async def test_a_current_hash_is_left_alone(folio: Folio):
    ada = await register(folio, "ada")
    registered_at = folio.clock.now()
    folio.clock.advance()

    await folio.log_in(LogInCommand(login="ada", password=PASSWORD))

    assert folio.store.users[ada.id].updated_at == registered_at


async def test_a_failed_login_does_not_rehash(folio: Folio):
    ada = await register(folio, "ada")
    folio.hasher.current_version = 2

    with pytest.raises(InvalidCredentials):
        await folio.log_in(LogInCommand(login="ada", password="wrong password"))

    assert folio.store.users[ada.id].password_hash == f"hashed:{PASSWORD}:v1"


async def test_the_token_works_for_authentication(folio: Folio):
    ada = await register(folio, "ada")

    token = await folio.log_in(LogInCommand(login="ada", password=PASSWORD))

    assert await folio.authenticate(token.token) == Actor(ada.id, ada.role)
