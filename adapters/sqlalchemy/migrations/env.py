"""Alembic's environment: runs migrations on an async engine made by engine.create_engine.

The URL comes from the config's ``sqlalchemy.url`` (set by migrate.py), else from the
FOLIO_DATABASE_URL environment variable (for developers running the ``alembic`` command).
"""

import asyncio
import os
from logging.config import fileConfig
from typing import Any, Literal

from alembic import context
from alembic.autogenerate.api import AutogenContext
from sqlalchemy import event
from sqlalchemy.engine import Connection
from sqlalchemy.pool import ConnectionPoolEntry

from adapters.sqlalchemy.column_types import UTCDateTime
from adapters.sqlalchemy.engine import create_engine
from adapters.sqlalchemy.search import is_search_table
from adapters.sqlalchemy.tables import metadata

DEFAULT_URL = "sqlite+aiosqlite:///./folio.db"


def database_url() -> str:
    configured = context.config.get_main_option("sqlalchemy.url")
    return configured or os.environ.get("FOLIO_DATABASE_URL") or DEFAULT_URL


def run_offline() -> None:
    context.configure(
        url=database_url(),
        target_metadata=metadata,
        literal_binds=True,
        dialect_opts={"paramstyle": "named"},
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_on(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        render_item=render_item,
        include_name=_not_search,
    )
    with context.begin_transaction():
        context.run_migrations()


async def run_online() -> None:
    engine = create_engine(database_url(), pool_size=1)
    if engine.dialect.name == "sqlite":
        # SQLite rebuilds a table to alter it (batch mode); with foreign keys on, dropping the old
        # table would cascade deletes into the tables that refer to it.
        event.listen(engine.sync_engine, "connect", _sqlite_foreign_keys_off)
    try:
        async with engine.connect() as connection:
            await connection.run_sync(run_on)
    finally:
        await engine.dispose()


def render_item(kind: str, item: Any, _context: AutogenContext) -> str | Literal[False]:
    """Autogenerate writes the stored type, so migrations do not import the adapter's types."""
    if kind == "type" and isinstance(item, UTCDateTime):
        return "sa.DateTime(timezone=True)"
    return False


def _not_search(name: str | None, kind: str, _parents: Any) -> bool:
    """Autogenerate leaves the search tables alone: each database has its own (migration 0007)."""
    return not (kind in ("table", "index") and is_search_table(name))


def _sqlite_foreign_keys_off(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys=OFF")
    finally:
        cursor.close()


if context.config.config_file_name is not None:  # the developers' alembic.ini
    fileConfig(context.config.config_file_name, disable_existing_loggers=False)
if context.is_offline_mode():
    run_offline()
else:
    asyncio.run(run_online())
