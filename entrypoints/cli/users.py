"""``folio users``: accounts that cannot be made through the API."""

import asyncio
import sys
from typing import Annotated

import typer
from dependency_injector import providers

from adapters.sqlalchemy.errors import StorageError
from application.errors import ApplicationError
from application.users.register_user import RegisterUserCommand
from application.users.views import UserView
from domain.errors import DomainError
from domain.roles import Role
from entrypoints.cli.console import fail, load_settings, warn
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
