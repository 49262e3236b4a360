"""Run the Alembic migrations from code: no alembic.ini needed, the URL is passed in."""

from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory

MIGRATIONS = Path(__file__).parent / "migrations"


def alembic_config(url: str) -> Config:
    """An Alembic config for the packaged migrations, aimed at ``url``."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))  # configparser escaping
    return config


def upgrade(url: str, revision: str = "head") -> None:
    """Migrate the database at ``url`` up to ``revision``.

    Runs its own event loop: call it from synchronous code (the CLI, a test fixture), never from
    inside a running loop.
    """
    command.upgrade(alembic_config(url), revision)


def downgrade(url: str, revision: str) -> None:
    """Migrate the database at ``url`` down to ``revision`` ("base" removes every table)."""
    command.downgrade(alembic_config(url), revision)


@cache
def head_revision() -> str:
    """The latest revision of the packaged migrations: what this code expects to run on."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    head = ScriptDirectory.from_config(config).get_current_head()
    if head is None:
        raise RuntimeError("the packaged migrations have no head revision")
    return head
