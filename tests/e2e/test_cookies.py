"""The cookie transport for browsers: __Host- cookies, CSRF double submit bound to the session,
cross-site Origin refused; bearer requests need none of it."""

from collections.abc import AsyncIterator

import pytest
from fastapi import FastAPI
from httpx import AsyncClient, Response

from entrypoints.http.app import create_app
from tests.e2e.conftest import Account, make_container, serve
from tests.e2e.helpers import PASSWORD, assert_problem, user_body

ORIGIN = "https://test"


@pytest.fixture
async def browser(app: FastAPI) -> AsyncIterator[AsyncClient]:
    """A client on https://test with a cookie jar, as a browser on Folio's own origin."""
    async with serve(app) as plain:
        transport = plain._transport  # the lifespan-managed app
        async with AsyncClient(transport=transport, base_url=ORIGIN) as client:
            yield client


async def cookie_login(client: AsyncClient, account: Account, **headers: str) -> Response:
    return await client.post(
        "/token",
        data={"username": account.user["email"], "password": PASSWORD, "cookie": "true"},
        headers=headers,
    )


def set_cookies(response: Response) -> dict[str, str]:
    """Set-Cookie headers by cookie name, attributes included."""
    return {header.split("=", 1)[0]: header for header in response.headers.get_list("set-cookie")}


async def test_cookie_login_sets_host_cookies_and_answers_no_token(
    browser: AsyncClient, alice: Account
) -> None:
    response = await cookie_login(browser, alice)
    assert response.status_code == 200, response.text
    body = response.json()
    assert "access_token" not in body
    assert "refresh_token" not in body
    assert body["token_type"] == "cookie"
    cookies = set_cookies(response)
    assert set(cookies) == {"__Host-folio-access", "__Host-folio-refresh", "__Host-folio-csrf"}
    for name, header in cookies.items():
        attributes = header.lower()
        assert "; secure" in attributes
        assert "; path=/" in attributes
        assert "samesite=lax" in attributes
        assert "domain=" not in attributes
        assert ("; httponly" in attributes) is (name != "__Host-folio-csrf")
    assert browser.cookies["__Host-folio-csrf"] == body["csrf_token"]


async def test_a_safe_request_needs_only_the_cookie(browser: AsyncClient, alice: Account) -> None:
    await cookie_login(browser, alice)
    response = await browser.get("/me")
    assert (response.status_code, response.json()["id"]) == (200, alice.id)


async def test_an_unsafe_request_by_cookie_needs_the_csrf_token(
    browser: AsyncClient, alice: Account
) -> None:
    csrf = (await cookie_login(browser, alice)).json()["csrf_token"]
    body = {"name": "Alice Cookie"}

    missing = await browser.patch("/me", json=body)
    assert "X-CSRF-Token" in assert_problem(missing, 403)["detail"]
    wrong = await browser.patch("/me", json=body, headers={"X-CSRF-Token": csrf[:-2] + "xx"})
    assert_problem(wrong, 403)
    assert (await browser.get("/me")).json()["name"] == "Alice"

    response = await browser.patch("/me", json=body, headers={"X-CSRF-Token": csrf})
    assert (response.status_code, response.json()["name"]) == (200, "Alice Cookie")


async def test_a_csrf_token_of_another_session_is_refused(
    browser: AsyncClient, alice: Account
) -> None:
    other = (await cookie_login(browser, alice)).json()["csrf_token"]
    mine = (await cookie_login(browser, alice)).json()["csrf_token"]
    assert other != mine
    browser.cookies.set("__Host-folio-csrf", other, domain="test")
    response = await browser.patch("/me", json={"age": 30}, headers={"X-CSRF-Token": other})
    assert_problem(response, 403)


async def test_a_cross_site_origin_is_refused(browser: AsyncClient, alice: Account) -> None:
    csrf = (await cookie_login(browser, alice)).json()["csrf_token"]
    for headers in (
        {"Origin": "https://evil.example"},
        {"Origin": "http://test"},  # another scheme is another origin
        {"Sec-Fetch-Site": "cross-site"},
    ):
        response = await browser.patch(
            "/me", json={"age": 30}, headers={"X-CSRF-Token": csrf, **headers}
        )
        assert_problem(response, 403)
    same_site = {"X-CSRF-Token": csrf, "Origin": ORIGIN}
    assert (await browser.patch("/me", json={"age": 30}, headers=same_site)).status_code == 200


async def test_a_cross_site_cookie_login_is_refused(browser: AsyncClient, alice: Account) -> None:
    response = await cookie_login(browser, alice, Origin="https://evil.example")
    assert_problem(response, 403)
    assert not browser.cookies


async def test_bearer_requests_need_no_csrf_token(client: AsyncClient, alice: Account) -> None:
    response = await client.patch(
        "/me", json={"age": 31}, headers={**alice.headers, "Origin": "https://evil.example"}
    )
    assert response.status_code == 200


async def test_cookie_refresh_rotates_with_the_csrf_token_and_logout_clears(
    browser: AsyncClient, alice: Account
) -> None:
    first = await cookie_login(browser, alice)
    csrf = first.json()["csrf_token"]
    old_refresh = browser.cookies["__Host-folio-refresh"]

    assert_problem(await browser.post("/token/refresh"), 403)
    response = await browser.post("/token/refresh", headers={"X-CSRF-Token": csrf})
    assert response.status_code == 200, response.text
    assert response.json()["session_id"] == first.json()["session_id"]
    assert browser.cookies["__Host-folio-refresh"] != old_refresh
    assert (await browser.get("/me")).status_code == 200

    assert_problem(await browser.post("/logout"), 403)
    response = await browser.post("/logout", headers={"X-CSRF-Token": csrf})
    assert response.status_code == 204
    assert not browser.cookies
    assert_problem(await browser.get("/me"), 401)


async def test_plain_http_development_drops_secure_and_the_host_prefix() -> None:
    app = create_app(make_container(cookie_secure=False))
    async with serve(app) as client:
        body = user_body()
        assert (await client.post("/users", json=body)).status_code == 201
        data = {"username": body["email"], "password": PASSWORD, "cookie": "true"}
        response = await client.post("/token", data=data)
        assert response.status_code == 200, response.text
        assert (await client.get("/me")).status_code == 200  # over plain http
    cookies = set_cookies(response)
    assert set(cookies) == {"folio-access", "folio-refresh", "folio-csrf"}
    assert all("; secure" not in header.lower() for header in cookies.values())


async def test_idempotency_keys_of_cookie_sessions_belong_to_their_session(
    browser: AsyncClient, alice: Account, bob: Account
) -> None:
    """Two browsers behind one address, one key, one body: each gets its own post, never the
    other's stored answer (a cookie session's key is scoped by its session-bound CSRF token)."""
    body = {"title": "Same key, two people", "content": "Written twice, by two people."}
    authors = []
    for account in (alice, bob):
        browser.cookies.clear()
        csrf = (await cookie_login(browser, account)).json()["csrf_token"]
        headers = {"X-CSRF-Token": csrf, "Idempotency-Key": "shared-browser-key"}
        response = await browser.post("/posts", json=body, headers=headers)
        assert response.status_code == 201
        assert "idempotent-replayed" not in response.headers
        authors.append(response.json()["author_id"])
    assert authors == [alice.id, bob.id]
