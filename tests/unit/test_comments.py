"""Comments: on published posts only, oldest first, deleted by whom may."""

from datetime import timedelta

import pytest

from application.errors import CommentNotFound, PostNotFound
from application.pagination import PageRequest
from application.posts.refs import BySlug
from domain.errors import CommentsClosed, InvalidValue, PermissionDenied
from domain.social.events import CommentAdded, CommentDeleted
from tests.unit.harness import Folio, register, register_admin, write_post
from tests.unit.social import Social


async def test_a_comment_shows_its_author_as_the_viewer_sees_them(folio: Folio):
    ada = await register(folio, "ada")
    bob = await register(folio, "bob", image="https://img.example/bob.png")
    post = await write_post(folio, ada, published=True)
    await Social(folio).follow_user(ada, "bob")

    comment = await Social(folio).comment(bob, post.id, "  Well put.  ")

    assert comment.body == "Well put."
    assert comment.post_id == post.id
    assert (comment.author.username, comment.author.following) == ("bob", False)
    assert comment.author.image == "https://img.example/bob.png"
    seen_by_ada = (await Social(folio).list_comments(post.id, PageRequest(), ada)).items[0]
    assert seen_by_ada.author.following is True
    assert (
        CommentAdded(
            occurred_at=folio.clock.now(),
            comment_id=comment.id,
            post_id=post.id,
            post_author_id=ada.id,
            author_id=bob.id,
            body="Well put.",
        )
        in folio.publisher.recent
    )


async def test_comments_are_listed_oldest_first_by_page(folio: Folio):
    ada = await register(folio, "ada")
    post = await write_post(folio, ada, published=True)
    for n in range(5):
        folio.clock.advance(timedelta(seconds=1))
        await Social(folio).comment(ada, post.id, f"comment {n}")

    page = await Social(folio).list_comments(BySlug(post.slug), PageRequest(skip=1, limit=3), None)

    assert [c.body for c in page.items] == ["comment 1", "comment 2", "comment 3"]
    assert page.total == 5


async def test_a_draft_takes_no_comments_and_hides_from_others(folio: Folio):
    ada = await register(folio, "ada")
    bob = await register(folio, "bob")
    draft = await write_post(folio, ada)

    with pytest.raises(CommentsClosed):
        await Social(folio).comment(ada, draft.id)
    with pytest.raises(PostNotFound):
        await Social(folio).comment(bob, draft.id)
    with pytest.raises(PostNotFound):
        await Social(folio).list_comments(draft.id, PageRequest(), bob)
    assert folio.store.comments == {}


@pytest.mark.parametrize("body", ["", "   ", "x" * 10_001])
async def test_a_blank_or_huge_comment_is_refused(folio: Folio, body: str):
    ada = await register(folio, "ada")
    post = await write_post(folio, ada, published=True)

    with pytest.raises(InvalidValue) as refused:
        await Social(folio).comment(ada, post.id, body)
    assert refused.value.field == "body"


@pytest.mark.parametrize("deleter", ["commenter", "post-author", "admin"])
async def test_who_may_delete_a_comment(folio: Folio, deleter: str):
    ada = await register(folio, "ada")
    bob = await register(folio, "bob")
    root = await register_admin(folio)
    post = await write_post(folio, ada, published=True)
    comment = await Social(folio).comment(bob, post.id)
    actor = {"commenter": bob, "post-author": ada, "admin": root}[deleter]

    await Social(folio).delete_comment(actor, post.id, comment.id)

    assert folio.store.comments == {}
    assert CommentDeleted.name in folio.event_names()


async def test_no_one_else_may_delete_a_comment(folio: Folio):
    ada = await register(folio, "ada")
    bob = await register(folio, "bob")
    eve = await register(folio, "eve")
    post = await write_post(folio, ada, published=True)
    comment = await Social(folio).comment(bob, post.id)

    with pytest.raises(PermissionDenied):
        await Social(folio).delete_comment(eve, post.id, comment.id)
    assert len(folio.store.comments) == 1


async def test_a_comment_is_deleted_only_through_its_own_post(folio: Folio):
    ada = await register(folio, "ada")
    post = await write_post(folio, ada, published=True)
    other = await write_post(folio, ada, published=True, title="Another post")
    comment = await Social(folio).comment(ada, post.id)

    with pytest.raises(CommentNotFound):
        await Social(folio).delete_comment(ada, other.id, comment.id)
    assert len(folio.store.comments) == 1
