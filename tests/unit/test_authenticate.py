from datetime import timedelta
from uuid import UUID

import pytest

from adapters.security.jwt_tokens import JwtParameters, JwtTokenService
from application.errors import InvalidToken
from domain.ids import SessionId, UserId
from domain.roles import Actor, Role
from tests.unit.harness import TOKEN_SECRET, Folio, log_in, register, register_admin


async def test_a_valid_token_gives_the_actor_and_its_session(folio: Folio):
    ada = await register(folio, "ada")
    pair = await log_in(folio, "ada")

    actor = await folio.authenticate(pair.access.token)

    assert actor == Actor(ada.id, Role.USER)
    assert actor.session_id == pair.session_id


async def test_the_role_comes_from_storage_not_from_the_token(folio: Folio):
    ada = await register(folio, "ada")
    token = (await log_in(folio, "ada")).access.token
    folio.store.users[ada.id].role = Role.ADMIN  # promoted after the token was issued

    actor = await folio.authenticate(token)

    assert actor.role is Role.ADMIN


async def test_the_token_of_a_deactivated_user_is_refused(folio: Folio):
    root = await register_admin(folio)
    ada = await register(folio, "ada")
    token = (await log_in(folio, "ada")).access.token
    await folio.deactivate_user(root, ada.id)

    with pytest.raises(InvalidToken):
        await folio.authenticate(token)


async def test_the_token_of_a_deleted_user_is_refused(folio: Folio):
    ada = await register(folio, "ada")
    token = (await log_in(folio, "ada")).access.token
    del folio.store.users[ada.id]

    with pytest.raises(InvalidToken):
        await folio.authenticate(token)


async def test_the_token_of_an_ended_session_is_refused(folio: Folio):
    await register(folio, "ada")
    pair = await log_in(folio, "ada")
    folio.store.sessions[pair.session_id].ended_at = folio.clock.now()

    with pytest.raises(InvalidToken):
        await folio.authenticate(pair.access.token)


async def test_the_token_of_an_expired_session_is_refused(folio: Folio):
    await register(folio, "ada")
    pair = await log_in(folio, "ada")
    folio.clock.advance(folio.lifetimes.refresh + timedelta(seconds=1))

    with pytest.raises(InvalidToken):
        await folio.authenticate(pair.access.token)


async def test_a_token_naming_another_users_session_is_refused(folio: Folio):
    await register(folio, "ada")
    bob = await register(folio, "bob")
    ada_session = (await log_in(folio, "ada")).session_id

    with pytest.raises(InvalidToken):
        await folio.authenticate(folio.tokens.issue(bob.id, ada_session).token)


async def test_a_token_naming_no_session_is_refused(folio: Folio):
    ada = await register(folio, "ada")
    token = folio.tokens.issue(ada.id, SessionId(UUID(int=404))).token

    with pytest.raises(InvalidToken):
        await folio.authenticate(token)


async def test_a_token_naming_no_user_is_refused(folio: Folio):
    await register(folio, "ada")
    session = (await log_in(folio, "ada")).session_id
    token = folio.tokens.issue(UserId(UUID(int=404)), session).token

    with pytest.raises(InvalidToken):
        await folio.authenticate(token)


@pytest.mark.parametrize(
    "token",
    [
        pytest.param("", id="empty"),
        pytest.param("garbage", id="garbage"),
        pytest.param("a.b.c", id="three-garbage-parts"),
    ],
)
async def test_garbage_is_refused(folio: Folio, token: str):
    with pytest.raises(InvalidToken):
        await folio.authenticate(token)


async def test_an_expired_token_is_refused(folio: Folio):
    ada = await register(folio, "ada")
    session = (await log_in(folio, "ada")).session_id
    expired = JwtTokenService(JwtParameters.hmac(TOKEN_SECRET, lifetime=timedelta(minutes=-1)))

    with pytest.raises(InvalidToken):
        await folio.authenticate(expired.issue(ada.id, session).token)
