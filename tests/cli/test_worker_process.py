"""`folio worker` as a real process: it drains the outbox and stops cleanly on SIGTERM."""

import asyncio
import os
import signal
import subprocess
import time

import pytest

from adapters.sqlalchemy.engine import create_engine
from adapters.sqlalchemy.outbox import SqlAlchemyOutbox
from tests.cli.conftest import Folio
from tests.cli.test_serve_process import FOLIO

DRAIN_SECONDS = 15


def pending_count(url: str) -> int:
    async def run() -> int:
        engine = create_engine(url)
        try:
            return len(await SqlAlchemyOutbox(engine).entries(dead=False, limit=100))
        finally:
            await engine.dispose()

    return asyncio.run(run())


def test_the_worker_drains_the_outbox_and_stops_on_sigterm(migrated: Folio):
    if not FOLIO.exists():
        pytest.skip("the folio console script is not installed")
    create = ("users", "create-admin", "--email", "root@example.com", "--name", "Root")
    assert migrated(*create, input="a long admin password\n").exit_code == 0
    assert pending_count(migrated.database_url) == 1
    worker = subprocess.Popen(  # noqa: S603 - our own console script
        [str(FOLIO), "worker"],
        env={**os.environ, "FOLIO_OUTBOX_POLL_SECONDS": "0.2"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + DRAIN_SECONDS
        while pending_count(migrated.database_url) and time.monotonic() < deadline:
            assert worker.poll() is None, worker.stdout.read() if worker.stdout else ""
            time.sleep(0.1)
        assert pending_count(migrated.database_url) == 0
    finally:
        worker.send_signal(signal.SIGTERM)
        output, _ = worker.communicate(timeout=15)

    assert worker.returncode == 0, output
    assert "Outbox relay stopped." in output
