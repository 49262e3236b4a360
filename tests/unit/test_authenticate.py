from datetime import timedelta
from uuid import UUID

import pytest

from adapters.security.jwt_tokens import JwtParameters, JwtTokenService
from application.errors import InvalidToken
from domain.ids import UserId
from domain.roles import Actor, Role
from tests.unit.harness import TOKEN_SECRET, Folio, register, register_admin


async def test_a_valid_token_gives_the_actor(folio: Folio):
    ada = await register(folio, "ada")
    token = folio.tokens.issue(ada.id).token

    assert await folio.authenticate(token) == Actor(ada.id, Role.USER)


async def test_the_role_comes_from_storage_not_from_the_token(folio: Folio):
    ada = await register(folio, "ada")
    token = folio.tokens.issue(ada.id).token
    folio.store.users[ada.id].role = Role.ADMIN  # promoted after the token was issued

    actor = await folio.authenticate(token)

    assert actor.role is Role.ADMIN


async def test_the_token_of_a_deactivated_user_is_refused(folio: Folio):
    root = await register_admin(folio)
    ada = await register(folio, "ada")
    token = folio.tokens.issue(ada.id).token
    await folio.deactivate_user(root, ada.id)

    with pytest.raises(InvalidToken):
        await folio.authenticate(token)


async def test_the_token_of_a_deleted_user_is_refused(folio: Folio):
    ada = await register(folio, "ada")
    token = folio.tokens.issue(ada.id).token
    del folio.store.users[ada.id]

    with pytest.raises(InvalidToken):
        await folio.authenticate(token)


async def test_a_token_naming_no_user_is_refused(folio: Folio):
    token = folio.tokens.issue(UserId(UUID(int=404))).token

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
    expired = JwtTokenService(JwtParameters(secret=TOKEN_SECRET, lifetime=timedelta(minutes=-1)))

    with pytest.raises(InvalidToken):
        await folio.authenticate(expired.issue(ada.id).token)
