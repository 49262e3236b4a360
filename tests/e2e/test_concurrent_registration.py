"""Twenty clients register the same e-mail (or username) at the same moment, on every
backend: exactly one 201, nineteen 409 problems, never a 500."""

import asyncio
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from httpx import AsyncClient

from entrypoints.http.app import create_app
from tests.e2e.conftest import BACKENDS, make_container, serve, storage_settings
from tests.e2e.helpers import PASSWORD

CLIENTS = 20


@pytest.fixture(params=BACKENDS)
def storage(request: pytest.FixtureRequest, tmp_path: Path) -> dict[str, Any]:
    return storage_settings(request.param, tmp_path)


async def register_all(storage: dict[str, Any], bodies: list[dict[str, str]]) -> list[int]:
    # Room for every client in the hashing queue: this is about the uniqueness race, not the
    # queue's 503s (tests/e2e/security covers those).
    app = create_app(make_container(**storage, db_pool_size=5, password_hash_queue=CLIENTS))
    async with serve(app) as client:
        responses = await asyncio.gather(*(_post(client, body) for body in bodies))
        statuses = [response.status_code for response in responses]
        listed = (await client.get("/users")).json()["total"]
    assert listed == 1
    return statuses


async def _post(client: AsyncClient, body: dict[str, str]) -> object:
    response = await client.post("/users", json=body)
    if response.status_code == 409:
        assert response.headers["content-type"] == "application/problem+json"
    return response


def _mixed_case(text: str, seed: int) -> str:
    return "".join(c.upper() if (i + seed) % 3 == 0 else c for i, c in enumerate(text))


async def test_one_email_registered_by_twenty_at_once(storage: dict[str, Any]) -> None:
    bodies = [
        {"email": _mixed_case("race@example.com", n), "name": "Racer", "password": PASSWORD}
        for n in range(CLIENTS)
    ]

    statuses = await register_all(storage, bodies)

    assert Counter(statuses) == {201: 1, 409: CLIENTS - 1}


async def test_one_username_registered_by_twenty_at_once(storage: dict[str, Any]) -> None:
    bodies = [
        {
            "email": f"racer{n}@example.com",
            "username": _mixed_case("racer_x", n),
            "name": "Racer",
            "password": PASSWORD,
        }
        for n in range(CLIENTS)
    ]

    statuses = await register_all(storage, bodies)

    assert Counter(statuses) == {201: 1, 409: CLIENTS - 1}
