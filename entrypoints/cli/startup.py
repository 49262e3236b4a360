"""What ``folio serve`` checks of the database before it starts any worker."""

import asyncio

from sqlalchemy.exc import SQLAlchemyError

from adapters.sqlalchemy.engine import create_engine
from adapters.sqlalchemy.errors import is_unavailable
from adapters.sqlalchemy.migrate import head_revision
from adapters.sqlalchemy.readiness import current_revision, revision_problem
from entrypoints.cli.console import fail, redacted, warn
from entrypoints.settings import Settings


def check_schema(settings: Settings) -> None:
    """Refuse (one line, exit 1) a database that is not at the latest revision. A database that
    cannot be reached only warns: it may come up after Folio, and /readyz tells when it does."""
    url = settings.database_url
    try:
        current = asyncio.run(_current_revision(settings))
    except (SQLAlchemyError, OSError) as error:
        if not is_unavailable(error):
            fail(f"cannot read the schema revision of {redacted(url)} ({type(error).__name__})")
        warn(f"the database {redacted(url)} cannot be reached yet; /readyz reports when it can")
        return
    problem = revision_problem(current, head_revision())
    if problem is not None:
        fail(f"{problem.replace('the database', f'the database {redacted(url)}', 1)} first")


async def _current_revision(settings: Settings) -> str | None:
    engine = create_engine(
        settings.database_url,
        pool_size=1,
        pool_timeout=settings.db_connect_timeout,
        connect_timeout=settings.db_connect_timeout,
        statement_timeout=settings.db_statement_timeout,
    )
    try:
        async with engine.connect() as connection:
            return await current_revision(connection)
    finally:
        await engine.dispose()
