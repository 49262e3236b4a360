"""Social login end to end: Folio in-process, a real OpenID Connect provider (oidc-provider
under Node.js) on loopback, and one HTTP client playing the browser between them."""

from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from asgi_lifespan import LifespanManager

from entrypoints.container import Container
from entrypoints.http.app import create_app
from tests.e2e.conftest import BACKENDS, make_container, storage_settings
from tests.e2e.helpers import PASSWORD, assert_problem, register
from tests.oidc_provider import Provider, running_provider, sign_in_and_consent

FOLIO = "http://folio.test"
ACCOUNTS = {
    "ada": {"email": "ada@example.com", "email_verified": True, "name": "Ada Lovelace"},
    "bob": {"email": "bob@example.com", "email_verified": True, "name": "Bob"},
    # Claims an address it has not verified: that of someone registered at Folio.
    "mallory": {"email": "victim@example.com", "email_verified": False, "name": "Mallory"},
}


@pytest.fixture(scope="module")
def provider() -> Iterator[Provider]:
    with running_provider(f"{FOLIO}/auth/oidc/callback", ACCOUNTS) as running:
        yield running


@pytest.fixture(params=BACKENDS)
def container(request: pytest.FixtureRequest, tmp_path: Path, provider: Provider) -> Container:
    return make_container(
        **storage_settings(request.param, tmp_path),
        base_url=FOLIO,
        cookie_secure=False,
        oidc_issuer=provider.issuer,
        oidc_client_id=provider.client_id,
        oidc_client_secret=provider.client_secret,
    )


@pytest.fixture
async def browser(container: Container) -> AsyncIterator[httpx.AsyncClient]:
    """A client that reaches Folio in-process and the provider over loopback, following
    redirects and keeping cookies as a browser does."""
    app = create_app(container)
    async with LifespanManager(app) as manager:
        mounts = {FOLIO: httpx.ASGITransport(manager.app)}
        async with httpx.AsyncClient(
            mounts=mounts, base_url=FOLIO, follow_redirects=True, timeout=30
        ) as client:
            yield client


async def social_login(browser: httpx.AsyncClient, login: str, **params: Any) -> httpx.Response:
    page = await browser.get(f"{FOLIO}/auth/oidc/login", params=params)
    return await sign_in_and_consent(browser, page, login)


async def me(browser: httpx.AsyncClient, tokens: dict[str, Any]) -> dict[str, Any]:
    headers = {"Authorization": f"Bearer {tokens['access_token']}"}
    response = await browser.get(f"{FOLIO}/me", headers=headers)
    assert response.status_code == 200, response.text
    return dict(response.json())


async def test_a_new_identity_gets_an_account_and_a_session(browser: httpx.AsyncClient):
    first = await social_login(browser, "ada", cookie="false")

    assert first.status_code == 200, first.text
    assert str(first.url).startswith(f"{FOLIO}/auth/oidc/callback?code=")
    user = await me(browser, first.json())
    assert (user["email"], user["name"], user["email_verified"]) == (
        "ada@example.com", "Ada Lovelace", True,
    )  # fmt: skip

    again = await social_login(browser, "ada", cookie="false")
    assert (await me(browser, again.json()))["id"] == user["id"]
    refreshed = await browser.post(
        f"{FOLIO}/token/refresh", json={"refresh_token": again.json()["refresh_token"]}
    )
    assert refreshed.status_code == 200, refreshed.text


async def test_linking_refuses_an_email_the_provider_did_not_verify(browser: httpx.AsyncClient):
    victim = await register(browser, email="victim@example.com", name="Victim")

    response = await social_login(browser, "mallory", cookie="false")

    problem = assert_problem(response, 409)
    assert problem["type"].endswith("account-link-refused")
    assert "does not say that the address is verified" in problem["detail"]
    login = await browser.post(
        f"{FOLIO}/token", data={"username": "victim@example.com", "password": PASSWORD}
    )
    assert (await me(browser, login.json()))["id"] == victim["id"]


async def test_an_account_whose_email_both_sides_verified_is_linked(
    browser: httpx.AsyncClient, container: Container
):
    bob = await register(browser, email="bob@example.com", name="Bob")
    async with container.unit_of_work() as uow:
        user = await uow.users.get_by_login("bob@example.com")
        assert user is not None
        user.verify_email(now=container.clock().now())
        await uow.commit()

    response = await social_login(browser, "bob", cookie="false")

    assert response.status_code == 200, response.text
    assert (await me(browser, response.json()))["id"] == bob["id"]


async def test_by_default_the_session_lands_in_the_browsers_cookies(browser: httpx.AsyncClient):
    response = await social_login(browser, "ada")

    assert response.status_code == 200, response.text
    body = response.json()
    assert "access_token" not in body
    folio_cookies = {c.name for c in browser.cookies.jar if c.domain.endswith("folio.test")}
    assert {"folio-access", "folio-refresh", "folio-csrf"} <= folio_cookies
    assert "folio-oidc" not in folio_cookies  # the login's own cookie is cleared
    user = await browser.get(f"{FOLIO}/me")
    assert user.status_code == 200, user.text
    assert user.json()["email"] == "ada@example.com"
    assert body["csrf_token"]


async def test_a_callback_with_another_state_is_refused(browser: httpx.AsyncClient):
    page = await browser.get(f"{FOLIO}/auth/oidc/login", params={"cookie": "false"})
    assert page.status_code == 200

    forged = await browser.get(
        f"{FOLIO}/auth/oidc/callback", params={"code": "stolen-code", "state": "forged"}
    )

    problem = assert_problem(forged, 401)
    assert "state" in problem["detail"]


async def test_a_callback_without_a_login_begun_in_this_browser_is_refused(
    browser: httpx.AsyncClient,
):
    response = await browser.get(f"{FOLIO}/auth/oidc/callback", params={"code": "c", "state": "s"})

    problem = assert_problem(response, 401)
    assert "no social login in progress" in problem["detail"]
