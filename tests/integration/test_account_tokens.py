"""The account-token repository's contract, on every backend: a token round-trips, is found
by its digest, and is spent once even when two transactions race to spend it."""

from datetime import timedelta
from uuid import uuid4

import pytest

from domain.ids import AccountTokenId
from domain.users.account_token import AccountToken, AccountTokenUsed, TokenPurpose
from domain.users.user import User
from tests.builders import NOW, make_user
from tests.integration.backends import UowFactory
from tests.integration.helpers import assert_utc, state_of, store


def make_token(user: User, purpose: TokenPurpose = TokenPurpose.PASSWORD_RESET) -> AccountToken:
    return AccountToken.issue(
        id=AccountTokenId(uuid4()),
        user_id=user.id,
        purpose=purpose,
        digest=uuid4().hex * 2,
        email=user.email.value,
        now=NOW,
    )


async def add(new_uow: UowFactory, *tokens: AccountToken) -> None:
    async with new_uow() as uow:
        for token in tokens:
            uow.account_tokens.add(token)
        await uow.commit()


@pytest.fixture
async def ada(new_uow: UowFactory) -> User:
    user = make_user()
    await store(new_uow, user)
    return user


async def test_a_token_round_trips_by_id_and_by_digest(new_uow: UowFactory, ada: User):
    token = make_token(ada)
    await add(new_uow, token)

    async with new_uow() as uow:
        by_id = await uow.account_tokens.get(token.id)
        by_digest = await uow.account_tokens.get_by_digest(token.digest)
        missing = await uow.account_tokens.get_by_digest("0" * 64)

    assert by_id is not None
    assert by_digest is not None
    assert state_of(by_id) == state_of(by_digest) == state_of(token)
    assert_utc(by_id.created_at, by_id.expires_at)
    assert missing is None


async def test_spending_is_saved(new_uow: UowFactory, ada: User):
    token = make_token(ada)
    await add(new_uow, token)
    later = NOW + timedelta(minutes=1)

    async with new_uow() as uow:
        found = await uow.account_tokens.get_by_digest(token.digest)
        assert found is not None
        found.spend(TokenPurpose.PASSWORD_RESET, now=later)
        await uow.commit()
    async with new_uow() as uow:
        spent = await uow.account_tokens.get(token.id)

    assert spent is not None
    assert spent.used_at == later


async def test_a_token_spent_by_a_concurrent_transaction_fails_the_second(
    new_uow: UowFactory, ada: User
):
    token = make_token(ada)
    await add(new_uow, token)
    later = NOW + timedelta(minutes=1)

    async with new_uow() as first:
        mine = await first.account_tokens.get(token.id)
        assert mine is not None
        async with new_uow() as second:
            theirs = await second.account_tokens.get(token.id)
            assert theirs is not None
            theirs.spend(TokenPurpose.PASSWORD_RESET, now=later)
            await second.commit()
        mine.spend(TokenPurpose.PASSWORD_RESET, now=later)
        with pytest.raises(AccountTokenUsed):
            await first.commit()


async def test_a_reader_does_not_undo_a_concurrent_spend(new_uow: UowFactory, ada: User):
    token = make_token(ada)
    await add(new_uow, token)

    async with new_uow() as reader:
        await reader.account_tokens.get(token.id)
        async with new_uow() as spender:
            found = await spender.account_tokens.get(token.id)
            assert found is not None
            found.spend(TokenPurpose.PASSWORD_RESET, now=NOW)
            await spender.commit()
        await reader.commit()
    async with new_uow() as uow:
        stored = await uow.account_tokens.get(token.id)

    assert stored is not None
    assert stored.used_at == NOW


async def test_unused_of_lists_a_users_unspent_tokens_of_one_purpose(
    new_uow: UowFactory, ada: User
):
    spent, unused = make_token(ada), make_token(ada)
    verification = make_token(ada, TokenPurpose.VERIFY_EMAIL)
    spent.spend(TokenPurpose.PASSWORD_RESET, now=NOW)
    await add(new_uow, spent, unused, verification)

    async with new_uow() as uow:
        found = await uow.account_tokens.unused_of(ada.id, TokenPurpose.PASSWORD_RESET)

    assert [t.id for t in found] == [unused.id]
