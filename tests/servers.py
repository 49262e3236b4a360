"""Which database servers the suites may use, and how a missing one is reported.

On a developer's machine a suite whose server is not configured is skipped with the reason in
pytest's summary; in CI (FOLIO_TEST_REQUIRE_SERVERS=1) a missing server fails the run instead."""

import os
from typing import NoReturn

import pytest

POSTGRES_ENV = "FOLIO_TEST_POSTGRES_URL"
REDIS_ENV = "FOLIO_TEST_REDIS_URL"


def postgres_url() -> str:
    return _server_url(POSTGRES_ENV, "PostgreSQL")


def redis_url() -> str:
    """FOLIO_TEST_REDIS_URL (a database the tests may flush), or skip (in CI: fail)."""
    return _server_url(REDIS_ENV, "Redis")


def _server_url(variable: str, server: str) -> str:
    url = os.environ.get(variable)
    if url:
        return url
    missing(f"{server} suite skipped: {variable} is not set (CI sets it; see README)")


def missing(reason: str) -> NoReturn:
    """Skip the test with ``reason`` on a developer's machine; fail it in CI, where every
    server and tool a suite needs must be present (FOLIO_TEST_REQUIRE_SERVERS=1)."""
    if os.environ.get("FOLIO_TEST_REQUIRE_SERVERS") == "1":
        pytest.fail(reason.replace("skipped", "required"))
    pytest.skip(reason)
