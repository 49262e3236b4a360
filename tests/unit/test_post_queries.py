import pytest

from application.errors import PostNotFound
from application.pagination import PageRequest
from application.posts.list_posts import PostListFilter as PostFilter
from application.posts.update_post import UpdatePostCommand
from domain.errors import InvalidValue
from domain.roles import Actor
from tests.unit.harness import Folio, register, register_admin, write_post


async def test_a_published_post_is_visible_to_everyone(folio: Folio):
    ada = await register(folio, "ada")
    bob = await register(folio, "bob")
    post = await write_post(folio, ada, published=True)

    for viewer in (ada, bob, None):
        assert await folio.get_post(post.id, viewer) == post


async def test_a_draft_is_visible_to_its_author_only(folio: Folio):
    ada = await register(folio, "ada")
    bob = await register(folio, "bob")
    root = await register_admin(folio)
    draft = await write_post(folio, ada)

    assert await folio.get_post(draft.id, ada) == draft
    for viewer in (bob, root, None):
        with pytest.raises(PostNotFound):
            await folio.get_post(draft.id, viewer)


async def test_an_unknown_post_is_not_found(folio: Folio):
    ada = await register(folio, "ada")
    post = await write_post(folio, ada, published=True)
    del folio.store.posts[post.id]

    with pytest.raises(PostNotFound):
        await folio.get_post(post.id, ada)


async def _publish_series(folio: Folio, author: Actor, titles: list[str], **overrides: object):
    for title in titles:
        folio.clock.advance()
        await write_post(folio, author, title=title, published=True, **overrides)


async def _titles(folio: Folio, where: PostFilter, page: PageRequest | None = None) -> list[str]:
    found = await folio.list_posts(where, page or PageRequest())
    return [post.title for post in found.items]


async def test_lists_published_posts_newest_first(folio: Folio):
    ada = await register(folio, "ada")
    await _publish_series(folio, ada, ["First post", "Second post", "Third post"])
    await write_post(folio, ada, title="A secret draft")

    assert await _titles(folio, PostFilter()) == ["Third post", "Second post", "First post"]


async def test_order_follows_publication_not_creation(folio: Folio):
    ada = await register(folio, "ada")
    draft = await write_post(folio, ada, title="Written first")
    await _publish_series(folio, ada, ["Written second"])
    folio.clock.advance()
    await folio.update_post(ada, draft.id, UpdatePostCommand(published=True))

    assert await _titles(folio, PostFilter()) == ["Written first", "Written second"]


@pytest.mark.parametrize(
    "tag",
    [
        pytest.param("python", id="same-case"),
        pytest.param("  PyThOn ", id="any-case-and-spaces"),
    ],
)
async def test_filters_by_tag_whatever_its_case(folio: Folio, tag: str):
    ada = await register(folio, "ada")
    await _publish_series(folio, ada, ["About snakes"], tags=["Python"])
    await _publish_series(folio, ada, ["About coffee"], tags=["java"])

    assert await _titles(folio, PostFilter(tag=tag)) == ["About snakes"]


async def test_a_blank_tag_filter_is_refused_as_the_tag_filter(folio: Folio):
    with pytest.raises(InvalidValue) as refused:
        await _titles(folio, PostFilter(tag="   "))

    assert refused.value.field == "tag"


async def test_filters_by_author(folio: Folio):
    ada = await register(folio, "ada")
    bob = await register(folio, "bob")
    await _publish_series(folio, ada, ["Ada writes"])
    await _publish_series(folio, bob, ["Bob writes"])

    assert await _titles(folio, PostFilter(author_id=bob.id)) == ["Bob writes"]


@pytest.mark.parametrize(
    ("skip", "limit", "expected"),
    [
        pytest.param(0, 2, ["Post five", "Post four"], id="first-page"),
        pytest.param(2, 2, ["Post three", "Post two"], id="second-page"),
        pytest.param(4, 2, ["Post one"], id="last-partial-page"),
        pytest.param(9, 5, [], id="past-the-end"),
    ],
)
async def test_pages_with_the_total(folio: Folio, skip: int, limit: int, expected: list[str]):
    ada = await register(folio, "ada")
    await _publish_series(
        folio, ada, ["Post one", "Post two", "Post three", "Post four", "Post five"]
    )
    await write_post(folio, ada, title="Draft is not counted")

    page = await folio.list_posts(PostFilter(), PageRequest(skip=skip, limit=limit))

    assert [post.title for post in page.items] == expected
    assert (page.total, page.skip, page.limit) == (5, skip, limit)
