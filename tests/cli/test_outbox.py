"""`folio outbox list [--dead]` and `folio outbox retry ID|--all-dead` on a SQLite database."""

import asyncio
from datetime import timedelta
from uuid import UUID, uuid4

from adapters.sqlalchemy.engine import create_engine
from adapters.sqlalchemy.outbox import SqlAlchemyOutbox
from tests.builders import NOW
from tests.cli.conftest import Folio

CREATE = ("users", "create-admin", "--email", "root@example.com", "--name", "Root")


def bury_everything(url: str) -> list[UUID]:
    """What a relay does after the last failed attempt, to every pending entry."""

    async def run() -> list[UUID]:
        engine = create_engine(url)
        try:
            outbox = SqlAlchemyOutbox(engine)
            claimed = await outbox.claim(
                "test", now=NOW.replace(year=2100), lease=timedelta(seconds=1), limit=9
            )
            for entry in claimed:
                await outbox.bury(entry.event_id, "test", attempts=10, error="smtp: refused")
            return [entry.event_id for entry in claimed]
        finally:
            await engine.dispose()

    return asyncio.run(run())


def test_lists_pending_entries_then_dead_ones_and_retries_them(migrated: Folio):
    assert migrated(*CREATE, input="a long admin password\n").exit_code == 0

    pending = migrated("outbox", "list")
    assert pending.exit_code == 0, pending.output
    assert "user_registered" in pending.output
    assert migrated("outbox", "list", "--dead").output.strip() == "No dead entries."

    (event_id,) = bury_everything(migrated.database_url)
    assert migrated("outbox", "list").output.strip() == "No pending entries."
    dead = migrated("outbox", "list", "--dead")
    assert str(event_id) in dead.output
    assert "smtp: refused" in dead.output

    retried = migrated("outbox", "retry", str(event_id))
    assert retried.exit_code == 0, retried.output
    assert "1 dead entry queued again." in retried.output
    assert str(event_id) in migrated("outbox", "list").output

    bury_everything(migrated.database_url)
    assert "1 dead entry queued again." in migrated("outbox", "retry", "--all-dead").output
    assert "0 dead entries queued again." in migrated("outbox", "retry", "--all-dead").output


def test_retry_needs_an_id_or_all_dead_and_a_dead_entry(migrated: Folio):
    assert migrated("outbox", "retry").exit_code == 1
    assert migrated("outbox", "retry", str(uuid4()), "--all-dead").exit_code == 1
    unknown = migrated("outbox", "retry", str(uuid4()))
    assert unknown.exit_code == 1
    assert "no dead entry" in unknown.output
    assert migrated("outbox", "retry", "not-a-uuid").exit_code == 2


def test_an_unmigrated_database_is_reported_without_a_traceback(folio: Folio):
    result = folio("outbox", "list")
    assert result.exit_code == 1
    assert "folio db upgrade" in result.output


def test_a_worker_refuses_memory_storage(folio: Folio):
    folio.setenv(FOLIO_STORAGE="memory")
    result = folio("worker")
    assert result.exit_code == 1
    assert "memory" in result.output
