"""``folio users list|deactivate|reactivate|set-role|end-sessions``: the admin routes' use
cases, run by the operator of the host (recorded in the audit trail with no user as actor).
USER is an id, an e-mail or a username."""

import asyncio
from collections.abc import Awaitable, Callable
from typing import Annotated, TypeVar

import typer
from dependency_injector import providers

from adapters.sqlalchemy.errors import StorageError
from application.errors import ApplicationError
from application.pagination import PageRequest
from application.users.views import UserView
from domain.errors import DomainError
from domain.ids import UserId
from domain.roles import Actor, Role
from entrypoints.cli.console import fail, load_settings
from entrypoints.cli.users import app
from entrypoints.container import Container, close

T = TypeVar("T")
OPERATOR = Actor.operator()
UserArg = Annotated[str, typer.Argument(help="The user's id, e-mail or username.")]
ReasonOption = Annotated[
    str | None, typer.Option(help="Why; kept in the audit trail.", show_default=False)
]


def run(action: Callable[[Container], Awaitable[T]]) -> T:
    """Run ``action`` on a container from the environment; domain errors end the command."""

    async def main() -> T:
        container = Container(settings=providers.Object(load_settings()))
        try:
            return await action(container)
        finally:
            await close(container)

    try:
        return asyncio.run(main())
    except (DomainError, ApplicationError) as error:
        fail(str(error))
    except StorageError as error:
        fail(f"{error} (is the database migrated? run `folio db upgrade`)")


async def user_id_of(container: Container, ref: str) -> UserId:
    found: UserView = await container.admin.find_user()(OPERATOR, ref)
    return found.id


def describe(user: UserView) -> str:
    state = "active" if user.is_active else "deactivated"
    role = "" if user.role is None else user.role.value  # admins always see it
    return f"{user.id}  {user.username}  <{user.email}>  {role}  {state}"


@app.command("list")
def list_users(
    query: Annotated[
        str | None, typer.Option("--query", "-q", help="An e-mail or username prefix.")
    ] = None,
    limit: Annotated[int, typer.Option(min=1, max=PageRequest.MAX_LIMIT)] = 20,
    skip: Annotated[int, typer.Option(min=0)] = 0,
) -> None:
    """List users, deactivated ones too, oldest first; --query keeps those whose e-mail or
    username starts with it."""

    async def action(container: Container) -> None:
        page = await container.admin.search_users()(
            OPERATOR, query, PageRequest(skip=skip, limit=limit)
        )
        for user in page.items:
            typer.echo(describe(user))
        typer.echo(f"{len(page.items)} of {page.total} user(s)")

    run(action)


@app.command("deactivate")
def deactivate(user: UserArg, reason: ReasonOption = None) -> None:
    """Deactivate a user: their sessions end and they cannot log in (never the last admin)."""

    async def action(container: Container) -> UserView:
        user_id = await user_id_of(container, user)
        view: UserView = await container.deactivate_user()(OPERATOR, user_id, reason)
        return view

    typer.echo(f"Deactivated {describe(run(action))}")


@app.command("reactivate")
def reactivate(user: UserArg, reason: ReasonOption = None) -> None:
    """Let a deactivated user log in again."""

    async def action(container: Container) -> UserView:
        user_id = await user_id_of(container, user)
        view: UserView = await container.admin.reactivate_user()(OPERATOR, user_id, reason)
        return view

    typer.echo(f"Reactivated {describe(run(action))}")


@app.command("set-role")
def set_role(
    user: UserArg,
    role: Annotated[Role, typer.Argument(help="The new role.")],
    reason: ReasonOption = None,
) -> None:
    """Give a user another role; their sessions end (the last admin cannot be demoted)."""

    async def action(container: Container) -> UserView:
        user_id = await user_id_of(container, user)
        view: UserView = await container.admin.change_role()(OPERATOR, user_id, role, reason)
        return view

    typer.echo(f"Changed role: {describe(run(action))}")


@app.command("end-sessions")
def end_sessions(user: UserArg, reason: ReasonOption = None) -> None:
    """End every live session of a user: their tokens stop working at once."""

    async def action(container: Container) -> int:
        user_id = await user_id_of(container, user)
        ended: int = await container.admin.end_user_sessions()(OPERATOR, user_id, reason)
        return ended

    typer.echo(f"Ended {run(action)} session(s) of {user}.")
