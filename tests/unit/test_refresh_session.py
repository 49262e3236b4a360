from datetime import timedelta

import pytest

from application.errors import InvalidRefreshToken, InvalidToken
from domain.sessions.errors import RefreshTokenReused
from domain.sessions.session import EndReason
from tests.unit.harness import Folio, log_in, register, register_admin


async def test_a_refresh_rotates_the_refresh_token_and_keeps_the_session(folio: Folio):
    await register(folio, "ada")
    first = await log_in(folio, "ada")
    later = folio.clock.advance(timedelta(hours=1))

    second = await folio.refresh_session(first.refresh_token)

    assert second.session_id == first.session_id
    assert second.refresh_token != first.refresh_token
    session = folio.store.sessions[first.session_id]
    assert session.last_used_at == later
    assert session.refresh_expires_at == later + folio.lifetimes.refresh
    assert (await folio.authenticate(second.access.token)).session_id == first.session_id


async def test_the_refresh_window_slides_but_never_past_the_absolute_expiry(folio: Folio):
    await register(folio, "ada")
    pair = await log_in(folio, "ada")
    began = folio.clock.now()
    for _ in range(2):  # on day 26, 14 more days would pass the 30 days maximum
        folio.clock.advance(timedelta(days=13))
        pair = await folio.refresh_session(pair.refresh_token)

    session = folio.store.sessions[pair.session_id]
    assert session.refresh_expires_at == began + folio.lifetimes.absolute
    folio.clock.set(began + folio.lifetimes.absolute)
    with pytest.raises(InvalidRefreshToken):
        await folio.refresh_session(pair.refresh_token)


async def test_a_refresh_token_unused_for_the_whole_window_has_expired(folio: Folio):
    await register(folio, "ada")
    pair = await log_in(folio, "ada")
    folio.clock.advance(folio.lifetimes.refresh)

    with pytest.raises(InvalidRefreshToken):
        await folio.refresh_session(pair.refresh_token)


async def test_reusing_an_exchanged_refresh_token_ends_the_whole_session(folio: Folio):
    await register(folio, "ada")
    stolen = await log_in(folio, "ada")
    legitimate = await folio.refresh_session(stolen.refresh_token)

    with pytest.raises(RefreshTokenReused):
        await folio.refresh_session(stolen.refresh_token)

    session = folio.store.sessions[stolen.session_id]
    assert session.end_reason is EndReason.REFRESH_TOKEN_REUSED
    with pytest.raises(InvalidRefreshToken):
        await folio.refresh_session(legitimate.refresh_token)
    with pytest.raises(InvalidToken):
        await folio.authenticate(legitimate.access.token)


async def test_reuse_ends_only_that_session(folio: Folio):
    await register(folio, "ada")
    stolen = await log_in(folio, "ada")
    other = await log_in(folio, "ada")
    await folio.refresh_session(stolen.refresh_token)

    with pytest.raises(RefreshTokenReused):
        await folio.refresh_session(stolen.refresh_token)

    assert (await folio.authenticate(other.access.token)).session_id == other.session_id


@pytest.mark.parametrize("token", ["", "garbage", "x" * 43])
async def test_an_unknown_refresh_token_is_refused_and_changes_nothing(folio: Folio, token: str):
    await register(folio, "ada")
    pair = await log_in(folio, "ada")

    with pytest.raises(InvalidRefreshToken):
        await folio.refresh_session(token)

    assert folio.store.sessions[pair.session_id].ended_at is None


async def test_the_refresh_token_of_an_ended_session_is_refused(folio: Folio):
    ada = await register(folio, "ada")
    pair = await log_in(folio, "ada")
    await folio.log_out(await folio.authenticate(pair.access.token))

    with pytest.raises(InvalidRefreshToken):
        await folio.refresh_session(pair.refresh_token)
    assert folio.store.sessions[pair.session_id].user_id == ada.id


async def test_a_deactivated_user_cannot_refresh(folio: Folio):
    root = await register_admin(folio)
    ada = await register(folio, "ada")
    pair = await log_in(folio, "ada")
    await folio.deactivate_user(root, ada.id)

    with pytest.raises(InvalidRefreshToken):
        await folio.refresh_session(pair.refresh_token)
