"""Moderation's storage contract, on every backend: the hidden mark of posts and comments
round-trips, and every read path hides them from everyone but their author."""

from datetime import timedelta

from application.pagination import PageRequest
from application.ports.read_model import PostQuery
from domain.admin.reason import Hidden, Reason
from domain.posts.search import SearchQuery
from tests.builders import NOW, make_comment, make_follow, make_post, make_user
from tests.integration.backends import UowFactory
from tests.integration.helpers import store

PAGE = PageRequest()
LATER = NOW + timedelta(hours=1)


async def test_a_hidden_post_and_comment_round_trip(new_uow: UowFactory) -> None:
    author, admin = make_user(), make_user()
    post = make_post(author_id=author.id)
    comment = make_comment(author, post)
    await store(new_uow, author, admin, post, comment)

    async with new_uow() as uow:
        loaded_post, loaded_comment = (
            await uow.posts.get(post.id),
            await uow.comments.get(comment.id),
        )
        assert loaded_post is not None
        assert loaded_comment is not None
        loaded_post.hide(Reason("spam"), by=admin.id, now=LATER)
        loaded_comment.hide(Reason("rude"), by=None, now=LATER)
        await uow.commit()

    async with new_uow() as uow:
        again_post = await uow.posts.get(post.id)
        again_comment = await uow.comments.get(comment.id)
    assert again_post is not None
    assert again_comment is not None
    assert again_post.hidden == Hidden(Reason("spam"), LATER, admin.id)
    assert again_comment.hidden == Hidden(Reason("rude"), LATER, None)

    async with new_uow() as uow:
        restored = await uow.comments.get(comment.id)
        assert restored is not None
        restored.restore()
        await uow.commit()
    async with new_uow() as uow:
        final = await uow.comments.get(comment.id)
    assert final is not None
    assert final.hidden is None


async def test_hidden_content_is_read_by_its_author_only(new_uow: UowFactory) -> None:
    author, reader = make_user(), make_user()
    hidden = make_post(author_id=author.id, title="Engine secrets", tags=["gears"], now=NOW)
    shown = make_post(author_id=author.id, title="Engine basics", tags=["maths"], now=LATER)
    hidden.hide(Reason("spam"), by=None, now=LATER)
    rude, kind = make_comment(reader, shown, "Rude."), make_comment(reader, shown, "Kind.")
    rude.hide(Reason("rude"), by=None, now=LATER)
    await store(new_uow, author, reader, hidden, shown, rude, kind, make_follow(reader, author))

    async with new_uow() as uow:
        for_reader = await uow.read.posts(PostQuery(), PAGE, reader.id)
        for_anyone = await uow.read.posts(PostQuery(), PAGE, None)
        for_author = await uow.read.posts(PostQuery(), PAGE, author.id)
        searched = await uow.read.posts(PostQuery(text=SearchQuery("engine")), PAGE, reader.id)
        by_tag = await uow.read.posts(PostQuery(tag="gears"), PAGE, None)
        feed = await uow.read.feed(reader.id, PAGE)
        tags = await uow.read.tags(10)
        own = await uow.read.post(hidden.id, author.id)
        comments_for_author = await uow.read.comments(shown.id, PAGE, author.id)
        comments_for_writer = await uow.read.comments(shown.id, PAGE, reader.id)

    assert [p.id for p in for_reader.items] == [shown.id]
    assert (for_reader.total, for_anyone.total, for_author.total) == (1, 1, 2)
    assert [p.id for p in searched.items] == [shown.id]
    assert by_tag.total == 0
    assert ([p.id for p in feed.items], feed.total) == ([shown.id], 1)
    assert tags == ["maths"]
    assert own is not None
    assert (own.hidden, own.hidden_reason, own.is_visible_to(author.id)) == (True, "spam", True)
    assert own.is_visible_to(reader.id) is False
    assert [c.body for c in comments_for_author.items] == ["Kind."]
    assert comments_for_author.total == 1
    assert {(c.body, c.hidden_reason) for c in comments_for_writer.items} == {
        ("Rude.", "rude"),
        ("Kind.", None),
    }
