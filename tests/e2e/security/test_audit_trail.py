"""Security events leave structured audit records with the request id, the user id and the
client address (and, like every log line here, no secret)."""

from typing import Any

import pytest
from httpx import AsyncClient

from entrypoints.http.app import create_app
from tests.e2e.conftest import Account, make_container, serve
from tests.e2e.helpers import PASSWORD, log_in, register
from tests.settings import GENEROUS_LIMITS


def audits(caplog: pytest.LogCaptureFixture) -> list[dict[str, Any]]:
    return [r.audit for r in caplog.records if r.name == "folio.audit"]  # type: ignore[attr-defined]


async def test_logins_password_changes_and_deactivations_are_audited(
    client: AsyncClient, alice: Account, admin: Account, caplog: pytest.LogCaptureFixture
):
    caplog.clear()
    failed = await log_in(client, alice.user["email"], "not the password")
    body = {"current_password": PASSWORD, "new_password": "a brand new secret"}
    changed = await client.post("/me/password", json=body, headers=alice.headers)
    deactivated = await client.post(f"/users/{alice.id}/deactivate", headers=admin.headers)

    records = audits(caplog)
    by_action = {(r["action"], r["outcome"]): r for r in records}
    assert by_action[("login", "failed")]["user_id"] == alice.id
    assert by_action[("login", "failed")]["request_id"] == failed.headers["x-request-id"]
    assert by_action[("password.change", "ok")]["request_id"] == changed.headers["x-request-id"]
    assert by_action[("user.deactivate", "ok")]["user_id"] == alice.id
    assert by_action[("user.deactivate", "ok")]["request_id"] == deactivated.headers["x-request-id"]
    assert all(r["client_address"] == "127.0.0.1" for r in records)


async def test_a_successful_login_and_a_limit_met_are_audited(caplog: pytest.LogCaptureFixture):
    app = create_app(make_container(**{**GENEROUS_LIMITS, "rate_limit_login_account": "1/hour"}))
    async with serve(app) as client:
        user = await register(client)
        assert (await log_in(client, user["email"])).status_code == 200
        await log_in(client, user["email"], "wrong password")
        limited = await log_in(client, user["email"])
    outcomes = [(r["action"], r["outcome"], r["user_id"]) for r in audits(caplog)]
    assert ("login", "ok", user["id"]) in outcomes
    assert ("login", "failed", user["id"]) in outcomes
    assert ("login", "limited", None) in outcomes
    assert limited.status_code == 429
