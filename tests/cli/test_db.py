import sqlite3
from pathlib import Path

from tests.cli.conftest import Folio


def _tables(database: Path) -> set[str]:
    with sqlite3.connect(database) as connection:
        rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        return {name for (name,) in rows}


def test_upgrade_creates_the_schema(folio: Folio):
    result = folio("db", "upgrade")

    assert result.exit_code == 0, result.output
    assert "upgraded to head" in result.output
    assert {"users", "posts", "alembic_version"} <= _tables(folio.database)


def test_upgrade_twice_is_harmless(folio: Folio):
    assert folio("db", "upgrade").exit_code == 0

    assert folio("db", "upgrade", "--revision", "head").exit_code == 0


def test_an_unknown_revision_fails_with_a_message(folio: Folio):
    result = folio("db", "upgrade", "--revision", "no-such-revision")

    assert result.exit_code == 1
    assert "could not migrate" in result.stderr
    assert "Traceback" not in result.output


def test_an_unreachable_database_fails_with_a_message_that_hides_the_password(folio: Folio):
    # A server that is not there (port 9 is discard). An unopenable SQLite file would do too,
    # but aiosqlite 0.22's worker thread then races the closed loop (omnilib/aiosqlite#389).
    folio.setenv(FOLIO_DATABASE_URL="postgresql+asyncpg://folio:hunter2@127.0.0.1:9/folio")

    result = folio("db", "upgrade")

    assert result.exit_code == 1
    assert "could not migrate postgresql+asyncpg://folio:***@127.0.0.1:9/folio" in result.stderr
    assert "hunter2" not in result.output


def test_bad_settings_fail_naming_the_variable(folio: Folio):
    folio.setenv(FOLIO_STORAGE="floppy-disk")

    result = folio("db", "upgrade")

    assert result.exit_code == 1
    assert "FOLIO_STORAGE" in result.stderr
