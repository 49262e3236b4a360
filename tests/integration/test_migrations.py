"""The migrations build exactly the schema that tables.py describes, fill what they add from
the data there is, and can be undone."""

import asyncio
import sqlite3

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Connection, Select, inspect, make_url, select

from adapters.sqlalchemy.engine import create_engine
from adapters.sqlalchemy.migrate import downgrade, upgrade
from adapters.sqlalchemy.search import is_search_table
from adapters.sqlalchemy.tables import metadata, post_totals, tag_counts
from domain.admin.reason import Reason
from tests.builders import NOW, make_post, make_user
from tests.integration.backends import Database, open_backend
from tests.integration.helpers import store

CONSTRAINTS = {
    "users": {"pk_users", "uq_users_email", "uq_users_username_key"},
    "posts": {"pk_posts", "uq_posts_slug", "fk_posts_author_id_users"},
    "post_tags": {"pk_post_tags", "fk_post_tags_post_id_posts"},
    "tag_counts": {"pk_tag_counts"},
    "post_totals": {"pk_post_totals"},
    "outbox": {"pk_outbox", "uq_outbox_event_id"},
    "processed_events": {"pk_processed_events", "fk_processed_events_event_id_outbox"},
    "relay_leases": {"pk_relay_leases"},
    "follows": {"pk_follows", "fk_follows_follower_id_users", "fk_follows_followee_id_users"},
    "favorites": {"pk_favorites", "fk_favorites_user_id_users", "fk_favorites_post_id_posts"},
    "comments": {"pk_comments", "fk_comments_post_id_posts", "fk_comments_author_id_users"},
    "notifications": {"pk_notifications", "fk_notifications_recipient_id_users"},
    "sessions": {"pk_sessions", "uq_sessions_refresh_hash", "fk_sessions_user_id_users"},
    "retired_refresh_tokens": {
        "pk_retired_refresh_tokens",
        "fk_retired_refresh_tokens_session_id_sessions",
    },
    "two_factor": {"pk_two_factor", "fk_two_factor_user_id_users"},
    "user_identities": {"pk_user_identities", "fk_user_identities_user_id_users"},
    "username_reservations": {
        "pk_username_reservations",
        "fk_username_reservations_user_id_users",
    },
    "account_tokens": {
        "pk_account_tokens",
        "uq_account_tokens_digest",
        "fk_account_tokens_user_id_users",
    },
    "idempotency_keys": {"pk_idempotency_keys"},
    "audit_entries": {"pk_audit_entries"},
}


def schema_differences(connection: Connection) -> list[object]:
    """Differences with tables.py, leaving out the search tables: their types exist on one
    database only, so migration 0007 makes them per dialect (adapters/sqlalchemy/search)."""
    context = MigrationContext.configure(connection, opts={"include_name": not_search})
    return list(compare_metadata(context, metadata))


def not_search(name: str | None, kind: str, _parents: object) -> bool:
    return not (kind in ("table", "index") and is_search_table(name))


def constraint_names(connection: Connection) -> dict[str, set[str]]:
    inspector = inspect(connection)
    names: dict[str, set[str]] = {}
    for table in CONSTRAINTS:
        found = {inspector.get_pk_constraint(table)["name"]}
        found |= {uq["name"] for uq in inspector.get_unique_constraints(table)}
        found |= {fk["name"] for fk in inspector.get_foreign_keys(table)}
        names[table] = {name for name in found if name}
    return names


async def test_the_migrated_schema_is_the_schema_of_tables_py(sql_database: Database) -> None:
    assert sql_database.url is not None
    engine = create_engine(sql_database.url)
    try:
        async with engine.connect() as connection:
            differences = await connection.run_sync(schema_differences)
            names = await connection.run_sync(constraint_names)
    finally:
        await engine.dispose()

    assert differences == []
    assert names == CONSTRAINTS


@pytest.mark.parametrize("sql_database", ["sqlite"], indirect=True)
def test_migrations_go_down_to_nothing_and_up_again(sql_database: Database) -> None:
    assert sql_database.url is not None

    path = make_url(sql_database.url).database
    assert path is not None

    downgrade(sql_database.url, "base")
    assert tables_in(path) == {"alembic_version"}
    upgrade(sql_database.url)
    assert {t for t in tables_in(path) if not is_search_table(t)} == {
        "alembic_version",
        *CONSTRAINTS,
    }
    assert "post_search" in tables_in(path)


def tables_in(path: str) -> set[str]:
    connection = sqlite3.connect(path)
    try:
        rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        return {name for (name,) in rows}
    finally:
        connection.close()


def test_the_tag_counts_start_as_the_posts_there_are(sql_database: Database) -> None:
    assert sql_database.url is not None
    asyncio.run(write_posts_of_every_kind(sql_database))

    downgrade(sql_database.url, "0018")
    upgrade(sql_database.url)

    assert asyncio.run(tag_counts_in(sql_database.url)) == {"a": 2, "b": 1}


def test_the_post_total_starts_as_the_visible_posts_there_are(sql_database: Database) -> None:
    assert sql_database.url is not None
    asyncio.run(write_posts_of_every_kind(sql_database))

    downgrade(sql_database.url, "0019")
    upgrade(sql_database.url)

    assert asyncio.run(post_totals_in(sql_database.url)) == {"visible": 2}


async def write_posts_of_every_kind(database: Database) -> None:
    author = make_user()
    hidden = make_post(author_id=author.id, tags=["a", "c"])
    hidden.hide(Reason("spam"), by=None, now=NOW)
    written = [
        make_post(author_id=author.id, tags=["a", "b"]),
        make_post(author_id=author.id, tags=["a"]),
        make_post(author_id=author.id, tags=["a", "d"], publish=False),
        hidden,
    ]
    async with open_backend(database) as new_uow:
        await store(new_uow, author, *written)


async def tag_counts_in(url: str) -> dict[str, int]:
    return await rows_in(url, select(tag_counts))


async def post_totals_in(url: str) -> dict[str, int]:
    return await rows_in(url, select(post_totals))


async def rows_in(url: str, query: Select[tuple[str, int]]) -> dict[str, int]:
    engine = create_engine(url)
    try:
        async with engine.connect() as connection:
            return {key: value for key, value in await connection.execute(query)}
    finally:
        await engine.dispose()
