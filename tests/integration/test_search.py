"""Full-text search on every backend: one shared corpus, the same results in the same order."""

from datetime import timedelta

import pytest

from application.pagination import PageRequest
from application.ports.read_model import PostQuery
from domain.ids import PostId
from domain.posts.policy import ContentPolicy
from domain.posts.search import SearchQuery
from domain.posts.values import Title
from domain.users.user import User
from tests.builders import NOW, make_post
from tests.integration.backends import UowFactory
from tests.integration.helpers import store

CORPUS = {
    "engine": dict(
        title="Analytical engine notes",
        content="The machine weaves algebraic patterns.",
        tags=["history"],
    ),
    "steam": dict(
        title="Steam power in mills", content="An engine driven by steam.", tags=["engine", "mills"]
    ),
    "knitting": dict(
        title="Knitting patterns",
        description="Patterns for winter",
        content="Wool and needles make warm scarves.",
        tags=["craft"],
    ),
    "garden": dict(
        title="Gardening diary", content="Tomatoes grow well in the summer sun.", tags=["craft"]
    ),
}


@pytest.fixture
async def corpus(new_uow: UowFactory, author: User) -> dict[str, PostId]:
    posts = {
        name: make_post(author_id=author.id, now=NOW + timedelta(hours=n), **fields)
        for n, (name, fields) in enumerate(CORPUS.items())
    }
    draft = make_post(author_id=author.id, title="Secret engine plans", publish=False)
    await store(new_uow, *posts.values(), draft)
    return {name: post.id for name, post in posts.items()}


async def found(
    new_uow: UowFactory, text: str, tag: str | None = None, **page: int
) -> list[PostId]:
    async with new_uow() as uow:
        result = await uow.read.posts(
            PostQuery(text=SearchQuery(text), tag=tag), PageRequest(**page), None
        )
    return [post.id for post in result.items]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("engine", ["engine", "steam"], id="title-before-tags-and-content"),
        pytest.param("patterns", ["knitting", "engine"], id="title-and-summary-first"),
        pytest.param('"analytical engine"', ["engine"], id="phrase"),
        pytest.param("engine -steam", ["engine"], id="excluded-word"),
        pytest.param("ENGINE Notes", ["engine"], id="every-word-any-case"),
        pytest.param("tomato", ["garden"], id="stemmed"),
        pytest.param("xylophone", [], id="nothing"),
    ],
)
async def test_the_same_top_results_on_every_backend(
    new_uow: UowFactory, corpus: dict[str, PostId], text: str, expected: list[str]
) -> None:
    assert await found(new_uow, text) == [corpus[name] for name in expected]


async def test_search_combines_with_filters_and_pages(
    new_uow: UowFactory, corpus: dict[str, PostId]
) -> None:
    assert await found(new_uow, "engine", tag="mills") == [corpus["steam"]]
    assert await found(new_uow, "engine", skip=1, limit=1) == [corpus["steam"]]
    async with new_uow() as uow:
        page = await uow.read.posts(
            PostQuery(text=SearchQuery("engine")), PageRequest(limit=1), None
        )
    assert page.total == 2


async def test_changes_and_deletions_reach_the_index(
    new_uow: UowFactory, corpus: dict[str, PostId]
) -> None:
    async with new_uow() as uow:
        garden = await uow.posts.get(corpus["garden"])
        steam = await uow.posts.get(corpus["steam"])
        assert garden is not None
        assert steam is not None
        garden.edit(title=Title("Xylophone diary"), policy=ContentPolicy.of(), now=NOW)
        await uow.posts.remove(steam)
        await uow.commit()

    assert await found(new_uow, "xylophone") == [corpus["garden"]]
    assert await found(new_uow, "steam") == []
