from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from asgi_lifespan import LifespanManager
from dependency_injector import providers
from fastapi import FastAPI
from httpx import ASGITransport, AsyncClient

from application.users.register_user import RegisterUserCommand
from domain.roles import Role
from entrypoints.container import Container
from entrypoints.http.app import create_app
from tests.databases import empty_postgres, empty_sqlite
from tests.e2e.helpers import PASSWORD, Headers, bearer, register, unique_email
from tests.settings import make_settings


@dataclass(frozen=True)
class Account:
    """A registered user as the API showed it to them, and their auth headers."""

    user: dict[str, Any]
    headers: Headers

    @property
    def id(self) -> str:
        return str(self.user["id"])


def make_container(**settings: Any) -> Container:
    return Container(settings=providers.Object(make_settings(**settings)))


BACKENDS = [
    pytest.param("memory", id="memory"),
    pytest.param("sqlite", id="sqlite"),
    pytest.param("postgres", id="postgres", marks=pytest.mark.postgres),
]


def storage_settings(backend: str, tmp_path: Path) -> dict[str, Any]:
    """Settings for an empty, migrated database of ``backend`` (call outside the event loop)."""
    if backend == "memory":
        return {"storage": "memory"}
    url = empty_sqlite(tmp_path) if backend == "sqlite" else empty_postgres()
    return {"storage": "sql", "database_url": url}


@pytest.fixture(params=BACKENDS)
def container(request: pytest.FixtureRequest, tmp_path: Path) -> Container:
    """The app's container on each backend, its database empty and migrated."""
    return make_container(**storage_settings(request.param, tmp_path))


@pytest.fixture
def app(container: Container) -> FastAPI:
    return create_app(container)


@asynccontextmanager
async def serve(app: FastAPI, *, raise_app_exceptions: bool = True) -> AsyncIterator[AsyncClient]:
    """A client of ``app``, started and stopped through its lifespan."""
    async with LifespanManager(app) as manager:
        transport = ASGITransport(manager.app, raise_app_exceptions=raise_app_exceptions)
        async with AsyncClient(transport=transport, base_url="http://test") as client:
            yield client


@pytest.fixture
async def client(app: FastAPI) -> AsyncIterator[AsyncClient]:
    async with serve(app) as client:
        yield client


SignUp = Callable[..., Awaitable[Account]]


@pytest.fixture
def sign_up(client: AsyncClient) -> SignUp:
    """Register a user over HTTP (overrides go into the body), log in, return the account."""

    async def _sign_up(**overrides: Any) -> Account:
        user = await register(client, **overrides)
        return Account(user, await bearer(client, user["email"]))

    return _sign_up


@pytest.fixture
async def alice(sign_up: SignUp) -> Account:
    return await sign_up(name="Alice")


@pytest.fixture
async def bob(sign_up: SignUp) -> Account:
    return await sign_up(name="Bob")


@pytest.fixture
async def admin(container: Container, client: AsyncClient) -> Account:
    """An admin, made through the use case: the API has no way to make one."""
    command = RegisterUserCommand(
        email=unique_email("admin"), name="Admin", password=PASSWORD, role=Role.ADMIN
    )
    await container.register_user()(command)
    headers = await bearer(client, command.email)
    return Account((await client.get("/me", headers=headers)).json(), headers)
