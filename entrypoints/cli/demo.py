"""``folio demo seed``: fill an empty database with demo users and posts, so a newcomer can
click around at once. The users' passwords are made up here and printed once."""

import asyncio
import secrets
from typing import Annotated
from uuid import UUID

import typer
from dependency_injector import providers

from adapters.sqlalchemy.errors import StorageError
from application.errors import ApplicationError
from application.pagination import PageRequest
from application.posts.create_post import CreatePostCommand
from application.users.register_user import RegisterUserCommand
from domain.errors import DomainError
from domain.ids import UserId
from domain.roles import Actor, Role
from entrypoints.cli.console import fail, load_settings, warn
from entrypoints.cli.demo_data import POSTS, USERS
from entrypoints.container import Container, close
from entrypoints.settings import Settings

app = typer.Typer(help="Demo data for trying Folio out.", no_args_is_help=True)


@app.command()
def seed(
    force: Annotated[
        bool, typer.Option("--force", help="Add the demo data even if the database has users.")
    ] = False,
) -> None:
    """Create demo users (passwords printed once) and their posts, with tags and a draft."""
    settings = load_settings()
    if settings.storage == "memory":
        warn("FOLIO_STORAGE is memory: the demo data is lost when this command exits")
    try:
        passwords = asyncio.run(_seed(settings, force))
    except (DomainError, ApplicationError) as error:
        fail(str(error))
    except StorageError as error:
        fail(f"{error} (is the database migrated? run `folio db upgrade`)")
    typer.echo(f"Created {len(USERS)} users and {len(POSTS)} posts. Log in with:")
    for user in USERS:
        typer.echo(f"  {user.email:<22} {passwords[user.username]}")
    typer.echo("These passwords are shown only now.")


async def _seed(settings: Settings, force: bool) -> dict[str, str]:
    container = Container(settings=providers.Object(settings))
    try:
        existing = await _user_count(container)
        if existing and not force:
            fail(
                f"the database is not empty ({existing} users); pass --force to add the demo "
                "data anyway"
            )
        return await _create(container)
    finally:
        await close(container)


async def _user_count(container: Container) -> int:
    everyone = Actor(UserId(UUID(int=0)), Role.ADMIN)  # an admin sees deactivated users too
    return (await container.list_users()(PageRequest(limit=1), everyone)).total


async def _create(container: Container) -> dict[str, str]:
    passwords: dict[str, str] = {}
    authors: dict[str, Actor] = {}
    for user in USERS:
        passwords[user.username] = secrets.token_urlsafe(12)
        command = RegisterUserCommand(
            email=user.email,
            name=user.name,
            password=passwords[user.username],
            age=user.age,
            username=user.username,
        )
        view = await container.register_user()(command)
        authors[user.username] = Actor(UserId(view.id), Role.USER, email_verified=True)
    for post in POSTS:
        writing = CreatePostCommand(
            title=post.title, content=post.content, published=post.published, tags=post.tags
        )
        await container.create_post()(authors[post.author], writing)
    return passwords
