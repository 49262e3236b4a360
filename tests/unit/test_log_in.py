import pytest

from application.auth.log_in import LogInCommand
from application.errors import InvalidCredentials
from application.ports.security import AccessClaims
from application.sessions.tokens import ClientInfo
from domain.roles import Actor
from domain.sessions.session import AuthMethod
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

    pair = await folio.log_in(LogInCommand(login=login, password=PASSWORD))

    assert pair.access.token_type == "bearer"
    assert pair.access.expires_in == 15 * 60
    assert folio.tokens.read(pair.access.token) == AccessClaims(ada.id, pair.session_id)


async def test_a_login_begins_a_session_that_remembers_the_client(folio: Folio):
    ada = await register(folio, "ada")
    client = ClientInfo(address="192.0.2.7", user_agent="Mozilla/5.0 (X11; Linux) Firefox/128.0")

    pair = await folio.log_in(LogInCommand("ada", PASSWORD, client))

    session = folio.store.sessions[pair.session_id]
    now = folio.clock.now()
    assert (session.user_id, session.auth_method) == (ada.id, AuthMethod.PASSWORD)
    assert (session.client_address, session.user_agent) == (client.address, client.user_agent)
    assert session.created_at == session.last_used_at == now
    assert session.refresh_expires_at == now + folio.lifetimes.refresh
    assert session.expires_at == now + folio.lifetimes.absolute
    assert pair.refresh_expires_in == folio.lifetimes.refresh.total_seconds()
    assert pair.refresh_token not in session.refresh_hash  # only a digest is kept
    assert session.refresh_hash == folio.issuer.digest(pair.refresh_token)


async def test_each_login_is_its_own_session(folio: Folio):
    await register(folio, "ada")

    first = await folio.log_in(LogInCommand("ada", PASSWORD))
    second = await folio.log_in(LogInCommand("ada", PASSWORD))

    assert first.session_id != second.session_id
    assert first.refresh_token != second.refresh_token
    assert len(folio.store.sessions) == 2


async def test_a_failed_login_begins_no_session(folio: Folio):
    await register(folio, "ada")

    with pytest.raises(InvalidCredentials):
        await folio.log_in(LogInCommand("ada", "wrong password"))

    assert folio.store.sessions == {}


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

    pair = await folio.log_in(LogInCommand(login="ada", password=PASSWORD))

    assert await folio.authenticate(pair.access.token) == Actor(ada.id, ada.role)
