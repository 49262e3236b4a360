"""The post repository's contract, on every backend."""

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from application.ports.repositories import PostFilter
from domain.errors import SlugAlreadyTaken
from domain.posts.policy import ContentPolicy
from domain.posts.values import Content, Slug, Tags, Title
from domain.users.user import User
from tests.builders import NOW, make_post, make_user
from tests.integration.backends import UowFactory
from tests.integration.helpers import assert_utc, listed, state_of, store

POLICY = ContentPolicy.of()


@pytest.mark.parametrize(
    "overrides",
    [
        pytest.param({"tags": ["zeta", "alpha", "Mid Dle"]}, id="tags-in-order"),
        pytest.param({"tags": []}, id="no-tags"),
        pytest.param({"publish": False}, id="draft"),
        pytest.param(
            {"title": "Ünïcode — «title» 名前", "content": "Ça marche.\n\n" + "x" * 5000},
            id="unicode-and-long-content",
        ),
        pytest.param({"now": datetime(2030, 1, 2, 3, 4, 5, 678901, tzinfo=UTC)}, id="microseconds"),
    ],
)
async def test_a_post_comes_back_with_every_field(
    new_uow: UowFactory, author: User, overrides: dict[str, Any]
) -> None:
    post = make_post(author_id=author.id, **overrides)
    await store(new_uow, post)

    async with new_uow() as uow:
        found = await uow.posts.get(post.id)

    assert found is not None
    assert state_of(found) == state_of(post)
    assert_utc(found.created_at, found.updated_at, found.published_at)


async def test_get_of_an_unknown_post_is_none(new_uow: UowFactory) -> None:
    async with new_uow() as uow:
        assert await uow.posts.get(make_post().id) is None


async def test_taken_slugs_are_reported(new_uow: UowFactory, author: User) -> None:
    await store(new_uow, make_post(author_id=author.id, slug="taken-slug"))

    async with new_uow() as uow:
        assert await uow.posts.slug_taken(Slug("taken-slug"))
        assert not await uow.posts.slug_taken(Slug("free-slug"))


async def test_changes_to_a_loaded_post_are_saved(new_uow: UowFactory, author: User) -> None:
    post = make_post(author_id=author.id, tags=["one", "two", "three"])
    await store(new_uow, post)
    later = NOW + timedelta(days=3)

    async with new_uow() as uow:
        loaded = await uow.posts.get(post.id)
        assert loaded is not None
        loaded.edit(
            title=Title("A new title"),
            content=Content("New content here."),
            policy=POLICY,
            now=later,
        )
        loaded.retag(Tags.of(["three", "four", "one"]), now=later)
        loaded.unpublish(now=later)
        await uow.commit()

    async with new_uow() as uow:
        found = await uow.posts.get(post.id)
    assert found is not None
    assert (found.title.value, found.content.value) == ("A new title", "New content here.")
    assert found.tags.as_strings() == ["three", "four", "one"]
    assert (found.published_at, found.updated_at, found.slug) == (None, later, post.slug)


async def test_a_removed_post_is_gone(new_uow: UowFactory, author: User) -> None:
    kept, removed = make_post(author_id=author.id), make_post(author_id=author.id, tags=["x"])
    await store(new_uow, kept, removed)

    async with new_uow() as uow:
        loaded = await uow.posts.get(removed.id)
        assert loaded is not None
        loaded.delete(now=NOW)
        await uow.posts.remove(loaded)
        await uow.commit()

    async with new_uow() as uow:
        assert await uow.posts.get(removed.id) is None
        assert not await uow.posts.slug_taken(removed.slug)
    assert [p.id for p in await listed(new_uow)] == [kept.id]
    assert await listed(new_uow, PostFilter(tag="x")) == []
    assert [event.name for event in new_uow.publisher.recent][-1] == "post_deleted"


async def test_a_slug_clash_at_commit_raises_the_domain_error_and_writes_nothing(
    new_uow: UowFactory, author: User
) -> None:
    existing = make_post(author_id=author.id, slug="the-slug")
    await store(new_uow, existing)
    newcomer, bystander = make_user(), make_post(author_id=author.id)

    with pytest.raises(SlugAlreadyTaken):
        await store(new_uow, newcomer, bystander, make_post(author_id=author.id, slug="the-slug"))

    assert [p.id for p in await listed(new_uow)] == [existing.id]
    async with new_uow() as uow:
        assert await uow.users.get(newcomer.id) is None
