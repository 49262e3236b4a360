"""Plain builder functions for the HTTP tests."""

import itertools
from typing import Any

from httpx import AsyncClient, Response

PASSWORD = "correct horse battery"
PROBLEM = "application/problem+json"
_numbers = itertools.count(1)

Headers = dict[str, str]


def unique_email(prefix: str = "user") -> str:
    return f"{prefix}{next(_numbers)}@example.com"


def user_body(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {"email": unique_email(), "name": "Ada Lovelace", "password": PASSWORD}
    body.update(overrides)
    return body


def post_body(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "title": "Notes on the analytical engine",
        "content": "The engine weaves algebraic patterns.",
        "published": True,
        "tags": ["maths"],
    }
    body.update(overrides)
    return body


async def register(client: AsyncClient, **overrides: Any) -> dict[str, Any]:
    response = await client.post("/users", json=user_body(**overrides))
    assert response.status_code == 201, response.text
    return dict(response.json())


async def log_in(client: AsyncClient, login: str, password: str = PASSWORD) -> Response:
    return await client.post("/token", data={"username": login, "password": password})


async def bearer(client: AsyncClient, login: str, password: str = PASSWORD) -> Headers:
    response = await log_in(client, login, password)
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


async def create_post(client: AsyncClient, headers: Headers, **overrides: Any) -> dict[str, Any]:
    response = await client.post("/posts", json=post_body(**overrides), headers=headers)
    assert response.status_code == 201, response.text
    return dict(response.json())


def assert_problem(response: Response, status: int) -> dict[str, Any]:
    """The response is an RFC 9457 problem with this status; returns its body."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(PROBLEM)
    body = dict(response.json())
    assert body["status"] == status
    assert body["type"]
    assert body["title"]
    return body


def fields_of(problem: dict[str, Any]) -> set[str]:
    return {error["field"] for error in problem.get("errors", [])}
