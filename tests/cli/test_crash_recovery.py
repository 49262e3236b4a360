"""A real `folio serve` SIGKILLed after a commit and before its delivery: after a restart the
welcome e-mail reaches a real SMTP server (aiosmtpd on loopback) exactly once."""

import os
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.cli.conftest import FAST_ARGON2
from tests.cli.test_serve_process import FOLIO, free_port, wait_for
from tests.settings import TEST_SECRET
from tests.smtp_server import SmtpServer, smtp_server

WELCOME = "Welcome to"  # an account also gets a verification e-mail (docs/accounts.md)


@pytest.fixture
def smtp() -> Iterator[SmtpServer]:
    with smtp_server() as server:
        yield server


def start_server(tmp_path: Path, smtp: SmtpServer, port: int, **env: str) -> subprocess.Popen[str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("FOLIO_")}
    environment.update(
        FOLIO_STORAGE="sql",
        FOLIO_DATABASE_URL=f"sqlite+aiosqlite:///{tmp_path / 'folio.db'}",
        FOLIO_JWT_SECRET=TEST_SECRET,
        FOLIO_EMAIL_BACKEND="smtp",
        FOLIO_SMTP_HOST="127.0.0.1",
        FOLIO_SMTP_PORT=str(smtp.port),
        FOLIO_SMTP_SECURITY="none",
        FOLIO_OUTBOX_POLL_SECONDS="0.2",
        **FAST_ARGON2,
        **env,
    )
    return subprocess.Popen(  # noqa: S603 - our own console script
        [str(FOLIO), "serve", "--port", str(port)],
        cwd=tmp_path,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        text=True,
    )


def test_a_commit_survives_sigkill_and_its_email_is_sent_once(tmp_path: Path, smtp: SmtpServer):
    if not FOLIO.exists():
        pytest.skip(f"the folio console script is not installed next to {FOLIO.parent}")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    # The first process commits but never delivers: its relay is off, then it is killed.
    first = start_server(tmp_path, smtp, port, FOLIO_OUTBOX_RELAY_IN_APP="false")
    try:
        wait_for(f"{url}/docs", first)
        body = {"email": "crash@example.com", "name": "Crash", "password": "correct horse battery"}
        assert httpx.post(f"{url}/users", json=body, timeout=10).status_code == 201
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
    assert first.returncode == -signal.SIGKILL
    time.sleep(0.3)
    assert smtp.mailbox.to("crash@example.com") == []

    second = start_server(tmp_path, smtp, port)
    try:
        wait_for(f"{url}/docs", second)
        delivered = smtp.mailbox.wait_for("crash@example.com", 1, seconds=20, subject=WELCOME)
        time.sleep(1.0)  # time for a duplicate to show up, if there were one
    finally:
        second.terminate()
        second.wait(timeout=15)

    assert len(delivered) == 1
    assert len(smtp.mailbox.to("crash@example.com", WELCOME)) == 1
    assert delivered[0]["Subject"].startswith("Welcome to Folio")
