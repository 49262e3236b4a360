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
from application.social.add_comment import AddCommentCommand
from application.users.register_user import RegisterUserCommand
from application.users.update_profile import UpdateProfileCommand
from domain.errors import DomainError, InvalidValue
from domain.ids import PostId, UserId
from domain.roles import Actor, Role
from entrypoints.cli.console import fail, load_settings, warn
from entrypoints.cli.demo_data import COMMENTS, FAVOURITES, FOLLOWS, POSTS, USERS
from entrypoints.container import Container, close
from entrypoints.settings import Settings

app = typer.Typer(help="Demo data for trying Folio out.", no_args_is_help=True)


@app.command()
def seed(
    force: Annotated[
        bool, typer.Option("--force", help="Add the demo data even if the database has users.")
    ] = False,
) -> None:
    """Create demo users (passwords printed once) and their posts, with tags and a draft,
    follows, favourites and comments."""
    settings = load_settings()
    if settings.storage == "memory":
        warn("FOLIO_STORAGE is memory: the demo data is lost when this command exits")
    try:
        passwords = asyncio.run(_seed(settings, force))
    except (DomainError, ApplicationError) as error:
        fail(str(error))
    except StorageError as error:
        fail(f"{error} (is the database migrated? run `folio db upgrade`)")
    typer.echo(
        f"Created {len(USERS)} users, {len(POSTS)} posts, {len(FOLLOWS)} follows, "
        f"{len(FAVOURITES)} favourites and {len(COMMENTS)} comments. Log in with:"
    )
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


# Draws of a random password per demo user: one is refused (it holds the user's name or
# e-mail address) about once in 2,000 draws.
PASSWORD_DRAWS = 5


def draw_password() -> str:
    """A random password for a demo user: 16 URL-safe characters (96 bits)."""
    return secrets.token_urlsafe(12)


async def _create(container: Container) -> dict[str, str]:
    passwords: dict[str, str] = {}
    authors: dict[str, Actor] = {}
    for user in USERS:
        for _ in range(PASSWORD_DRAWS):
            passwords[user.username] = draw_password()
            command = RegisterUserCommand(
                email=user.email,
                name=user.name,
                password=passwords[user.username],
                age=user.age,
                username=user.username,
            )
            try:
                view = await container.register_user()(command)
                break
            except InvalidValue as refused:  # rarely, the draw holds "ada" or "grace"
                if refused.field != "password":
                    raise
        else:
            fail(f"no random password for {user.username} passed the password policy")
        authors[user.username] = Actor(UserId(view.id), Role.USER, email_verified=True)
        if user.bio:
            profile = UpdateProfileCommand(bio=user.bio)
            await container.update_profile()(authors[user.username], profile)
    posts: dict[str, PostId] = {}
    for post in POSTS:
        writing = CreatePostCommand(
            title=post.title, content=post.content, published=post.published, tags=post.tags
        )
        posts[post.title] = (await container.create_post()(authors[post.author], writing)).id
    await _socialise(container, authors, posts)
    return passwords


async def _socialise(
    container: Container, people: dict[str, Actor], posts: dict[str, PostId]
) -> None:
    for follower, followed in FOLLOWS:
        await container.social.follow_user()(people[follower], followed)
    for fan, title in FAVOURITES:
        await container.social.favorite_post()(people[fan], posts[title])
    for comment in COMMENTS:
        said = AddCommentCommand(body=comment.body)
        await container.social.add_comment()(people[comment.author], posts[comment.post], said)
