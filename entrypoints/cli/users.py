"""``folio users``: accounts that cannot be made through the API."""

import asyncio
import sys
from pathlib import Path
from typing import Annotated, Literal

import typer
from dependency_injector import providers

from adapters.sqlalchemy.errors import StorageError
from application.errors import ApplicationError
from application.users.import_users import ImportReport, ImportUsersCommand
from application.users.register_user import RegisterUserCommand
from application.users.views import UserView
from domain.errors import DomainError
from domain.roles import Role
from entrypoints.cli.console import fail, load_settings, warn
from entrypoints.cli.import_file import UnreadableFile, guess_format, read_users
from entrypoints.container import Container, close
from entrypoints.settings import Settings

app = typer.Typer(help="Manage users.", no_args_is_help=True)


@app.command("create-admin")
def create_admin(
    email: Annotated[str, typer.Option(help="E-mail address of the new admin.")],
    name: Annotated[str, typer.Option(help="Display name.")],
    username: Annotated[
        str | None, typer.Option(help="Username; derived from the e-mail when left out.")
    ] = None,
) -> None:
    """Create an administrator.

    The password is asked for twice at a hidden prompt, or read from standard input if piped.
    It is never an argument, where shell history and the process list would show it.
    """
    password = read_password()
    settings = load_settings()
    if settings.storage == "memory":
        warn("FOLIO_STORAGE is memory: the admin is lost when this command exits")
    command = RegisterUserCommand(
        email=email, name=name, password=password, username=username, role=Role.ADMIN
    )
    try:
        admin = asyncio.run(register(settings, command))
    except (DomainError, ApplicationError) as error:
        fail(str(error))
    except StorageError as error:
        fail(f"{error} (is the database migrated? run `folio db upgrade`)")
    typer.echo(f"Created admin {admin.username} <{admin.email}> with id {admin.id}.")


@app.command("import")
def import_users(
    file: Annotated[Path, typer.Argument(help="A JSON or CSV export (see docs/accounts.md).")],
    skip_invalid: Annotated[
        bool, typer.Option("--skip-invalid", help="Import the valid rows even if some are not.")
    ] = False,
    file_format: Annotated[
        Literal["json", "csv"] | None,
        typer.Option("--format", help="json or csv; by default from the file's extension."),
    ] = None,
) -> None:
    """Import users exported from the FastAPI template or fastapi-users.

    Every invalid row is reported with its line and reason. With any invalid row nothing is
    imported, unless --skip-invalid; the rest is imported in one transaction. Imported users
    log in with their old password; a bcrypt hash is replaced by argon2id at their first
    login.
    """
    try:
        text = file.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        fail(f"cannot read {file}: {error}")
    settings = load_settings()
    if settings.storage == "memory":
        warn("FOLIO_STORAGE is memory: the users are lost when this command exits")
    try:
        found = read_users(text, file_format or guess_format(file.name, text))
    except UnreadableFile as error:
        fail(f"{file}: {error}")
    command = ImportUsersCommand(found.rows, found.unreadable, skip_invalid=skip_invalid)
    try:
        report = asyncio.run(run_import(settings, command))
    except (DomainError, ApplicationError) as error:
        fail(f"nothing imported: {error}")
    except StorageError as error:
        fail(f"{error} (is the database migrated? run `folio db upgrade`)")
    for row in report.invalid:
        typer.secho(f"{file}:{row.line}: {row.reason}", err=True)
    say_what_happened(report, skip_invalid)


def say_what_happened(report: ImportReport, skip_invalid: bool) -> None:
    invalid = len(report.invalid)
    if invalid and not skip_invalid:
        fail(f"nothing imported: {invalid} invalid row(s); fix them or use --skip-invalid")
    skipped = f", skipped {invalid} invalid row(s)" if invalid else ""
    typer.echo(f"Imported {report.imported} user(s){skipped}.")


async def run_import(settings: Settings, command: ImportUsersCommand) -> ImportReport:
    container = Container(settings=providers.Object(settings))
    try:
        return await container.import_users()(command)
    finally:
        await close(container)


def stdin_is_terminal() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def read_password() -> str:
    if stdin_is_terminal():
        password: str = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
        return password
    password = sys.stdin.readline().rstrip("\r\n")
    if not password:
        fail("no password given: pipe it to standard input, or run in a terminal to be asked")
    return password


async def register(settings: Settings, command: RegisterUserCommand) -> UserView:
    """Run RegisterUser from a container built on ``settings``, its resources open meanwhile."""
    container = Container(settings=providers.Object(settings))
    try:
        return await container.register_user()(command)
    finally:
        await close(container)
