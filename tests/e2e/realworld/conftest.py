"""The RealWorld suite runs on every backend through tests/e2e/conftest.py's ``client``."""

from typing import Any

import pytest
from httpx import AsyncClient

from tests.e2e.realworld.helpers import register, unique_name


@pytest.fixture
async def jake(client: AsyncClient) -> dict[str, Any]:
    return await register(client)


@pytest.fixture
async def jane(client: AsyncClient) -> dict[str, Any]:
    name = unique_name("jane")
    return await register(client, username=name, email=f"{name}@example.com")
