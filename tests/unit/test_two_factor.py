from datetime import timedelta

import pyotp
import pytest

from application.auth.log_in import LogInCommand
from application.errors import InvalidCredentials, InvalidOneTimeCode, InvalidToken
from application.sessions.complete_totp_login import CompleteTotpLoginCommand
from application.sessions.tokens import TokenPair, TotpChallenge
from domain.roles import Actor
from domain.sessions.session import AuthMethod
from domain.sessions.two_factor import TwoFactorAlreadyOn
from tests.unit.harness import PASSWORD, Folio, log_in, register


def code_at(folio: Folio, secret: str, later: timedelta = timedelta(0)) -> str:
    return pyotp.TOTP(secret).at(folio.clock.now() + later)


async def turn_on(folio: Folio, actor: Actor) -> tuple[str, list[str]]:
    enrolment = await folio.enrol_totp(actor)
    recovery = await folio.confirm_totp(actor, code_at(folio, enrolment.secret))
    folio.clock.advance(timedelta(seconds=30))  # the confirming code is spent
    return enrolment.secret, recovery


async def challenge(folio: Folio) -> str:
    answer = await folio.log_in(LogInCommand("ada", PASSWORD))
    assert isinstance(answer, TotpChallenge)
    return answer.challenge


async def complete(folio: Folio, the_challenge: str, code: str) -> TokenPair:
    return await folio.complete_totp_login(CompleteTotpLoginCommand(the_challenge, code))


async def test_enrolment_gives_a_secret_and_an_otpauth_uri(folio: Folio):
    ada = await register(folio, "ada")

    enrolment = await folio.enrol_totp(ada)

    assert enrolment.otpauth_uri.startswith("otpauth://totp/Folio:ada%40example.com?")
    assert f"secret={enrolment.secret}" in enrolment.otpauth_uri
    assert "issuer=Folio" in enrolment.otpauth_uri
    assert isinstance(await folio.log_in(LogInCommand("ada", PASSWORD)), TokenPair)  # pending


async def test_a_wrong_first_code_leaves_two_factor_off(folio: Folio):
    ada = await register(folio, "ada")
    enrolment = await folio.enrol_totp(ada)

    with pytest.raises(InvalidOneTimeCode):
        await folio.confirm_totp(ada, code_at(folio, enrolment.secret, timedelta(minutes=5)))

    assert isinstance(await folio.log_in(LogInCommand("ada", PASSWORD)), TokenPair)


async def test_confirmation_answers_ten_distinct_recovery_codes_kept_as_digests(folio: Folio):
    ada = await register(folio, "ada")

    _, recovery = await turn_on(folio, ada)

    assert len(set(recovery)) == 10
    stored = folio.store.two_factor[ada.id]
    assert all(code not in str(stored.recovery_codes) for code in recovery)


async def test_with_two_factor_on_a_password_alone_begins_no_session(folio: Folio):
    ada = await register(folio, "ada")
    await turn_on(folio, ada)

    answer = await folio.log_in(LogInCommand("ada", PASSWORD))

    assert isinstance(answer, TotpChallenge)
    assert folio.store.sessions == {}
    with pytest.raises(InvalidToken):
        await folio.authenticate(answer.challenge)  # a challenge is no access token


async def test_a_current_code_completes_the_login_once(folio: Folio):
    ada = await register(folio, "ada")
    secret, _ = await turn_on(folio, ada)
    code = code_at(folio, secret)

    pair = await complete(folio, await challenge(folio), code)

    assert folio.store.sessions[pair.session_id].auth_method is AuthMethod.PASSWORD_TOTP
    assert (await folio.authenticate(pair.access.token)).id == ada.id
    before = folio.attempts.failures
    with pytest.raises(InvalidOneTimeCode):  # replayed within its window
        await complete(folio, await challenge(folio), code)
    assert folio.attempts.failures == before + 1


async def test_a_wrong_code_counts_as_a_failed_login(folio: Folio):
    ada = await register(folio, "ada")
    secret, _ = await turn_on(folio, ada)
    wrong = code_at(folio, secret, timedelta(minutes=10))

    with pytest.raises(InvalidOneTimeCode):
        await complete(folio, await challenge(folio), wrong)

    assert folio.attempts.failures == 1
    assert folio.store.sessions == {}


async def test_a_wrong_password_counts_as_a_failed_login(folio: Folio):
    await register(folio, "ada")

    with pytest.raises(InvalidCredentials):
        await folio.log_in(LogInCommand("ada", "not the password"))

    assert folio.attempts.failures == 1


async def test_a_recovery_code_works_once(folio: Folio):
    ada = await register(folio, "ada")
    _, recovery = await turn_on(folio, ada)

    pair = await complete(folio, await challenge(folio), recovery[0].upper())

    assert folio.store.sessions[pair.session_id].auth_method is AuthMethod.PASSWORD_RECOVERY_CODE
    with pytest.raises(InvalidOneTimeCode):
        await complete(folio, await challenge(folio), recovery[0])
    assert await complete(folio, await challenge(folio), recovery[1])


async def test_an_access_token_or_garbage_is_no_challenge(folio: Folio):
    ada = await register(folio, "ada")
    secret, _ = await turn_on(folio, ada)
    folio.store.two_factor.clear()
    access = (await log_in(folio, "ada")).access.token

    for bad in (access, "garbage"):
        with pytest.raises(InvalidToken):
            await complete(folio, bad, code_at(folio, secret))


async def test_disable_needs_a_current_code_or_a_recovery_code(folio: Folio):
    ada = await register(folio, "ada")
    secret, recovery = await turn_on(folio, ada)

    with pytest.raises(InvalidOneTimeCode):
        await folio.disable_totp(ada, "000000" if code_at(folio, secret) != "000000" else "111111")
    await folio.disable_totp(ada, recovery[3])

    assert isinstance(await folio.log_in(LogInCommand("ada", PASSWORD)), TokenPair)


async def test_enrolling_again_while_on_is_refused(folio: Folio):
    ada = await register(folio, "ada")
    await turn_on(folio, ada)

    with pytest.raises(TwoFactorAlreadyOn):
        await folio.enrol_totp(ada)
