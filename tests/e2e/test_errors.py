from collections.abc import AsyncIterator

import pytest
from dependency_injector import providers
from httpx import AsyncClient

from entrypoints.container import Container
from entrypoints.http.app import create_app
from tests.e2e.conftest import serve
from tests.e2e.helpers import assert_problem


async def test_unknown_route_is_a_problem_404(client: AsyncClient) -> None:
    response = await client.get("/nowhere")
    problem = assert_problem(response, 404)
    assert (problem["type"], problem["title"], problem["instance"]) == (
        "urn:folio:problem:not-found",
        "Not found",
        "/nowhere",
    )


async def test_wrong_method_is_a_problem_405(client: AsyncClient) -> None:
    response = await client.put("/users")
    assert_problem(response, 405)
    assert "POST" in response.headers["allow"]


async def test_malformed_json_is_a_problem_422(client: AsyncClient) -> None:
    response = await client.post(
        "/users",
        content=b'{"password": "hunter2hunter2",',
        headers={"content-type": "application/json"},
    )
    assert_problem(response, 422)
    assert "hunter2" not in response.text


async def test_every_reply_has_a_request_id(client: AsyncClient) -> None:
    generated = await client.get("/posts")
    assert len(generated.headers["x-request-id"]) >= 8
    reused = await client.get("/nowhere", headers={"X-Request-ID": "abc-123-def-456"})
    assert reused.headers["x-request-id"] == "abc-123-def-456"
    insane = await client.get("/posts", headers={"X-Request-ID": "<script>"})
    assert insane.headers["x-request-id"] != "<script>"


class Boom(RuntimeError):
    pass


DETAIL = "secret detail"


async def _explode(*args: object, **kwargs: object) -> None:
    raise Boom(f"SELECT password_hash FROM users -- {DETAIL}")  # noqa: S608


@pytest.fixture
async def exploding_client(container: Container) -> AsyncIterator[AsyncClient]:
    container.list_posts.override(providers.Object(_explode))
    async with serve(create_app(container), raise_app_exceptions=False) as client:
        yield client
    container.list_posts.reset_override()


async def test_an_unexpected_error_is_a_generic_500(
    exploding_client: AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    response = await exploding_client.get("/posts", headers={"X-Request-ID": "req-0000-1111"})
    problem = assert_problem(response, 500)
    assert response.headers["x-request-id"] == "req-0000-1111"
    assert problem["request_id"] == "req-0000-1111"
    for leak in ("SELECT", "secret", "Boom", "RuntimeError", "Traceback", "File "):
        assert leak not in response.text
    logged = [r for r in caplog.records if r.levelname == "ERROR"]
    assert len(logged) == 1  # once, by Folio; nothing reaches the server to be logged again
    assert logged[0].name == "folio.http"
    assert "req-0000-1111" in logged[0].getMessage()
    assert "test_errors.Boom" in logged[0].getMessage()  # which error, and where
    assert logged[0].exc_info is not None
    tracebacks = [r for r in caplog.records if r.exc_info is not None]
    assert len(tracebacks) == 1, [r.name for r in tracebacks]
    assert "_explode" in caplog.text
    assert DETAIL not in caplog.text  # but not its message: it may quote data
