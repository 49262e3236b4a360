"""What reaches the logs when things go wrong (the directory's fixture checks every test)."""

import logging

import pytest
from httpx import AsyncClient
from sqlalchemy import text

from entrypoints.container import Container
from entrypoints.http.app import create_app
from tests.e2e.conftest import Account, serve
from tests.e2e.helpers import PASSWORD, log_in, user_body
from tests.e2e.security.conftest import secrets_in


def test_the_scanner_finds_each_kind_of_secret():
    line = "ada@example.com eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NSJ9 $argon2id$v=19 " + PASSWORD
    assert len(secrets_in(line)) == 4


async def test_the_ordinary_flows_log_no_secret(
    client: AsyncClient, alice: Account, caplog: pytest.LogCaptureFixture
):
    await client.post("/users", json=user_body(email=alice.user["email"]))  # 409
    await log_in(client, alice.user["email"], "hunter2 wrong")
    body = {"current_password": PASSWORD, "new_password": "a brand new secret"}
    assert (await client.post("/me/password", json=body, headers=alice.headers)).is_success
    assert (await log_in(client, alice.user["email"], "a brand new secret")).is_success
    assert logging.getLogger("folio.http").isEnabledFor(logging.DEBUG)
    assert logging.getLogger("sqlalchemy.engine").isEnabledFor(logging.INFO)
    assert {"INFO"} <= {record.levelname for record in caplog.records}


async def test_a_database_failure_is_logged_once_without_parameters(
    container: Container, caplog: pytest.LogCaptureFixture
):
    if container.settings().storage != "sql":
        pytest.skip("only a database fails this way")
    app = create_app(container)
    async with serve(app, raise_app_exceptions=False) as client:
        assert (await client.post("/users", json=user_body())).status_code == 201
        engine = container.engine()
        async with engine.begin() as connection:
            await connection.execute(text("ALTER TABLE users RENAME COLUMN age TO years"))
        try:
            response = await client.post("/users", json=user_body(email="ruth@example.com"))
        finally:
            async with engine.begin() as connection:
                await connection.execute(text("ALTER TABLE users RENAME COLUMN years TO age"))
    assert response.status_code == 500
    errors = [record for record in caplog.records if record.levelname == "ERROR"]
    assert len(errors) == 1
    assert response.headers["x-request-id"] in errors[0].getMessage()
    assert "StorageError" in errors[0].getMessage()
