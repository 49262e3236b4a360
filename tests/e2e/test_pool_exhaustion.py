"""Connections: a request never holds two at once, so one pooled connection serves every
endpoint; and when every pooled connection stays busy past FOLIO_DB_POOL_TIMEOUT, a request is
refused with a 503 problem and Retry-After, not a 500, and the service recovers."""

from pathlib import Path

import pytest

from entrypoints.http.app import create_app
from tests.databases import empty_sqlite
from tests.e2e.conftest import make_container, serve
from tests.e2e.helpers import PROBLEM, bearer, post_body, register


@pytest.fixture
def url(tmp_path: Path) -> str:
    return empty_sqlite(tmp_path)


async def test_an_exhausted_pool_answers_503_then_recovers(url: str) -> None:
    container = make_container(storage="sql", database_url=url, db_pool_size=1, db_pool_timeout=0.2)
    async with serve(create_app(container)) as client:
        async with container.engine().connect():  # the only connection, held
            busy = await client.get("/posts")
        recovered = await client.get("/posts")

    assert busy.status_code == 503
    assert busy.headers["content-type"] == PROBLEM
    assert busy.headers["retry-after"] == "1"
    assert busy.json()["status"] == 503
    assert "SELECT" not in busy.text
    assert recovered.status_code == 200


async def test_every_endpoint_works_with_a_single_pooled_connection(url: str) -> None:
    """Authentication and the route's use case take the connection one after the other: were
    they nested, the second would wait for the first and the request would end in a 503."""
    container = make_container(storage="sql", database_url=url, db_pool_size=1, db_pool_timeout=1)
    async with serve(create_app(container)) as client:
        user = await register(client)
        headers = await bearer(client, user["email"])
        post = (await client.post("/posts", json=post_body(), headers=headers)).json()
        statuses = [
            (await client.get("/me", headers=headers)).status_code,
            (await client.patch("/me", json={"age": 40}, headers=headers)).status_code,
            (await client.get(f"/users/{user['id']}", headers=headers)).status_code,
            (await client.get("/users", headers=headers)).status_code,
            (await client.get(f"/posts/{post['id']}", headers=headers)).status_code,
            (await client.get("/posts", headers=headers)).status_code,
            (
                await client.patch(f"/posts/{post['id']}", json={"tags": ["x"]}, headers=headers)
            ).status_code,
            (await client.delete(f"/posts/{post['id']}", headers=headers)).status_code,
        ]

    assert statuses == [200, 200, 200, 200, 200, 200, 200, 204]
