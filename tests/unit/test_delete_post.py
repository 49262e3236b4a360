import pytest

from application.errors import PostNotFound
from domain.errors import PermissionDenied
from domain.posts.events import PostDeleted
from tests.unit.harness import Folio, register, register_admin, write_post


async def test_the_author_deletes_their_post_and_it_is_announced(folio: Folio):
    ada = await register(folio, "ada")
    post = await write_post(folio, ada, published=True)
    later = folio.clock.advance()

    await folio.delete_post(ada, post.id)

    assert post.id not in folio.store.posts
    assert folio.publisher.recent[-1] == PostDeleted(
        occurred_at=later, post_id=post.id, author_id=ada.id, title=post.title, deleted_by=ada.id
    )
    with pytest.raises(PostNotFound):
        await folio.get_post(post.id, ada)


@pytest.mark.parametrize(
    "published", [pytest.param(True, id="published"), pytest.param(False, id="draft")]
)
async def test_an_admin_deletes_anyones_post(folio: Folio, published: bool):
    ada = await register(folio, "ada")
    root = await register_admin(folio)
    post = await write_post(folio, ada, published=published)

    await folio.delete_post(root, post.id)

    assert folio.store.posts == {}
    assert folio.event_names()[-1] == "post_deleted"


async def test_someone_else_may_not_delete_a_published_post(folio: Folio):
    ada = await register(folio, "ada")
    bob = await register(folio, "bob")
    post = await write_post(folio, ada, published=True)

    with pytest.raises(PermissionDenied):
        await folio.delete_post(bob, post.id)

    assert post.id in folio.store.posts
    assert "post_deleted" not in folio.event_names()


async def test_someone_elses_draft_is_not_found(folio: Folio):
    ada = await register(folio, "ada")
    bob = await register(folio, "bob")
    draft = await write_post(folio, ada)

    with pytest.raises(PostNotFound):
        await folio.delete_post(bob, draft.id)

    assert draft.id in folio.store.posts


async def test_an_unknown_post_is_not_found(folio: Folio):
    ada = await register(folio, "ada")
    post = await write_post(folio, ada)
    await folio.delete_post(ada, post.id)

    with pytest.raises(PostNotFound):
        await folio.delete_post(ada, post.id)
    assert folio.event_names().count("post_deleted") == 1
