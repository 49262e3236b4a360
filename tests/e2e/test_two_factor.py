"""Two-factor login over HTTP: enrolment, login in two steps, replay, recovery codes."""

from datetime import UTC, datetime, timedelta
from typing import Any

import pyotp
from httpx import AsyncClient

from tests.e2e.conftest import Account
from tests.e2e.helpers import PASSWORD, assert_problem


def now_code(secret: str, later: timedelta = timedelta(0)) -> str:
    return pyotp.TOTP(secret).at(datetime.now(UTC) + later)


async def turn_on(client: AsyncClient, account: Account) -> tuple[str, list[str]]:
    response = await client.post("/me/totp", headers=account.headers)
    assert response.status_code == 201, response.text
    enrolment = response.json()
    assert enrolment["otpauth_uri"].startswith("otpauth://totp/Folio:")
    body = {"code": now_code(enrolment["secret"])}
    response = await client.post("/me/totp/confirm", json=body, headers=account.headers)
    assert response.status_code == 200, response.text
    return enrolment["secret"], response.json()["recovery_codes"]


async def first_step(client: AsyncClient, account: Account) -> dict[str, Any]:
    data = {"username": account.user["email"], "password": PASSWORD}
    response = await client.post("/token", data=data)
    assert response.status_code == 200, response.text
    return dict(response.json())


async def second_step(client: AsyncClient, challenge: str, code: str) -> Any:
    return await client.post("/token/totp", data={"challenge": challenge, "code": code})


async def test_enrol_then_log_in_in_two_steps(client: AsyncClient, alice: Account) -> None:
    secret, recovery = await turn_on(client, alice)
    assert len(recovery) == 10

    answer = await first_step(client, alice)
    assert "access_token" not in answer
    assert (answer["challenge_type"], answer["expires_in"]) == ("totp", 300)
    headers = {"Authorization": f"Bearer {answer['challenge']}"}
    assert_problem(await client.get("/me", headers=headers), 401)  # a challenge is no token

    wrong = await second_step(client, answer["challenge"], now_code(secret, timedelta(hours=1)))
    assert_problem(wrong, 401)
    # The confirming code was spent: wait for the next step's code (a 30-second window).
    code = now_code(secret, timedelta(seconds=30))
    response = await second_step(client, answer["challenge"], code)
    assert response.status_code == 200, response.text
    pair = response.json()
    me = await client.get("/me", headers={"Authorization": f"Bearer {pair['access_token']}"})
    assert me.status_code == 200
    sessions = (await client.get("/me/sessions", headers=alice.headers)).json()["items"]
    assert "password+totp" in {s["auth_method"] for s in sessions}

    replay = await second_step(client, (await first_step(client, alice))["challenge"], code)
    assert_problem(replay, 401)


async def test_recovery_codes_work_once_and_disable(client: AsyncClient, alice: Account) -> None:
    _, recovery = await turn_on(client, alice)

    challenge = (await first_step(client, alice))["challenge"]
    response = await second_step(client, challenge, recovery[0])
    assert response.status_code == 200, response.text
    challenge = (await first_step(client, alice))["challenge"]
    assert_problem(await second_step(client, challenge, recovery[0]), 401)

    wrong = await client.post("/me/totp/disable", json={"code": "nope"}, headers=alice.headers)
    assert_problem(wrong, 401)
    body = {"code": recovery[1]}
    response = await client.post("/me/totp/disable", json=body, headers=alice.headers)
    assert response.status_code == 204
    assert "access_token" in await first_step(client, alice)


async def test_enrolment_refusals(client: AsyncClient, alice: Account) -> None:
    nothing_pending = await client.post(
        "/me/totp/confirm", json={"code": "123456"}, headers=alice.headers
    )
    assert_problem(nothing_pending, 409)
    await turn_on(client, alice)
    assert_problem(await client.post("/me/totp", headers=alice.headers), 409)
    assert_problem(await client.post("/me/totp"), 401)
