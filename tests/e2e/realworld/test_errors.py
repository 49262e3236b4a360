"""Every failure under /api answers in RealWorld's error format, never a trace."""

from typing import Any

from httpx import AsyncClient

from entrypoints.container import Container
from entrypoints.http.app import create_app
from tests.e2e.conftest import serve
from tests.e2e.realworld.helpers import errors_of, token


async def test_an_unknown_path_is_a_404(client: AsyncClient) -> None:
    assert set(errors_of(await client.get("/api/nothing-here"), 404)) == {"body"}


async def test_a_wrong_method_is_a_405(client: AsyncClient) -> None:
    assert set(errors_of(await client.delete("/api/users"), 405)) == {"body"}


async def test_a_405_lists_the_methods_the_document_gives_the_path(client: AsyncClient) -> None:
    feed = await client.request("OPTIONS", "/api/articles/feed")
    assert set(errors_of(feed, 405)) == {"body"}
    assert feed.headers["allow"] == "GET, HEAD"  # not /api/articles/{slug}'s PUT and DELETE
    articles = await client.request("OPTIONS", "/api/articles")
    assert errors_of(articles, 405)
    assert articles.headers["allow"] == "GET, HEAD, POST"


async def test_a_path_with_a_line_break_is_still_the_realworld_apis(client: AsyncClient) -> None:
    response = await client.post("/api/profiles/a%0Ab/follow")
    assert errors_of(response, 401) == {"token": ["is missing"]}


async def test_a_body_that_is_not_utf8_is_a_422(client: AsyncClient) -> None:
    response = await client.post(
        "/api/users", content=b"\xfe1\xe7", headers={"content-type": "application/json"}
    )
    assert set(errors_of(response, 422)) == {"body"}


async def test_a_body_that_is_not_json_is_a_422(client: AsyncClient) -> None:
    response = await client.post(
        "/api/users", content=b"{not json", headers={"content-type": "application/json"}
    )
    errors_of(response, 422)


async def test_an_unexpected_error_is_a_500_that_tells_nothing(
    container: Container, jake: dict[str, Any]
) -> None:
    class Broken:
        async def __call__(self, *args: object) -> None:
            raise RuntimeError("SELECT secret FROM users")

    with container.get_user.override(Broken()):
        async with serve(create_app(container), raise_app_exceptions=False) as client:
            response = await client.get("/api/user", headers=token(jake))
    errors = errors_of(response, 500)
    assert "SELECT" not in response.text
    assert "RuntimeError" not in response.text
    assert response.headers["x-request-id"] in errors["body"][0]


async def test_the_native_api_keeps_its_problem_documents(client: AsyncClient) -> None:
    response = await client.get("/me")
    assert response.status_code == 401
    assert response.headers["content-type"].startswith("application/problem+json")
