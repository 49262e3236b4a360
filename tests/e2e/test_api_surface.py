"""What the framework answers before a route runs is a problem of Folio's own URN scheme:
unknown routes, wrong methods (with the right Allow), missing tokens, bodies that are not JSON
or not of the route's media type; and HEAD works wherever GET does."""

from collections.abc import AsyncIterator

import pytest
from fastapi import HTTPException
from fastapi.routing import APIRoute
from httpx import AsyncClient

from entrypoints.http.app import create_app
from entrypoints.http.media_types import require_declared_media_type
from tests.e2e.conftest import make_container, serve
from tests.e2e.helpers import assert_problem, user_body

URN = "urn:folio:problem:"


@pytest.fixture
async def api() -> AsyncIterator[AsyncClient]:
    app = create_app(make_container())

    @app.get("/test-bad-request", include_in_schema=False)
    async def bad_request() -> None:
        raise HTTPException(400, detail="refused by the framework")

    async with serve(app) as client:
        yield client


@pytest.mark.parametrize(
    ("method", "path", "status", "kind"),
    [
        pytest.param("GET", "/nowhere", 404, "not-found", id="unknown-route"),
        pytest.param("PUT", "/users", 405, "method-not-allowed", id="wrong-method"),
        pytest.param("GET", "/me", 401, "authentication-failed", id="no-token"),
        pytest.param("GET", "/test-bad-request", 400, "bad-request", id="bad-request"),
    ],
)
async def test_framework_errors_use_folio_problem_types(
    api: AsyncClient, method: str, path: str, status: int, kind: str
) -> None:
    problem = assert_problem(await api.request(method, path), status)

    assert problem["type"] == URN + kind
    assert problem["instance"] == path


async def test_a_missing_token_is_challenged(api: AsyncClient) -> None:
    response = await api.get("/me")

    assert response.headers["www-authenticate"] == "Bearer"


@pytest.mark.parametrize(
    ("method", "path", "allow"),
    [
        pytest.param("PUT", "/users", "GET, HEAD, POST", id="users"),
        pytest.param("PUT", "/me", "DELETE, GET, HEAD, PATCH", id="me"),
        pytest.param(
            "POST",
            "/posts/0b6c3a1e-7f9b-4a55-8d64-1f2e3d4c5b6a",
            "DELETE, GET, HEAD, PATCH",
            id="post",
        ),
        pytest.param("GET", "/token", "POST", id="token"),
        pytest.param("HEAD", "/token", "POST", id="head-without-get"),
    ],
)
async def test_405_lists_every_method_of_the_path(
    api: AsyncClient, method: str, path: str, allow: str
) -> None:
    response = await api.request(method, path)

    assert response.status_code == 405
    assert response.headers["allow"] == allow


@pytest.mark.parametrize("path", ["/posts", "/users", "/healthz", "/openapi.json", "/docs"])
async def test_head_answers_like_get_without_a_body(api: AsyncClient, path: str) -> None:
    get = await api.get(path)
    head = await api.head(path)

    assert head.status_code == get.status_code == 200
    assert head.content == b""
    assert head.headers["content-type"] == get.headers["content-type"]
    assert head.headers["content-length"] == get.headers["content-length"]


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(b'{"email": "a@example.com", "password": "hunter2hunter2",', id="truncated"),
        pytest.param(b"not json at all", id="not-json"),
        pytest.param(b'{"name": "\xff\xfe"}', id="invalid-utf-8"),
    ],
)
async def test_a_body_that_is_not_json_says_so(api: AsyncClient, body: bytes) -> None:
    response = await api.post("/users", content=body, headers={"content-type": "application/json"})

    problem = assert_problem(response, 422)
    assert problem["type"] == URN + "validation-error"
    assert "not valid JSON" in problem["detail"]
    assert [error["field"] for error in problem["errors"]] == [""]
    assert "hunter2" not in response.text


@pytest.mark.parametrize(
    ("path", "content_type"),
    [
        pytest.param("/users", "text/plain", id="json-route-text"),
        pytest.param("/users", "application/x-www-form-urlencoded", id="json-route-form"),
        pytest.param("/token", "application/json", id="form-route-json"),
    ],
)
async def test_a_body_of_the_wrong_media_type_is_415(
    api: AsyncClient, path: str, content_type: str
) -> None:
    response = await api.post(path, content=b'{"a": "b"}', headers={"content-type": content_type})

    problem = assert_problem(response, 415)
    assert problem["type"] == URN + "unsupported-media-type"
    assert content_type in problem["detail"]


async def test_json_with_a_charset_or_a_json_suffix_is_accepted(api: AsyncClient) -> None:
    for content_type in ("application/json; charset=utf-8", "application/merge-patch+json"):
        response = await api.post(
            "/users", json=user_body(), headers={"content-type": content_type}
        )
        assert response.status_code == 201, response.text


def test_every_route_that_takes_a_body_checks_its_media_type_first() -> None:
    """The check is a dependency of exactly the routes with a body (MediaTypeCheckedRoute),
    before any other (authentication included)."""
    app = create_app(make_container())
    routes = [
        route
        for included in app.routes
        for route in getattr(getattr(included, "original_router", None), "routes", [])
        if isinstance(route, APIRoute)
    ]
    with_body = {f"{route.methods} {route.path}" for route in routes if route.body_field}
    checked_first = {
        f"{route.methods} {route.path}"
        for route in routes
        if route.dependant.dependencies
        and route.dependant.dependencies[0].call is require_declared_media_type
    }
    checked = {
        f"{route.methods} {route.path}"
        for route in routes
        if any(d.call is require_declared_media_type for d in route.dependant.dependencies)
    }
    assert len(with_body) >= 20
    assert checked_first == checked == with_body
