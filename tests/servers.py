"""Which database servers the suites may use, and how a missing one is reported.

On a developer's machine a suite whose server is not configured is skipped with the reason in
pytest's summary; in CI (FOLIO_TEST_REQUIRE_SERVERS=1) a missing server fails the run instead."""

import os

import pytest

POSTGRES_ENV = "FOLIO_TEST_POSTGRES_URL"


def postgres_url() -> str:
    url = os.environ.get(POSTGRES_ENV)
    if url:
        return url
    reason = f"PostgreSQL suite skipped: {POSTGRES_ENV} is not set (CI sets it; see README)"
    if os.environ.get("FOLIO_TEST_REQUIRE_SERVERS") == "1":
        pytest.fail(reason.replace("skipped", "required"))
    pytest.skip(reason)
