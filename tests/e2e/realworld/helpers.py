"""Builders for the RealWorld suite, written from the specification (/api, envelopes, Token)."""

import itertools
import re
from typing import Any

from httpx import AsyncClient, Response

PASSWORD = "jakejakejake"
JSON_UTF8 = "application/json; charset=utf-8"
# ISO 8601 with milliseconds, in UTC.
TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")
USER_FIELDS = {"email", "token", "username", "bio", "image"}
PROFILE_FIELDS = {"username", "bio", "image", "following"}
_numbers = itertools.count(1)

Headers = dict[str, str]


def unique_name(prefix: str = "jake") -> str:
    return f"{prefix}{next(_numbers)}"


def new_user(**overrides: Any) -> dict[str, Any]:
    name = unique_name()
    user: dict[str, Any] = {"username": name, "email": f"{name}@example.com", "password": PASSWORD}
    user.update(overrides)
    return user


async def register(client: AsyncClient, **overrides: Any) -> dict[str, Any]:
    """A new user through POST /api/users: the ``user`` object of the reply, token included."""
    response = await client.post("/api/users", json={"user": new_user(**overrides)})
    assert response.status_code == 201, response.text
    return dict(response.json()["user"])


def token(user: dict[str, Any], scheme: str = "Token") -> Headers:
    return {"Authorization": f"{scheme} {user['token']}"}


def errors_of(response: Response, status: int) -> dict[str, list[str]]:
    """The reply is RealWorld's error format with this status; returns its ``errors``."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == JSON_UTF8
    body = response.json()
    assert set(body) == {"errors"}, body
    errors = body["errors"]
    assert errors, body
    for field, messages in errors.items():
        assert isinstance(field, str)
        assert messages, body
        assert all(isinstance(message, str) and message for message in messages), body
    return dict(errors)


def new_article(**overrides: Any) -> dict[str, Any]:
    article: dict[str, Any] = {
        "title": f"How to train your dragon {next(_numbers)}",
        "description": "Ever wonder how?",
        "body": "You have to believe in the dragon.",
        "tagList": ["dragons", "training"],
    }
    article.update(overrides)
    return article


async def create_article(
    client: AsyncClient, author: dict[str, Any], **overrides: Any
) -> dict[str, Any]:
    """A new article through POST /api/articles: the ``article`` object of the reply."""
    response = await client.post(
        "/api/articles", json={"article": new_article(**overrides)}, headers=token(author)
    )
    assert response.status_code == 201, response.text
    return dict(response.json()["article"])
