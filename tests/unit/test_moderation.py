"""Hiding and restoring posts and comments: gone for everyone but the author, who sees why;
every action in the audit trail."""

import pytest

from application.admin.hide_comment import HideComment
from application.admin.hide_post import HidePost
from application.admin.list_audit import AuditQuery
from application.admin.restore_comment import RestoreComment
from application.admin.restore_post import RestorePost
from application.errors import CommentNotFound, PostNotFound
from application.pagination import PageRequest
from application.posts.list_posts import PostListFilter
from application.posts.refs import BySlug
from domain.admin.audit import AuditAction
from domain.errors import InvalidValue, PermissionDenied
from domain.roles import Actor
from tests.unit.harness import Folio, register, register_admin, write_post
from tests.unit.social import Social

PAGE = PageRequest()


def hide_post(folio: Folio) -> HidePost:
    return HidePost(folio.uow(), folio.clock, folio.ids)


def restore_post(folio: Folio) -> RestorePost:
    return RestorePost(folio.uow(), folio.clock, folio.ids)


def hide_comment(folio: Folio) -> HideComment:
    return HideComment(folio.uow(), folio.clock, folio.ids)


def restore_comment(folio: Folio) -> RestoreComment:
    return RestoreComment(folio.uow(), folio.clock, folio.ids)


async def seen_by(folio: Folio, viewer: Actor | None) -> dict[str, object]:
    """How many posts each read path shows ``viewer``."""
    social = Social(folio)
    everything = await folio.list_posts(PostListFilter(), PAGE, viewer)
    searched = await folio.list_posts(PostListFilter(text="engine"), PAGE, viewer)
    tagged = await folio.list_posts(PostListFilter(tag="maths"), PAGE, viewer)
    return {
        "list": everything.total,
        "search": searched.total,
        "tag": tagged.total,
        "tags": await social.list_tags(),
        "feed": None if viewer is None else (await social.get_feed(viewer, PAGE)).total,
    }


async def test_a_hidden_post_is_gone_for_everyone_but_its_author(folio: Folio):
    root = await register_admin(folio)
    ada, bob = await register(folio, "ada"), await register(folio, "bob")
    await Social(folio).follow_user(bob, "ada")
    post = await write_post(folio, ada, tags=["maths"], published=True)
    before = await seen_by(folio, bob)

    moderation = await hide_post(folio)(root, post.id, "  off-topic spam ")

    assert (moderation.hidden, moderation.reason) == (True, "off-topic spam")
    for viewer in (bob, None, root):
        with pytest.raises(PostNotFound):
            await folio.get_post(post.id, viewer)
        with pytest.raises(PostNotFound):
            await folio.get_post(BySlug(post.slug), viewer)
    assert before == {"list": 1, "search": 1, "tag": 1, "tags": ["maths"], "feed": 1}
    assert await seen_by(folio, bob) == {"list": 0, "search": 0, "tag": 0, "tags": [], "feed": 0}
    assert (await seen_by(folio, None))["list"] == 0
    with pytest.raises(PostNotFound):
        await Social(folio).favorite_post(bob, post.id)
    with pytest.raises(PostNotFound):
        await Social(folio).comment(bob, post.id)

    own = await folio.get_post(post.id, ada)
    assert (own.hidden, own.hidden_reason) == (True, "off-topic spam")
    assert (await seen_by(folio, ada))["list"] == 1


async def test_a_restored_post_is_seen_again(folio: Folio):
    root = await register_admin(folio)
    ada, bob = await register(folio, "ada"), await register(folio, "bob")
    post = await write_post(folio, ada, published=True)
    await hide_post(folio)(root, post.id, "spam")

    restored = await restore_post(folio)(root, post.id, "appeal granted")

    assert (restored.hidden, restored.reason) == (False, None)
    view = await folio.get_post(post.id, bob)
    assert (view.hidden, view.hidden_reason) == (False, None)
    again = await restore_post(folio)(root, post.id)  # not hidden: nothing to do
    assert again.hidden is False
    actions = [e.action for e in (await folio.list_audit(root, AuditQuery(), PAGE)).items]
    assert actions == [AuditAction.RESTORE_POST, AuditAction.HIDE_POST]


async def test_a_hidden_comment_is_gone_for_everyone_but_its_author(folio: Folio):
    root = await register_admin(folio)
    ada, bob = await register(folio, "ada"), await register(folio, "bob")
    post = await write_post(folio, ada, published=True)
    social = Social(folio)
    rude = await social.comment(bob, post.id, "Rude words.")
    await social.comment(ada, post.id, "Thanks!")

    await hide_comment(folio)(root, rude.id, "rude")

    for viewer in (ada, None, root):
        page = await social.list_comments(post.id, PAGE, viewer)
        assert [c.body for c in page.items] == ["Thanks!"]
        assert page.total == 1
    own = await social.list_comments(post.id, PAGE, bob)
    assert [(c.body, c.hidden, c.hidden_reason) for c in own.items] == [
        ("Rude words.", True, "rude"),
        ("Thanks!", False, None),
    ]

    await restore_comment(folio)(root, rude.id)
    assert (await social.list_comments(post.id, PAGE, ada)).total == 2
    entries = (await folio.list_audit(root, AuditQuery(target_id=rude.id), PAGE)).items
    assert [e.action for e in entries] == [AuditAction.RESTORE_COMMENT, AuditAction.HIDE_COMMENT]
    assert entries[1].reason == "rude"


async def test_only_admins_moderate_and_a_reason_is_needed(folio: Folio):
    await register_admin(folio)
    root = await register_admin(folio, "boss")
    ada = await register(folio, "ada")
    post = await write_post(folio, ada, published=True)
    comment = await Social(folio).comment(ada, post.id)

    for call in (
        hide_post(folio)(ada, post.id, "mine"),
        restore_post(folio)(ada, post.id),
        hide_comment(folio)(ada, comment.id, "mine"),
        restore_comment(folio)(ada, comment.id),
    ):
        with pytest.raises(PermissionDenied):
            await call
    for blank in ("", "   "):
        with pytest.raises(InvalidValue) as raised:
            await hide_post(folio)(root, post.id, blank)
        assert raised.value.field == "reason"
    assert folio.store.audit == []


async def test_unknown_content_is_not_found(folio: Folio):
    root = await register_admin(folio)
    ada = await register(folio, "ada")
    post = await write_post(folio, ada, published=True)
    await folio.delete_post(ada, post.id)

    with pytest.raises(PostNotFound):
        await hide_post(folio)(root, post.id, "gone")
    with pytest.raises(CommentNotFound):
        await hide_comment(folio)(root, post.id, "gone")  # type: ignore[arg-type]
