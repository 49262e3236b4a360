"""``folio demo seed`` fills an empty database with users whose passwords it prints once,
their posts with tags, follows, favourites and comments; it refuses a database that has users
unless told."""

import asyncio
import re

from dependency_injector import providers

from application.auth.log_in import LogInCommand
from application.pagination import PageRequest
from application.posts.list_posts import PostListFilter
from entrypoints.cli.console import load_settings
from entrypoints.cli.demo_data import COMMENTS, FAVOURITES, FOLLOWS, POSTS, USERS
from entrypoints.container import Container, close
from tests.cli.conftest import Folio

CREDENTIAL = re.compile(r"^\s+(\S+@example\.com)\s+(\S+)$", re.MULTILINE)


async def _check(logins: dict[str, str]) -> tuple[int, set[str], int]:
    container = Container(settings=providers.Object(load_settings()))
    try:
        for email, password in logins.items():
            await container.log_in()(LogInCommand(login=email, password=password))
        page = await container.list_posts()(PostListFilter(), PageRequest(limit=100))
        tagged = await container.list_posts()(PostListFilter(tag="ALGORITHMS"), PageRequest())
        return page.total, {tag for post in page.items for tag in post.tags}, tagged.total
    finally:
        await close(container)


def test_seeds_an_empty_database_and_prints_working_passwords(migrated: Folio) -> None:
    result = migrated("demo", "seed")

    assert result.exit_code == 0, result.output
    logins = dict(CREDENTIAL.findall(result.stdout))
    assert set(logins) == {user.email for user in USERS}
    published, tags, about_algorithms = asyncio.run(_check(logins))
    assert published == sum(post.published for post in POSTS)
    assert {"history", "algorithms", "mathematics"} <= tags
    assert about_algorithms == 2
    assert "shown only now" in result.stdout


async def _social() -> tuple[int, str | None, int, list[str]]:
    """Ada's followers and bio, and her first post's favourites and comments."""
    container = Container(settings=providers.Object(load_settings()))
    try:
        ada = await container.social.get_profile()("ada", None)
        page = await container.list_posts()(PostListFilter(), PageRequest(limit=100))
        (engine,) = [p for p in page.items if p.title == "Notes on the Analytical Engine"]
        said = await container.social.list_comments()(engine.id, PageRequest(), None)
        return ada.followers_count, ada.bio, engine.favorites_count, [c.body for c in said.items]
    finally:
        await close(container)


def test_the_demo_people_follow_favourite_and_comment(migrated: Folio) -> None:
    result = migrated("demo", "seed")

    assert result.exit_code == 0, result.output
    assert f"{len(FOLLOWS)} follows, {len(FAVOURITES)} favourites" in result.stdout
    followers, bio, favourites, comments = asyncio.run(_social())
    assert followers == sum(followed == "ada" for _, followed in FOLLOWS) == 3
    assert bio == "Poetical science."
    assert favourites == 3
    on_the_engine = [c.body for c in COMMENTS if c.post == "Notes on the Analytical Engine"]
    assert comments == on_the_engine  # oldest first


def test_refuses_a_database_that_has_users_unless_forced(migrated: Folio) -> None:
    assert migrated("demo", "seed").exit_code == 0

    again = migrated("demo", "seed")
    forced = migrated("demo", "seed", "--force")

    assert again.exit_code == 1
    assert "not empty (4 users); pass --force" in again.stderr
    assert forced.exit_code == 1  # the demo users exist already: nothing is added twice
    assert "already registered" in forced.stderr


def test_an_unmigrated_database_is_named(folio: Folio) -> None:
    result = folio("demo", "seed")

    assert result.exit_code == 1
    assert "folio db upgrade" in result.stderr
    assert "Traceback" not in result.output


def test_a_drawn_password_the_policy_refuses_is_drawn_again(migrated: Folio) -> None:
    """A random password may hold a user's name ("ada"): the demo draws another."""
    draws = iter(["xyADAxyzw0123456", *(f"Rq7-kZ2pW9_t{n:04d}" for n in range(20))])
    migrated.monkeypatch.setattr("entrypoints.cli.demo.draw_password", lambda: next(draws))

    result = migrated("demo", "seed")

    assert result.exit_code == 0, result.output
    logins = dict(CREDENTIAL.findall(result.stdout))
    assert logins["ada@example.com"] == "Rq7-kZ2pW9_t0000"
    asyncio.run(_check(logins))  # every printed password logs in
