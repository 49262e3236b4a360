"""Profile, comment and tag views: a profile, a comment and the tags (read from the maintained
counts) are one statement each, a page of comments two. Statements are built once per shape and
reused with bound values."""

from functools import cache
from typing import Any

from sqlalchemy import ColumnElement, Integer, Select, bindparam, func, or_, select, tuple_

from adapters.sqlalchemy.errors import translated_errors
from adapters.sqlalchemy.read_model.columns import (
    VIEWER,
    Row,
    author_columns,
    author_from_row,
    following,
    viewing,
)
from adapters.sqlalchemy.read_model.reads import Reads
from adapters.sqlalchemy.tables import comments, follows, tag_counts, users
from application.pagination import Page, PageRequest, Position, keyset_page
from application.social.views import CommentView
from application.users.views import ProfileView
from domain.ids import CommentId, PostId, UserId

_COMMENTERS = comments.join(users, users.c.id == comments.c.author_id)


@cache
def _shown(anonymous: bool) -> ColumnElement[bool]:
    """Comments an admin hid are seen by their author only."""
    shown = comments.c.hidden_at.is_(None)
    return shown if anonymous else or_(shown, comments.c.author_id == VIEWER)


@cache
def _comment_count(anonymous: bool) -> Select[Any]:
    of_post = comments.c.post_id == bindparam("post_id")
    return select(func.count()).select_from(comments).where(of_post, _shown(anonymous))


# The counts the repositories keep (visible_counts.py): no grouping of posts per request.
_TAGS = (
    select(tag_counts.c.tag)
    .order_by(tag_counts.c.uses.desc(), tag_counts.c.tag)
    .limit(bindparam("limit", type_=Integer))
)


class PeopleViews:
    def __init__(self, reads: Reads) -> None:
        self._reads = reads

    async def profile(self, username_key: str, viewer: UserId | None) -> ProfileView | None:
        params = {"key": username_key, **viewing(viewer)}
        rows = await self._reads.rows(_profile(viewer is None), params)
        if not rows:
            return None
        row = rows[0]
        return ProfileView(
            id=UserId(row["id"]),
            username=row["username"],
            name=row["name"],
            bio=row["bio"],
            image=row["image"],
            following=bool(row["following"]),
            followers_count=int(row["followers_count"]),
            following_count=int(row["following_count"]),
        )

    async def comments(
        self, post_id: PostId, page: PageRequest, viewer: UserId | None
    ) -> Page[CommentView]:
        params = {"post_id": post_id, "skip": page.skip, "size": page.limit + 1}
        params |= viewing(viewer)
        if page.after is not None:
            params |= {"after_key": page.after.key, "after_id": page.after.id}
        query = _comment_page(viewer is None, keyset=page.after is not None)
        with translated_errors():
            async with self._reads.connection() as connection:
                total = await connection.scalar(_comment_count(viewer is None), params)
                result = await connection.execute(query, params)
                views = [_comment_view(row) for row in result.mappings().all()]
        return keyset_page(views, total or 0, page, _comment_position)

    async def comment(self, comment_id: CommentId, viewer: UserId | None) -> CommentView | None:
        params = {"id": comment_id, **viewing(viewer)}
        rows = await self._reads.rows(_comment(viewer is None), params)
        return _comment_view(rows[0]) if rows else None

    async def tags(self, limit: int) -> list[str]:
        return [row["tag"] for row in await self._reads.rows(_TAGS, {"limit": limit})]


@cache
def _profile(anonymous: bool) -> Select[Any]:
    followers = select(func.count()).select_from(follows).where(follows.c.followee_id == users.c.id)
    followed = select(func.count()).select_from(follows).where(follows.c.follower_id == users.c.id)
    return select(
        users.c.id,
        users.c.username,
        users.c.name,
        users.c.bio,
        users.c.image,
        following(anonymous, users.c.id).label("following"),
        followers.correlate(users).scalar_subquery().label("followers_count"),
        followed.correlate(users).scalar_subquery().label("following_count"),
    ).where(users.c.username_key == bindparam("key"), users.c.is_active.is_(True))


@cache
def _comments(anonymous: bool) -> Select[Any]:
    return select(comments, *author_columns(anonymous)).select_from(_COMMENTERS)


@cache
def _comment_page(anonymous: bool, *, keyset: bool) -> Select[Any]:
    """A page of a post's comments, oldest first; after a position when ``keyset``."""
    of_post = comments.c.post_id == bindparam("post_id")
    query = _comments(anonymous).where(of_post, _shown(anonymous))
    if keyset:
        after = tuple_(
            bindparam("after_key", type_=comments.c.created_at.type),
            bindparam("after_id", type_=comments.c.id.type),
        )
        query = query.where(tuple_(comments.c.created_at, comments.c.id) > after)
    return (
        query.order_by(comments.c.created_at, comments.c.id)
        .offset(bindparam("skip", type_=Integer))
        .limit(bindparam("size", type_=Integer))
    )


@cache
def _comment(anonymous: bool) -> Select[Any]:
    return _comments(anonymous).where(comments.c.id == bindparam("id"))


def _comment_view(row: Row) -> CommentView:
    return CommentView(
        id=CommentId(row["id"]),
        post_id=PostId(row["post_id"]),
        author=author_from_row(row),
        body=row["body"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        hidden_reason=row["hidden_reason"],
        hidden_at=row["hidden_at"],
    )


def _comment_position(view: CommentView) -> Position:
    return Position(view.created_at, view.id)
