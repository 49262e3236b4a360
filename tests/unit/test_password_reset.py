"""Password reset: the request costs the same whoever asks, the token works once, for 30
minutes, for the address it was sent to, and ends every session."""

from datetime import timedelta

import pytest

from application.auth.log_in import LogInCommand
from application.errors import InvalidCredentials
from domain.errors import InvalidValue
from domain.users.account_token import (
    AccountToken,
    AccountTokenExpired,
    AccountTokenStale,
    AccountTokenUsed,
    TokenPurpose,
    UnknownAccountToken,
)
from domain.users.values import Email
from tests.unit.accounts import Accounts
from tests.unit.harness import PASSWORD, Folio, register

NEW_PASSWORD = "a brand new passphrase"


@pytest.fixture
def accounts(folio: Folio) -> Accounts:
    return Accounts(folio)


async def _reset_token(accounts: Accounts, email: str = "ada@example.com") -> str:
    await accounts.request_reset(email)
    await accounts.deliver()
    return accounts.tokens_to(email, "reset")[-1]


async def test_a_request_writes_the_same_single_event_whether_or_not_the_account_exists(
    accounts: Accounts, folio: Folio
):
    await register(folio, "ada")
    before = len(folio.store.outbox)

    await accounts.request_reset("ada@example.com")
    await accounts.request_reset("nobody@example.com")

    written = list(folio.store.outbox.values())[before:]
    assert [entry.event_name for entry in written] == ["password_reset_requested"] * 2
    assert folio.store.account_tokens == {}  # nothing is decided before delivery


async def test_only_an_existing_active_account_gets_a_token(accounts: Accounts, folio: Folio):
    await register(folio, "ada")
    await accounts.request_reset("ADA@example.com")
    await accounts.request_reset("nobody@example.com")

    await accounts.deliver()

    assert len(accounts.tokens_to("ada@example.com", "reset")) == 1
    assert accounts.mail.to("nobody@example.com") == []
    (token,) = _reset_tokens(folio)
    assert token.expires_at - token.created_at == timedelta(minutes=30)


async def test_the_token_is_stored_only_as_a_digest(accounts: Accounts, folio: Folio):
    await register(folio, "ada")
    secret = await _reset_token(accounts)

    (token,) = _reset_tokens(folio)
    assert token.digest == accounts.links.digest(secret) != secret
    assert all(secret not in repr(entry) for entry in folio.store.outbox.values())


async def test_the_token_sets_the_password_and_ends_every_session(accounts: Accounts, folio: Folio):
    ada = await register(folio, "ada")
    await folio.log_in(LogInCommand("ada@example.com", PASSWORD))
    secret = await _reset_token(accounts)

    await accounts.reset(secret, NEW_PASSWORD)

    assert folio.store.users[ada.id].password_hash == await folio.hasher.hash(NEW_PASSWORD)
    assert all(s.ended_at is not None for s in folio.store.sessions.values())
    with pytest.raises(InvalidCredentials):
        await folio.log_in(LogInCommand("ada@example.com", PASSWORD))
    await folio.log_in(LogInCommand("ada@example.com", NEW_PASSWORD))
    assert folio.store.users[ada.id].email_verified  # the link proved the address


async def test_the_token_works_once(accounts: Accounts, folio: Folio):
    await register(folio, "ada")
    secret = await _reset_token(accounts)
    await accounts.reset(secret, NEW_PASSWORD)

    with pytest.raises(AccountTokenUsed):
        await accounts.reset(secret, "yet another passphrase")


async def test_using_one_token_voids_the_others(accounts: Accounts, folio: Folio):
    await register(folio, "ada")
    first = await _reset_token(accounts)
    second = await _reset_token(accounts)
    assert first != second

    await accounts.reset(second, NEW_PASSWORD)

    with pytest.raises(AccountTokenUsed):
        await accounts.reset(first, "yet another passphrase")


async def test_the_token_expires_after_30_minutes(accounts: Accounts, folio: Folio):
    await register(folio, "ada")
    secret = await _reset_token(accounts)
    folio.clock.advance(timedelta(minutes=30))

    with pytest.raises(AccountTokenExpired):
        await accounts.reset(secret, NEW_PASSWORD)


async def test_a_token_sent_to_an_old_address_is_stale(accounts: Accounts, folio: Folio):
    ada = await register(folio, "ada")
    secret = await _reset_token(accounts)
    async with folio.uow() as uow:
        user = await uow.users.get(ada.id)
        assert user is not None
        user.change_email(Email("countess@example.com"), now=folio.clock.now())
        await uow.commit()

    with pytest.raises(AccountTokenStale):
        await accounts.reset(secret, NEW_PASSWORD)


@pytest.mark.parametrize("token", ["", "not-a-token", "x" * 43])
async def test_an_unknown_token_is_refused(accounts: Accounts, folio: Folio, token: str):
    await register(folio, "ada")
    with pytest.raises(UnknownAccountToken):
        await accounts.reset(token, NEW_PASSWORD)


async def test_the_new_password_follows_the_policy(accounts: Accounts, folio: Folio):
    await register(folio, "ada")
    secret = await _reset_token(accounts)

    with pytest.raises(InvalidValue):
        await accounts.reset(secret, "short")
    await accounts.reset(secret, NEW_PASSWORD)  # the refused attempt did not spend it


async def test_a_redelivery_sends_the_same_token_and_makes_no_second(
    accounts: Accounts, folio: Folio
):
    await register(folio, "ada")
    secret = await _reset_token(accounts)
    folio.store.processed.clear()
    for entry in folio.store.outbox.values():
        await accounts.handlers[0].handle(_delivery(entry))

    assert set(accounts.tokens_to("ada@example.com", "reset")) == {secret}
    assert len(_reset_tokens(folio)) == 1


def _delivery(entry):  # type: ignore[no-untyped-def]
    from application.ports.event_handlers import Delivery

    return Delivery(entry.event_id, entry.event)


def _reset_tokens(folio: Folio) -> list[AccountToken]:
    tokens = folio.store.account_tokens.values()
    return [t for t in tokens if t.purpose == TokenPurpose.PASSWORD_RESET]


@pytest.mark.parametrize(
    ("password", "reason"),
    [
        pytest.param("password123", "common", id="common"),
        pytest.param("my name is ada, hello", "e-mail", id="personal"),
    ],
)
async def test_a_new_password_meets_the_password_rules(
    accounts: Accounts, folio: Folio, password: str, reason: str
):
    await register(folio, "ada")
    secret = await _reset_token(accounts)

    with pytest.raises(InvalidValue, match=reason):
        await accounts.reset(secret, password)
    await accounts.reset(secret, NEW_PASSWORD)  # the refused attempt did not spend it
