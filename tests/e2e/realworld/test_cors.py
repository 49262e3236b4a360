"""CORS for browser front ends: only the origins of FOLIO_CORS_ORIGINS, none by default."""

from collections.abc import AsyncIterator

import pytest
from httpx import AsyncClient
from pydantic import ValidationError

from entrypoints.http.app import create_app
from entrypoints.settings import Settings
from tests.e2e.conftest import make_container, serve
from tests.e2e.realworld.helpers import new_user

FRONT_END = "http://localhost:4200"
PREFLIGHT = {
    "Origin": FRONT_END,
    "Access-Control-Request-Method": "POST",
    "Access-Control-Request-Headers": "authorization,content-type",
}


@pytest.fixture
async def open_to_front_end() -> AsyncIterator[AsyncClient]:
    container = make_container(storage="memory", cors_origins=[FRONT_END])
    async with serve(create_app(container)) as client:
        yield client


@pytest.fixture
async def closed() -> AsyncIterator[AsyncClient]:
    async with serve(create_app(make_container(storage="memory"))) as client:
        yield client


async def test_a_preflight_from_an_allowed_origin_is_answered(
    open_to_front_end: AsyncClient,
) -> None:
    response = await open_to_front_end.options("/api/users", headers=PREFLIGHT)
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == FRONT_END
    allowed_headers = response.headers["access-control-allow-headers"].lower()
    assert "authorization" in allowed_headers
    assert "content-type" in allowed_headers
    assert "POST" in response.headers["access-control-allow-methods"]
    assert "access-control-allow-credentials" not in response.headers


async def test_replies_to_an_allowed_origin_carry_its_header(
    open_to_front_end: AsyncClient,
) -> None:
    headers = {"Origin": FRONT_END}
    created = await open_to_front_end.post("/api/users", json={"user": new_user()}, headers=headers)
    assert created.status_code == 201
    assert created.headers["access-control-allow-origin"] == FRONT_END
    refused = await open_to_front_end.get("/api/user", headers=headers)
    assert refused.status_code == 401
    assert refused.headers["access-control-allow-origin"] == FRONT_END


async def test_other_origins_get_no_cors_headers(open_to_front_end: AsyncClient) -> None:
    preflight = {**PREFLIGHT, "Origin": "https://evil.example"}
    response = await open_to_front_end.options("/api/users", headers=preflight)
    assert response.status_code == 400
    assert "access-control-allow-origin" not in response.headers
    simple = await open_to_front_end.get("/api/user", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in simple.headers


async def test_no_origin_is_allowed_by_default(closed: AsyncClient) -> None:
    response = await closed.options("/api/users", headers=PREFLIGHT)
    assert "access-control-allow-origin" not in response.headers
    simple = await closed.get("/api/user", headers={"Origin": FRONT_END})
    assert "access-control-allow-origin" not in simple.headers


def test_origins_are_read_as_a_json_list(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FOLIO_CORS_ORIGINS", '["http://localhost:4200", "https://x.example/"]')
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    assert settings.cors_origins == ["http://localhost:4200", "https://x.example"]
    monkeypatch.delenv("FOLIO_CORS_ORIGINS")
    assert Settings(_env_file=None).cors_origins == []  # type: ignore[call-arg]


@pytest.mark.parametrize(
    "origin", ["localhost:4200", "http://x.example/path", "ftp://x.example", "javascript:x"]
)
def test_what_is_not_an_origin_is_refused(monkeypatch: pytest.MonkeyPatch, origin: str) -> None:
    monkeypatch.setenv("FOLIO_CORS_ORIGINS", f'["{origin}"]')
    with pytest.raises(ValidationError, match="is not an origin"):
        Settings(_env_file=None)  # type: ignore[call-arg]
