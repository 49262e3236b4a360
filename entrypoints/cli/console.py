"""What every command shares: settings from the environment, and failing without a traceback."""

from typing import NoReturn

import typer
from pydantic import ValidationError
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from entrypoints.settings import Settings


def fail(message: str) -> NoReturn:
    """Print ``message`` to stderr and exit with status 1."""
    typer.secho(f"Error: {message}", err=True, fg=typer.colors.RED)
    raise typer.Exit(code=1)


def warn(message: str) -> None:
    typer.secho(f"Warning: {message}", err=True, fg=typer.colors.YELLOW)


def load_settings() -> Settings:
    """Settings from FOLIO_* variables and .env; a bad value fails with the variable's name."""
    try:
        return Settings()
    except ValidationError as error:
        problems = "; ".join(
            # A rule across settings (a model validator) names its variables itself.
            (f"FOLIO_{str(problem['loc'][0]).upper()}: " if problem["loc"] else "")
            + _message(problem["msg"])
            for problem in error.errors()
        )
        fail(f"invalid settings: {problems}")


def is_sqlite(url: str) -> bool:
    try:
        return make_url(url).get_backend_name() == "sqlite"
    except ArgumentError:
        return False


def redacted(url: str) -> str:
    """The URL with any password hidden, fit to print."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "<unparsable database URL>"


def _message(pydantic_message: str) -> str:
    return pydantic_message.removeprefix("Value error, ")
