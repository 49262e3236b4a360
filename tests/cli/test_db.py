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


def test_recount_tags_counts_the_visible_posts_and_their_tags_again(folio: Folio):
    assert folio("db", "upgrade").exit_code == 0
    with sqlite3.connect(folio.database) as connection:
        connection.execute(
            "INSERT INTO users (id, email, username, username_key, name, role, is_active,"
            " password_hash, created_at, updated_at) VALUES ('u1', 'a@b.io', 'a', 'a', 'A',"
            " 'user', 1, 'x', '2024-01-01', '2024-01-01')"
        )
        for post, published, hidden in [
            ("p1", "2024-01-01", None),
            ("p2", "2024-01-01", None),
            ("p3", None, None),
            ("p4", "2024-01-01", "2024-01-02"),
        ]:
            connection.execute(
                "INSERT INTO posts (id, author_id, title, slug, content, created_at, updated_at,"
                " published_at, hidden_at) VALUES (?, 'u1', 'T', ?, 'C', '2024-01-01',"
                " '2024-01-01', ?, ?)",
                (post, post, published, hidden),
            )
            connection.execute(
                "INSERT INTO post_tags (post_id, tag, position) VALUES (?, 'a', 0), (?, ?, 1)",
                (post, post, f"only-{post}"),
            )
        connection.execute("INSERT INTO tag_counts (tag, uses) VALUES ('stale', 7), ('a', 1)")
        connection.execute("UPDATE post_totals SET posts = 9")

    result = folio("db", "recount-tags")

    assert result.exit_code == 0, result.output
    assert "recounted" in result.output
    with sqlite3.connect(folio.database) as connection:
        counts = dict(connection.execute("SELECT tag, uses FROM tag_counts"))
        totals = dict(connection.execute("SELECT name, posts FROM post_totals"))
    assert counts == {"a": 2, "only-p1": 1, "only-p2": 1}
    assert totals == {"visible": 2}
