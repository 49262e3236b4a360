"""The sessions flows under attack: one-time codes guessed per user meet the login limit, and
refresh-token reuse, log-outs, ended sessions and two-factor logins leave audit records."""

import logging
from datetime import timedelta
from typing import Any

import pytest

from application.errors import InvalidOneTimeCode, TooManyRequests
from application.sessions.complete_totp_login import CompleteTotpLoginCommand
from domain.ids import SessionId
from domain.roles import Actor
from domain.sessions.errors import RefreshTokenReused
from tests.unit.harness import Folio, log_in, register
from tests.unit.test_two_factor import challenge, code_at, turn_on

LIMIT = 10  # the harness's per-account rule: 10 failures per 15 minutes


def audits(caplog: pytest.LogCaptureFixture) -> list[tuple[Any, ...]]:
    return [
        (r.audit["action"], r.audit["outcome"], r.audit["user_id"])  # type: ignore[attr-defined]
        for r in caplog.records
        if r.name == "folio.audit"
    ]


@pytest.fixture(autouse=True)
def audit_records(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="folio.audit")


async def test_guessing_one_time_codes_meets_the_per_user_limit(
    folio: Folio, caplog: pytest.LogCaptureFixture
):
    ada = await register(folio, "ada")
    secret, _ = await turn_on(folio, ada)
    wrong = code_at(folio, secret, timedelta(minutes=10))
    for _ in range(LIMIT):
        with pytest.raises(InvalidOneTimeCode):
            await folio.complete_totp_login(CompleteTotpLoginCommand(await challenge(folio), wrong))

    right = code_at(folio, secret)
    with pytest.raises(TooManyRequests):  # even the right code: the guessing is over
        await folio.complete_totp_login(CompleteTotpLoginCommand(await challenge(folio), right))

    assert folio.store.sessions == {}
    records = audits(caplog)
    assert records.count(("login.totp", "failed", str(ada.id))) == LIMIT
    assert ("login.totp", "limited", str(ada.id)) in records


async def test_a_two_factor_login_is_audited(folio: Folio, caplog: pytest.LogCaptureFixture):
    ada = await register(folio, "ada")
    secret, _ = await turn_on(folio, ada)

    code = code_at(folio, secret)
    await folio.complete_totp_login(CompleteTotpLoginCommand(await challenge(folio), code))

    assert ("login", "challenge", str(ada.id)) in audits(caplog)
    assert ("login.totp", "ok", str(ada.id)) in audits(caplog)


async def test_refresh_token_reuse_is_audited(folio: Folio, caplog: pytest.LogCaptureFixture):
    await register(folio, "ada")
    pair = await log_in(folio)
    await folio.refresh_session(pair.refresh_token)

    with pytest.raises(RefreshTokenReused):
        await folio.refresh_session(pair.refresh_token)

    assert ("refresh", "reused", None) in audits(caplog)


async def test_log_outs_and_ended_sessions_are_audited(
    folio: Folio, caplog: pytest.LogCaptureFixture
):
    ada = await register(folio, "ada")
    first, second, third = [await log_in(folio) for _ in range(3)]
    await folio.log_out(Actor(ada.id, ada.role, session_id=first.session_id))
    await folio.end_session(ada, second.session_id)
    await folio.log_out_everywhere(Actor(ada.id, ada.role, session_id=third.session_id))

    records = audits(caplog)
    assert ("logout", "ok", str(ada.id)) in records
    assert ("session.end", "ok", str(ada.id)) in records
    assert ("logout.all", "ok", str(ada.id)) in records


async def test_ending_someone_elses_session_is_audited_as_not_found(
    folio: Folio, caplog: pytest.LogCaptureFixture
):
    await register(folio, "ada")
    bob = await register(folio, "bob")
    adas = await log_in(folio, "ada")

    with pytest.raises(Exception, match="session not found"):
        await folio.end_session(bob, SessionId(adas.session_id))

    assert ("session.end", "not-found", str(bob.id)) in audits(caplog)
