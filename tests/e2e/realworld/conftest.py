"""The RealWorld suite runs on every backend, like tests/e2e.

It reuses one app per backend for the whole run (wiring an app costs more than most of these
tests) and empties its storage before each test instead of making a new database."""

import asyncio
from pathlib import Path
from typing import Any

import pytest
from dependency_injector import providers
from dependency_injector.wiring import _patched_registry
from fastapi import FastAPI
from httpx import AsyncClient
from sqlalchemy import delete

from adapters.sqlalchemy.engine import create_engine
from adapters.sqlalchemy.tables import metadata
from entrypoints.container import Container
from entrypoints.http import dependencies as http_dependencies
from entrypoints.http.app import create_app
from entrypoints.realworld import auth as realworld_auth
from tests.e2e.conftest import BACKENDS, make_container, storage_settings
from tests.e2e.realworld.helpers import register, unique_name

_apps: dict[str, tuple[Container, FastAPI]] = {}


async def _delete_everything(url: str) -> None:
    engine = create_engine(url, pool_size=1, pool_timeout=10)
    try:
        async with engine.begin() as connection:
            for table in reversed(metadata.sorted_tables):
                await connection.execute(delete(table))
    finally:
        await engine.dispose()


def _emptied(backend: str, container: Container) -> None:
    # Fresh singletons (engine, memory store, anything bound to the last test's event loop);
    # the wiring refers to providers, not to what they made, so it stays valid.
    container.reset_singletons()
    if backend != "memory":  # DELETE: on a few rows, cheaper than PostgreSQL's TRUNCATE
        asyncio.run(_delete_everything(container.settings().database_url))


def _wired_to(container: Container) -> bool:
    """Whether the routes' injections are the providers of ``container``: wiring is global,
    and the last app made wins. Peeks at dependency-injector's registry; should that change,
    this says False and the app is made anew, which is only slower."""
    for function in (http_dependencies.identify, realworld_auth._caller):
        patched = getattr(_patched_registry, "get_callable", lambda _: None)(function)
        injected = getattr(patched, "injections", {}).get("authenticate")
        if isinstance(injected, providers.Delegate):  # the provider itself is injected
            injected = injected.provides
        if injected is not container.authenticate:
            return False
    return True


@pytest.fixture(scope="session", params=BACKENDS)
def backend(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    """Session-scoped, so that pytest runs each backend's tests together."""
    name: str = request.param
    directory: Path = tmp_path_factory.mktemp(f"realworld-{name}")
    # No outbox relay polling beside the requests: it is not under test here, and its
    # statements would be counted with theirs.
    shared = make_container(**storage_settings(name, directory), outbox_relay_in_app=False)
    _apps[name] = (shared, create_app(shared))
    return name


@pytest.fixture
def container(backend: str) -> Container:
    """The backend's shared container, its storage emptied (a synchronous fixture: emptying a
    database runs its own event loop)."""
    shared = _apps[backend][0]
    if not _wired_to(shared):
        _apps[backend] = (shared, create_app(shared))
    _emptied(backend, shared)
    return shared


@pytest.fixture
def app(backend: str, container: Container) -> FastAPI:
    return _apps[backend][1]


@pytest.fixture
async def jake(client: AsyncClient) -> dict[str, Any]:
    return await register(client)


@pytest.fixture
async def jane(client: AsyncClient) -> dict[str, Any]:
    name = unique_name("jane")
    return await register(client, username=name, email=f"{name}@example.com")
