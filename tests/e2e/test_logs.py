"""Every request is logged once with its request id, method, route template, status, duration
and user id; an unexpected error once, with its traceback; nothing secret in any line."""

import io
import json
import logging
import sys
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest
from dependency_injector import providers
from httpx import AsyncClient

from entrypoints.http.app import create_app
from entrypoints.log_format import JsonFormatter, TextFormatter
from tests.e2e.conftest import make_container, serve
from tests.e2e.helpers import PASSWORD, bearer, create_post, register


@pytest.fixture
def json_lines() -> Iterator[io.StringIO]:
    """Folio's log records as the production formatter writes them."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    folio = logging.getLogger("folio")
    folio.addHandler(handler)
    level = folio.level
    folio.setLevel(logging.DEBUG)
    yield stream
    folio.removeHandler(handler)
    folio.setLevel(level)


def records(stream: io.StringIO) -> list[dict[str, Any]]:
    return [json.loads(line) for line in stream.getvalue().splitlines()]


async def _explode(*args: object, **kwargs: object) -> None:
    raise RuntimeError("boom")


@pytest.fixture
async def api() -> AsyncIterator[AsyncClient]:
    container = make_container()
    container.list_users.override(providers.Object(_explode))
    async with serve(create_app(container), raise_app_exceptions=False) as client:
        yield client


async def test_each_request_is_one_line_with_its_fields(
    api: AsyncClient, json_lines: io.StringIO
) -> None:
    user = await register(api)
    headers = await bearer(api, user["email"])
    post = await create_post(api, headers)
    await api.get(f"/posts/{post['id']}", headers={**headers, "X-Request-ID": "req-logs-0001"})

    access = [r for r in records(json_lines) if r["logger"] == "folio.access"]

    assert [(r["method"], r["route"], r["status"]) for r in access] == [
        ("POST", "/users", 201),
        ("POST", "/token", 200),
        ("POST", "/posts", 201),
        ("GET", "/posts/{post_id}", 200),
    ]
    last = access[-1]
    assert last["request_id"] == "req-logs-0001"
    assert last["user_id"] == user["id"]
    assert last["duration_ms"] >= 0
    assert last["level"] == "INFO"
    assert "user_id" not in access[0]  # nobody was logged in


async def test_unknown_routes_are_logged_without_their_path(
    api: AsyncClient, json_lines: io.StringIO
) -> None:
    await api.get("/users/ada@example.com/secret-path")

    (line,) = [r for r in records(json_lines) if r["logger"] == "folio.access"]
    assert line["status"] == 404
    assert line["route"] == "<unmatched>"
    assert "ada@example.com" not in json_lines.getvalue()


async def test_an_unexpected_error_is_logged_once_with_its_traceback(
    api: AsyncClient, json_lines: io.StringIO
) -> None:
    response = await api.get("/users", headers={"X-Request-ID": "req-boom-0001"})

    assert response.status_code == 500
    logged = records(json_lines)
    with_traceback = [r for r in logged if "exception" in r]
    assert len(with_traceback) == 1
    assert "RuntimeError" in with_traceback[0]["exception"]
    assert "RuntimeError: boom" not in with_traceback[0]["exception"]  # messages may quote data
    assert "req-boom-0001" in with_traceback[0]["message"]
    access = [r for r in logged if r["logger"] == "folio.access"]
    assert [(r["status"], r["request_id"], r["level"]) for r in access] == [
        (500, "req-boom-0001", "WARNING")
    ]


async def test_no_secret_reaches_the_logs(api: AsyncClient, json_lines: io.StringIO) -> None:
    user = await register(api, email="grace@example.com", password=PASSWORD)
    headers = await bearer(api, "grace@example.com")
    await api.get("/me", headers=headers)
    await api.post("/token", data={"username": "grace@example.com", "password": "wrong-password"})
    await api.post(
        "/me/password",
        json={"current_password": PASSWORD, "new_password": "n" * 12},
        headers=headers,
    )

    text = json_lines.getvalue()
    token = headers["Authorization"].removeprefix("Bearer ")
    for secret in ("grace@example.com", PASSWORD, "wrong-password", token, "$argon2"):
        assert secret not in text
    assert user["id"] in text  # the user is identified by id instead


@pytest.mark.parametrize("formatter", [JsonFormatter(), TextFormatter()], ids=["json", "text"])
def test_formatters_blank_secrets_in_messages_and_tracebacks(formatter: logging.Formatter) -> None:
    try:
        raise ValueError("password=hunter2 for ada@example.com")
    except ValueError:
        record = logging.LogRecord(
            "folio.test", logging.ERROR, __file__, 1, "token %s hash %s", None, None
        )
        record.args = ("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln", "$argon2id$v=19$m=8,t=1$YQ$Yg")
        record.exc_info = sys.exc_info()
        text = formatter.format(record)

    for secret in ("hunter2", "ada@example.com", "eyJhbGciOiJIUzI1NiJ9", "$argon2id"):
        assert secret not in text
    assert "ValueError" in text
