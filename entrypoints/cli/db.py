"""``folio db``: the database schema."""

from typing import Annotated

import typer
from alembic.util import CommandError
from sqlalchemy.exc import SQLAlchemyError

from adapters.sqlalchemy import migrate
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
