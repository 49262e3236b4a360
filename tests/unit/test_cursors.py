"""Cursors: signed, bound to their list, and a walk survives ties on the sort key."""

import uuid
from datetime import UTC, datetime

import pytest

from adapters.security.cursors import HmacCursorCodec
from application.pagination import PageRequest, Position
from application.posts.list_posts import PostListFilter as PostFilter
from domain.errors import InvalidValue
from tests.unit.harness import Folio, register, write_post

POSITION = Position(datetime(2025, 3, 4, 5, 6, 7, 890123, tzinfo=UTC), uuid.uuid4())
SECRET = "one-secret-of-at-least-thirty-two-characters"


def test_a_cursor_reads_back_as_its_position() -> None:
    codec = HmacCursorCodec(SECRET)
    assert codec.decode("posts::", codec.encode("posts::", POSITION)) == POSITION


def test_a_cursor_is_opaque_and_short() -> None:
    cursor = HmacCursorCodec(SECRET).encode("posts::", POSITION)
    assert str(POSITION.id) not in cursor
    assert len(cursor) < 200


@pytest.mark.parametrize(
    ("encoder", "scope"),
    [
        pytest.param(
            HmacCursorCodec("another-secret-of-thirty-two-characters"), "posts::", id="other-key"
        ),
        pytest.param(HmacCursorCodec(SECRET), "users", id="other-list"),
    ],
)
def test_a_foreign_cursor_is_invalid(encoder: HmacCursorCodec, scope: str) -> None:
    with pytest.raises(InvalidValue) as raised:
        HmacCursorCodec(SECRET).decode("posts::", encoder.encode(scope, POSITION))
    assert raised.value.field == "cursor"


def test_skip_and_cursor_do_not_go_together() -> None:
    with pytest.raises(InvalidValue):
        PageRequest(skip=20, cursor="anything")
    assert PageRequest(skip=0, cursor="anything").cursor == "anything"


async def test_a_walk_sees_posts_with_the_same_time_once_each() -> None:
    folio = Folio()  # its clock stands still: every post has the same published_at
    author = await register(folio)
    posts = [
        await write_post(folio, author, title=f"Post number {n}", published=True) for n in range(5)
    ]
    seen: list[uuid.UUID] = []
    cursor = None
    for _ in range(10):
        page = await folio.list_posts(PostFilter(), PageRequest(limit=2, cursor=cursor))
        seen += [view.id for view in page.items]
        cursor = page.next_cursor
        if cursor is None:
            break
    assert sorted(seen) == sorted(post.id for post in posts)
    assert len(seen) == 5
