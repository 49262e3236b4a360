"""Every security test runs with DEBUG logs captured, and fails if any log line at any
level holds a secret it used: an e-mail address, a password, a token or a password hash."""

import logging
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from entrypoints.container import Container
from tests.e2e.conftest import BACKENDS, make_container, storage_settings
from tests.e2e.helpers import PASSWORD

# Every e-mail the suites make ends so; tokens are JWTs; hashes are argon2id.
SECRET_PATTERNS = [
    re.compile(r"[\w.+-]+@example\.com", re.IGNORECASE),
    re.compile(r"eyJ[\w-]{10,}\.[\w-]{10,}"),
    re.compile(r"\$argon2id?\$"),
    re.compile(re.escape(PASSWORD)),
    re.compile(r"hunter2|a brand new secret|alice-in-wonderland|password123"),
]


def secrets_in(text: str) -> list[str]:
    return [match.group(0) for pattern in SECRET_PATTERNS for match in pattern.finditer(text)]


@pytest.fixture(autouse=True)
def no_secret_in_any_log(caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.DEBUG, logger="sqlalchemy")  # pools and connections
    caplog.set_level(logging.DEBUG, logger="sqlalchemy.engine")  # statements (rows: see logs.py)
    yield
    records = caplog.get_records("setup") + caplog.get_records("call")
    logged = "\n".join(
        f"{record.name} {record.getMessage()} {record.exc_text or ''}" for record in records
    )
    assert secrets_in(logged) == [], "a secret was logged"


@pytest.fixture(params=BACKENDS)
def container(request: pytest.FixtureRequest, tmp_path: Path) -> Container:
    """As the e2e suite's, with Folio's own loggers at DEBUG too."""
    return make_container(log_level="DEBUG", **storage_settings(request.param, tmp_path))
