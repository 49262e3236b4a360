"""OWASP API8:2023 Security misconfiguration: headers on every response, CORS from an
allow-list, trusted hosts, no banner, production settings refused (see test_startup)."""

import pytest
from httpx import AsyncClient

from entrypoints.http.app import create_app
from tests.e2e.conftest import Account, make_container, serve
from tests.e2e.helpers import PASSWORD, assert_problem
from tests.e2e.live import refused_handshake, serving

EVERYWHERE = {
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
}


@pytest.mark.parametrize(
    ("method", "path"),
    [
        pytest.param("GET", "/posts", id="ok"),
        pytest.param("GET", "/nowhere", id="404"),
        pytest.param("PUT", "/users", id="405"),
        pytest.param("POST", "/users", id="422"),
        pytest.param("GET", "/me", id="401"),
        pytest.param("GET", "/openapi.json", id="openapi"),
    ],
)
async def test_every_response_has_the_security_headers(client: AsyncClient, method: str, path: str):
    response = await client.request(method, path)
    for name, value in EVERYWHERE.items():
        assert response.headers[name] == value
    assert (
        response.headers["content-security-policy"] == "default-src 'none'; frame-ancestors 'none'"
    )
    assert "server" not in response.headers
    assert "strict-transport-security" not in response.headers  # plain HTTP


async def test_the_docs_get_a_policy_that_lets_them_work(client: AsyncClient):
    for path in ("/docs", "/redoc"):
        csp = (await client.get(path)).headers["content-security-policy"]
        assert "frame-ancestors 'none'" in csp
        assert "script-src 'self' 'unsafe-inline'" in csp


async def test_tokens_and_authenticated_answers_are_never_stored(
    client: AsyncClient, alice: Account
):
    token = await client.post(
        "/token", data={"username": alice.user["email"], "password": PASSWORD}
    )
    assert token.headers["cache-control"] == "no-store"
    assert token.headers["pragma"] == "no-cache"
    failed = await client.post("/token", data={"username": "x@example.com", "password": "nope"})
    assert failed.headers["cache-control"] == "no-store"
    me = await client.get("/me", headers=alice.headers)
    assert me.headers["cache-control"] == "no-store"
    public = await client.get("/posts")
    assert "no-store" not in public.headers.get("cache-control", "")


async def test_hsts_is_sent_over_https():
    async with serve(create_app(make_container())) as client:
        response = await client.get("https://test/posts")
    assert response.headers["strict-transport-security"].startswith("max-age=31536000")


async def test_only_listed_origins_may_call_from_a_browser():
    preflight = {"Access-Control-Request-Method": "POST"}
    async with serve(create_app(make_container())) as client:
        response = await client.options("/users", headers={"Origin": "https://evil.example"})
        assert "access-control-allow-origin" not in response.headers
    app = create_app(make_container(cors_origins=["https://app.example"]))
    async with serve(app) as client:
        good = await client.options(
            "/users", headers={"Origin": "https://app.example", **preflight}
        )
        assert good.headers["access-control-allow-origin"] == "https://app.example"
        evil = await client.options(
            "/users", headers={"Origin": "https://evil.example", **preflight}
        )
        assert "access-control-allow-origin" not in evil.headers
        simple = await client.get("/posts", headers={"Origin": "https://evil.example"})
        assert "access-control-allow-origin" not in simple.headers


async def test_only_trusted_hosts_are_served():
    app = create_app(make_container(trusted_hosts=["api.example.com", "*.folio.test"]))
    async with serve(app) as client:
        assert (await client.get("http://api.example.com/posts")).status_code == 200
        assert (await client.get("http://eu.folio.test:8000/posts")).status_code == 200
        refused = await client.get("http://evil.example/posts")
        assert_problem(refused, 400)
        assert refused.headers["x-content-type-options"] == "nosniff"


async def test_a_websocket_handshake_to_an_untrusted_host_is_refused_with_the_problem():
    container = make_container(trusted_hosts=["api.example.com"])
    async with serving(container) as server:  # the client names 127.0.0.1 as the host
        refused = await refused_handshake(server.ws)
        assert assert_problem(refused, 400)["detail"] == "this host name is not served here"
        assert refused.headers["x-content-type-options"] == "nosniff"  # as on every response
