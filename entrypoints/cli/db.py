"""``folio db``: the database schema."""

import asyncio
from typing import Annotated

import typer
from alembic.util import CommandError
from sqlalchemy.exc import SQLAlchemyError

from adapters.sqlalchemy import migrate
from adapters.sqlalchemy.engine import create_engine
from adapters.sqlalchemy.visible_counts import recount
from entrypoints.cli.console import fail, load_settings, redacted

app = typer.Typer(help="Manage the database schema.", no_args_is_help=True)


@app.command()
def upgrade(
    revision: Annotated[str, typer.Option(help="Alembic revision to migrate to.")] = "head",
) -> None:
    """Migrate the database at FOLIO_DATABASE_URL up to REVISION."""
    url = load_settings().database_url
    migrate_database(url, revision)
    typer.echo(f"Database {redacted(url)} upgraded to {revision}.")


def migrate_database(url: str, revision: str = "head") -> None:
    """Run the migrations, failing with a message (not a traceback) if the database refuses."""
    try:
        migrate.upgrade(url, revision=revision)
    except (CommandError, SQLAlchemyError, OSError) as error:
        fail(f"could not migrate {redacted(url)}: {error}")


@app.command("recount-tags")
def recount_tags() -> None:
    """Count the visible posts and their tags again, from the posts. Needed once after a
    deploy during which code older than revision 0019 (which kept no tag counts) or 0020 (no
    total of visible posts) wrote posts."""
    url = load_settings().database_url
    try:
        asyncio.run(_recount(url))
    except (SQLAlchemyError, OSError) as error:
        fail(f"could not recount the posts and tags of {redacted(url)}: {error}")
    typer.echo(f"Visible posts and tags of {redacted(url)} recounted.")


async def _recount(url: str) -> None:
    engine = create_engine(url, pool_size=1)
    try:
        async with engine.begin() as connection:
            await recount(connection)
    finally:
        await engine.dispose()
