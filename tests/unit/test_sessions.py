from uuid import UUID

import pytest

from application.errors import InvalidToken, SessionNotFound, UserNotFound
from application.pagination import PageRequest
from application.sessions.tokens import ClientInfo
from application.users.change_password import ChangePasswordCommand
from domain.ids import SessionId, UserId
from domain.sessions.session import EndReason
from tests.unit.harness import PASSWORD, Folio, log_in, register, register_admin

FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"


async def test_log_out_ends_the_current_session_only(folio: Folio):
    await register(folio, "ada")
    laptop = await log_in(folio, "ada")
    phone = await log_in(folio, "ada")

    await folio.log_out(await folio.authenticate(laptop.access.token))

    assert folio.store.sessions[laptop.session_id].end_reason is EndReason.LOGOUT
    with pytest.raises(InvalidToken):
        await folio.authenticate(laptop.access.token)
    assert (await folio.authenticate(phone.access.token)).session_id == phone.session_id


async def test_log_out_everywhere_ends_every_session_of_the_user_only(folio: Folio):
    await register(folio, "ada")
    await register(folio, "bob")
    ada_sessions = [await log_in(folio, "ada") for _ in range(3)]
    bob = await log_in(folio, "bob")

    ended = await folio.log_out_everywhere(await folio.authenticate(ada_sessions[0].access.token))

    assert ended == 3
    for pair in ada_sessions:
        with pytest.raises(InvalidToken):
            await folio.authenticate(pair.access.token)
    assert await folio.authenticate(bob.access.token)


async def test_the_list_shows_live_sessions_newest_first_with_the_current_one(folio: Folio):
    ada = await register(folio, "ada")
    await register(folio, "bob")
    old = await log_in(folio, "ada", address="192.0.2.1", user_agent=FIREFOX)
    folio.clock.advance()
    new = await log_in(folio, "ada", user_agent="curl/8.5.0")
    ended = await log_in(folio, "ada")
    await folio.log_out(await folio.authenticate(ended.access.token))
    await log_in(folio, "bob")

    page = await folio.list_sessions(await folio.authenticate(old.access.token), PageRequest())

    assert page.total == 2
    assert [view.id for view in page.items] == [new.session_id, old.session_id]
    newest, oldest = page.items
    assert (newest.device, newest.current) == ("curl", False)
    assert (oldest.device, oldest.client_address, oldest.current) == (
        "Firefox on Linux",
        "192.0.2.1",
        True,
    )
    assert oldest.auth_method == "password"
    assert folio.store.sessions[oldest.id].user_id == ada.id


async def test_the_list_pages(folio: Folio):
    await register(folio, "ada")
    pairs = [await log_in(folio, "ada") for _ in range(3)]
    actor = await folio.authenticate(pairs[0].access.token)

    page = await folio.list_sessions(actor, PageRequest(skip=1, limit=1))

    assert (page.total, len(page.items)) == (3, 1)


async def test_ending_one_of_my_sessions(folio: Folio):
    await register(folio, "ada")
    here = await log_in(folio, "ada")
    lost_laptop = await log_in(folio, "ada")
    actor = await folio.authenticate(here.access.token)

    await folio.end_session(actor, lost_laptop.session_id)

    with pytest.raises(InvalidToken):
        await folio.authenticate(lost_laptop.access.token)
    assert await folio.authenticate(here.access.token) == actor


async def test_ending_someone_elses_unknown_or_ended_session_is_not_found(folio: Folio):
    await register(folio, "ada")
    await register(folio, "bob")
    ada = await log_in(folio, "ada")
    bob = await log_in(folio, "bob")
    ended = await log_in(folio, "ada")
    actor = await folio.authenticate(ada.access.token)
    await folio.end_session(actor, ended.session_id)

    for session_id in (bob.session_id, SessionId(UUID(int=7)), ended.session_id):
        with pytest.raises(SessionNotFound):
            await folio.end_session(actor, session_id)
    assert folio.store.sessions[bob.session_id].ended_at is None


async def test_a_password_change_ends_every_other_session(folio: Folio):
    await register(folio, "ada")
    await register(folio, "bob")
    here = await log_in(folio, "ada")
    elsewhere = await log_in(folio, "ada")
    bob = await log_in(folio, "bob")
    actor = await folio.authenticate(here.access.token)

    await folio.change_password(actor, ChangePasswordCommand(PASSWORD, "a brand new secret"))

    assert folio.store.sessions[elsewhere.session_id].end_reason is EndReason.CREDENTIALS_CHANGED
    with pytest.raises(InvalidToken):
        await folio.authenticate(elsewhere.access.token)
    assert await folio.authenticate(here.access.token) == actor
    assert await folio.authenticate(bob.access.token)


async def test_a_deactivation_ends_every_session(folio: Folio):
    root = await register_admin(folio)
    ada = await register(folio, "ada")
    pairs = [await log_in(folio, "ada") for _ in range(2)]

    await folio.deactivate_user(root, ada.id)

    assert all(folio.store.sessions[p.session_id].ended_at is not None for p in pairs)


async def test_a_rehash_on_login_ends_no_session(folio: Folio):
    await register(folio, "ada")
    first = await log_in(folio, "ada")
    folio.hasher.current_version = 2

    await log_in(folio, "ada")

    assert await folio.authenticate(first.access.token)


async def test_begin_session_gives_a_new_user_a_session_of_their_own(folio: Folio):
    ada = await register(folio, "ada")

    pair = await folio.begin_session(ada.id, ClientInfo(address="192.0.2.9"))

    assert (await folio.authenticate(pair.access.token)).session_id == pair.session_id
    assert folio.store.sessions[pair.session_id].client_address == "192.0.2.9"


async def test_begin_session_refuses_a_deactivated_or_unknown_user(folio: Folio):
    root = await register_admin(folio)
    ada = await register(folio, "ada")
    await folio.deactivate_user(root, ada.id)

    for user_id in (ada.id, UserId(UUID(int=9))):
        with pytest.raises(UserNotFound):
            await folio.begin_session(user_id, ClientInfo())
