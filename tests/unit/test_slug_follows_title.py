"""UpdatePost with ``slug_follows_title``: a new title gives the post the slug it would get if
it were written now (RealWorld's PUT /api/articles/:slug)."""

from application.posts.update_post import UpdatePostCommand
from tests.unit.harness import Folio, register, write_post


async def test_a_new_title_moves_the_slug(folio: Folio):
    ada = await register(folio, "ada")
    post = await write_post(folio, ada, title="Original title", published=True)
    later = folio.clock.advance()

    view = await folio.update_post(
        ada, post.id, UpdatePostCommand(title="A better title", slug_follows_title=True)
    )

    stored = folio.store.posts[post.id]
    assert (stored.slug.value, stored.updated_at) == ("a-better-title", later)
    assert view.slug == "a-better-title"


async def test_without_the_flag_the_slug_stays(folio: Folio):
    ada = await register(folio, "ada")
    post = await write_post(folio, ada, title="Original title")

    view = await folio.update_post(ada, post.id, UpdatePostCommand(title="A better title"))

    assert view.slug == "original-title"


async def test_a_slug_another_post_holds_gets_the_posts_suffix(folio: Folio):
    ada = await register(folio, "ada")
    await write_post(folio, ada, title="Taken title")
    post = await write_post(folio, ada, title="Original title")

    view = await folio.update_post(
        ada, post.id, UpdatePostCommand(title="Taken title", slug_follows_title=True)
    )

    assert view.slug == f"taken-title-{post.id.hex[:8]}"


async def test_a_title_that_names_a_route_gets_the_posts_suffix(folio: Folio):
    ada = await register(folio, "ada")
    post = await write_post(folio, ada, title="Original title")

    view = await folio.update_post(
        ada, post.id, UpdatePostCommand(title="Feed!", slug_follows_title=True)
    )

    assert view.slug == f"feed-{post.id.hex[:8]}"


async def test_the_same_title_keeps_a_suffixed_slug(folio: Folio):
    ada = await register(folio, "ada")
    await write_post(folio, ada, title="Same title")
    second = await write_post(folio, ada, title="Same title")

    view = await folio.update_post(
        ada, second.id, UpdatePostCommand(title="Same title", slug_follows_title=True)
    )

    assert view.slug == second.slug


async def test_other_changes_keep_the_slug(folio: Folio):
    ada = await register(folio, "ada")
    post = await write_post(folio, ada, title="Original title")

    view = await folio.update_post(
        ada, post.id, UpdatePostCommand(content="All new content here.", slug_follows_title=True)
    )

    assert view.slug == "original-title"
