"""Sessions over HTTP: refresh rotation and reuse, logout, logout-all, the session list."""

from typing import Any

from httpx import AsyncClient

from tests.e2e.conftest import Account
from tests.e2e.helpers import PASSWORD, Headers, assert_problem, log_in

FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"


async def login_pair(client: AsyncClient, account: Account, **headers: str) -> dict[str, Any]:
    response = await client.post(
        "/token",
        data={"username": account.user["email"], "password": PASSWORD},
        headers=headers,
    )
    assert response.status_code == 200, response.text
    return dict(response.json())


def auth(pair: dict[str, Any]) -> Headers:
    return {"Authorization": f"Bearer {pair['access_token']}"}


async def refresh(client: AsyncClient, token: str) -> Any:
    return await client.post("/token/refresh", json={"refresh_token": token})


async def test_refresh_rotates_and_an_old_refresh_token_ends_the_session(
    client: AsyncClient, alice: Account
) -> None:
    first = await login_pair(client, alice)
    response = await refresh(client, first["refresh_token"])
    assert response.status_code == 200, response.text
    second = response.json()
    assert second["session_id"] == first["session_id"]
    assert second["refresh_token"] != first["refresh_token"]
    assert (await client.get("/me", headers=auth(second))).status_code == 200

    reused = await refresh(client, first["refresh_token"])
    assert "already used" in assert_problem(reused, 401)["detail"]
    assert_problem(await refresh(client, second["refresh_token"]), 401)
    assert_problem(await client.get("/me", headers=auth(second)), 401)
    assert_problem(await client.get("/me", headers=auth(first)), 401)


async def test_refresh_refuses_garbage_and_a_missing_token(client: AsyncClient) -> None:
    assert_problem(await refresh(client, "not-a-refresh-token"), 401)
    assert_problem(await client.post("/token/refresh", json={}), 422)


async def test_an_access_token_is_not_a_refresh_token_nor_the_reverse(
    client: AsyncClient, alice: Account
) -> None:
    pair = await login_pair(client, alice)
    assert_problem(await refresh(client, pair["access_token"]), 401)
    headers = {"Authorization": f"Bearer {pair['refresh_token']}"}
    assert_problem(await client.get("/me", headers=headers), 401)


async def test_log_out_ends_this_session_at_once(client: AsyncClient, alice: Account) -> None:
    pair = await login_pair(client, alice)
    response = await client.post("/logout", headers=auth(pair))
    assert response.status_code == 204
    assert_problem(await client.get("/me", headers=auth(pair)), 401)
    assert_problem(await refresh(client, pair["refresh_token"]), 401)
    assert (await client.get("/me", headers=alice.headers)).status_code == 200


async def test_log_out_all_ends_every_session_of_the_user(
    client: AsyncClient, alice: Account, bob: Account
) -> None:
    pairs = [await login_pair(client, alice) for _ in range(2)]
    response = await client.post("/logout-all", headers=auth(pairs[0]))
    assert response.status_code == 204
    for headers in (auth(pairs[0]), auth(pairs[1]), alice.headers):
        assert_problem(await client.get("/me", headers=headers), 401)
    assert_problem(await refresh(client, pairs[1]["refresh_token"]), 401)
    assert (await client.get("/me", headers=bob.headers)).status_code == 200


async def test_logout_routes_need_a_token(client: AsyncClient) -> None:
    for path in ("/logout", "/logout-all"):
        assert_problem(await client.post(path), 401)
    assert_problem(await client.get("/me/sessions"), 401)


async def test_my_sessions_list_devices_and_the_current_one(
    client: AsyncClient, alice: Account, bob: Account
) -> None:
    firefox = await login_pair(client, alice, **{"User-Agent": FIREFOX})
    curl = await login_pair(client, alice, **{"User-Agent": "curl/8.5.0"})
    response = await client.get("/me/sessions", headers=auth(curl))
    assert response.status_code == 200, response.text
    page = response.json()
    assert page["total"] == 3  # the fixture's login too
    sessions = {s["id"]: s for s in page["items"]}
    assert sessions[curl["session_id"]]["device"] == "curl"
    assert sessions[curl["session_id"]]["current"] is True
    mine = sessions[firefox["session_id"]]
    assert (mine["device"], mine["current"], mine["auth_method"]) == (
        "Firefox on Linux",
        False,
        "password",
    )
    assert mine["client_address"] == "127.0.0.1"
    assert {"created_at", "last_used_at", "expires_at"} <= mine.keys()
    assert "refresh_hash" not in response.text
    assert firefox["refresh_token"] not in response.text
    bobs = (await client.get("/me/sessions", headers=bob.headers)).json()
    assert not set(sessions) & {s["id"] for s in bobs["items"]}


async def test_end_one_of_my_sessions(client: AsyncClient, alice: Account, bob: Account) -> None:
    lost = await login_pair(client, alice)
    path = f"/me/sessions/{lost['session_id']}"
    assert_problem(await client.delete(path, headers=bob.headers), 404)
    assert (await client.get("/me", headers=auth(lost))).status_code == 200

    response = await client.delete(path, headers=alice.headers)
    assert response.status_code == 204
    assert_problem(await client.get("/me", headers=auth(lost)), 401)
    assert_problem(await client.delete(path, headers=alice.headers), 404)
    assert (await client.get("/me", headers=alice.headers)).status_code == 200
    assert_problem(await client.delete("/me/sessions/not-a-uuid", headers=alice.headers), 422)


async def test_a_password_change_ends_other_sessions_on_the_next_request(
    client: AsyncClient, alice: Account
) -> None:
    elsewhere = await login_pair(client, alice)
    body = {"current_password": PASSWORD, "new_password": "a brand new secret"}
    assert (await client.post("/me/password", json=body, headers=alice.headers)).status_code == 204

    assert_problem(await client.get("/me", headers=auth(elsewhere)), 401)
    assert_problem(await refresh(client, elsewhere["refresh_token"]), 401)
    assert (await client.get("/me", headers=alice.headers)).status_code == 200
    assert (await log_in(client, alice.user["email"], "a brand new secret")).status_code == 200
