import sqlite3
from typing import Any

import pytest

from entrypoints.cli import serve
from entrypoints.logs import logging_config
from tests.cli.conftest import Folio


class UvicornStandIn:
    """Takes uvicorn's place: records how it was asked to serve, and what the database held."""

    def __init__(self, folio: Folio) -> None:
        self.folio = folio
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.tables_at_start: set[str] = set()

    def run(self, app: str, **options: Any) -> None:
        self.calls.append((app, options))
        if self.folio.database.exists():
            with sqlite3.connect(self.folio.database) as connection:
                rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
                self.tables_at_start = {name for (name,) in rows}


@pytest.fixture
def uvicorn(folio: Folio, monkeypatch: pytest.MonkeyPatch) -> UvicornStandIn:
    stand_in = UvicornStandIn(folio)
    monkeypatch.setattr(serve.uvicorn, "run", stand_in.run)
    return stand_in


def test_serves_the_app_factory_with_the_options_given(
    folio: Folio, uvicorn: UvicornStandIn, caplog: pytest.LogCaptureFixture
):
    folio.setenv(FOLIO_STORAGE="memory", FOLIO_LOG_LEVEL="WARNING")

    result = folio("serve", "--host", "192.0.2.10", "--port", "9999", "--workers", "3", "--reload")

    assert result.exit_code == 0, result.output
    assert uvicorn.calls == [
        (
            "entrypoints.http.app:create_app",
            {
                "factory": True,
                "host": "192.0.2.10",
                "port": 9999,
                "workers": 3,
                "reload": True,
                "log_level": "warning",
                "ws_ping_interval": 20.0,
                "ws_ping_timeout": 20.0,
                "log_config": logging_config("WARNING", "text"),
                "access_log": False,
                "timeout_graceful_shutdown": 20,
                "timeout_worker_healthcheck": serve.WORKER_HEALTHCHECK_SECONDS,
                "server_header": False,
                "proxy_headers": False,
            },
        )
    ]
    assert "memory storage is per process: each worker keeps its own" in caplog.text


def test_several_workers_without_redis_are_warned_that_they_share_nothing(
    folio: Folio, uvicorn: UvicornStandIn, caplog: pytest.LogCaptureFixture
):
    def warnings_of(*arguments: str) -> str:
        caplog.clear()
        assert folio("serve", *arguments).exit_code == 0
        return " ".join(r.getMessage() for r in caplog.records if r.name == "folio.serve")

    alone = warnings_of("--workers", "2")
    folio.setenv(FOLIO_REDIS_URL="redis://127.0.0.1:6379/0")
    shared = warnings_of("--workers", "2")
    folio.monkeypatch.delenv("FOLIO_REDIS_URL")
    single = warnings_of()

    assert alone.startswith("without FOLIO_REDIS_URL each worker keeps its own rate-limit")
    assert (shared, single) == ("", "")


def test_defaults_to_localhost_8000_with_one_worker(folio: Folio, uvicorn: UvicornStandIn):
    folio.setenv(FOLIO_STORAGE="memory")

    assert folio("serve").exit_code == 0

    _, options = uvicorn.calls[0]
    assert (options["host"], options["port"], options["workers"], options["reload"]) == (
        "127.0.0.1",
        8000,
        1,
        False,
    )


def test_migrates_a_sqlite_database_before_serving(folio: Folio, uvicorn: UvicornStandIn):
    result = folio("serve")

    assert result.exit_code == 0, result.output
    assert {"users", "posts", "alembic_version"} <= uvicorn.tables_at_start


def test_leaves_other_databases_to_folio_db_upgrade(folio: Folio, uvicorn: UvicornStandIn):
    folio.setenv(FOLIO_DATABASE_URL="postgresql+asyncpg://folio@127.0.0.1:9/folio")

    result = folio("serve")  # port 9 has no server: any migration attempt would fail

    assert result.exit_code == 0, result.output
    assert len(uvicorn.calls) == 1


def test_development_makes_the_secret_file_before_workers_start(
    folio: Folio, uvicorn: UvicornStandIn
):
    folio.monkeypatch.delenv("FOLIO_JWT_SECRET")
    folio.setenv(FOLIO_STORAGE="memory", FOLIO_JWT_SECRET_FILE=str(folio.database.parent / "s"))

    assert folio("serve", "--workers", "2").exit_code == 0

    assert (folio.database.parent / "s").read_text().strip()


@pytest.mark.parametrize(
    ("secret", "message"),
    [
        pytest.param(None, "FOLIO_JWT_SECRET must be set in production", id="missing"),
        pytest.param(
            "changeme", "FOLIO_JWT_SECRET must be at least 32 characters for HS256", id="short"
        ),
        pytest.param("x" * 40, "FOLIO_JWT_SECRET is a well-known or trivial value", id="trivial"),
    ],
)
def test_refuses_insecure_production_settings_without_a_traceback(
    folio: Folio, uvicorn: UvicornStandIn, secret: str | None, message: str
):
    folio.monkeypatch.delenv("FOLIO_JWT_SECRET")
    if secret is not None:
        folio.setenv(FOLIO_JWT_SECRET=secret)
    folio.setenv(FOLIO_ENV="production")

    result = folio("serve")

    assert result.exit_code == 1
    assert f"Error: {message}" in result.stderr
    assert "Traceback" not in result.output
    assert uvicorn.calls == []
    assert not folio.database.exists()  # refused before migrating anything
