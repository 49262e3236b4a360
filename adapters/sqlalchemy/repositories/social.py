"""Follows, favourites and comments over one AsyncSession: ``save_changes()`` inserts the added
ones and deletes the removed ones; of a loaded comment it updates what moderation changed
(follows and favourites never change once written)."""

from typing import Any
from uuid import UUID

from sqlalchemy import ColumnElement, Select, and_, delete, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.sqlalchemy.errors import translated_errors
from adapters.sqlalchemy.mappers import Row, changed_columns
from adapters.sqlalchemy.social_mappers import (
    comment_from_row,
    comment_row,
    favorite_from_row,
    favorite_row,
    follow_from_row,
    follow_row,
)
from adapters.sqlalchemy.tables import comments, favorites, follows, posts
from application.ports.social import CommentRepository, FavoriteRepository, FollowRepository
from domain.ids import CommentId, PostId, UserId
from domain.social.comment import Comment
from domain.social.favorite import Favorite
from domain.social.follow import Follow


async def _first(session: AsyncSession, query: Select[Any]) -> Any:
    with translated_errors():
        return (await session.execute(query)).mappings().first()


class SqlAlchemyFollowRepository(FollowRepository):
    def __init__(self, session: AsyncSession) -> None:
        super().__init__()
        self._session = session
        self._added: list[Follow] = []
        self._removed: list[Follow] = []

    def _add(self, follow: Follow) -> None:
        self._added.append(follow)

    async def _get(self, follower_id: UserId, followee_id: UserId) -> Follow | None:
        query = select(follows).where(
            follows.c.follower_id == follower_id, follows.c.followee_id == followee_id
        )
        row = await _first(self._session, query)
        return None if row is None else follow_from_row(row)

    async def _remove(self, follow: Follow) -> None:
        self._removed.append(follow)

    async def save_changes(self) -> None:
        if self._removed:
            pairs = [
                and_(follows.c.follower_id == f.follower_id, follows.c.followee_id == f.followee_id)
                for f in self._removed
            ]
            await self._session.execute(delete(follows).where(or_(*pairs)))
        new = [follow_row(f) for f in self._added if f not in self._removed]
        if new:
            await self._session.execute(insert(follows), new)

    def mark_saved(self) -> None:
        self._added.clear()
        self._removed.clear()


class SqlAlchemyFavoriteRepository(FavoriteRepository):
    def __init__(self, session: AsyncSession) -> None:
        super().__init__()
        self._session = session
        self._added: list[Favorite] = []
        self._removed: list[Favorite] = []

    def _add(self, favorite: Favorite) -> None:
        self._added.append(favorite)

    async def _get(self, user_id: UserId, post_id: PostId) -> Favorite | None:
        query = (
            select(favorites, posts.c.author_id.label("post_author_id"))
            .join(posts, posts.c.id == favorites.c.post_id)
            .where(favorites.c.user_id == user_id, favorites.c.post_id == post_id)
        )
        row = await _first(self._session, query)
        return None if row is None else favorite_from_row(row)

    async def _remove(self, favorite: Favorite) -> None:
        self._removed.append(favorite)

    async def save_changes(self) -> None:
        if self._removed:
            pairs = [
                and_(favorites.c.user_id == f.user_id, favorites.c.post_id == f.post_id)
                for f in self._removed
            ]
            await self._session.execute(delete(favorites).where(or_(*pairs)))
        new = [favorite_row(f) for f in self._added if f not in self._removed]
        if new:
            await self._session.execute(insert(favorites), new)

    def mark_saved(self) -> None:
        self._added.clear()
        self._removed.clear()


class SqlAlchemyCommentRepository(CommentRepository):
    def __init__(self, session: AsyncSession) -> None:
        super().__init__()
        self._session = session
        self._added: list[Comment] = []
        self._removed: list[Comment] = []
        self._loaded: dict[UUID, Row] = {}

    def _add(self, comment: Comment) -> None:
        self._added.append(comment)

    async def _get(self, comment_id: CommentId) -> Comment | None:
        query = (
            select(comments, posts.c.author_id.label("post_author_id"))
            .join(posts, posts.c.id == comments.c.post_id)
            .where(comments.c.id == comment_id)
        )
        row = await _first(self._session, query)
        if row is None:
            return None
        comment = comment_from_row(row)
        self._loaded.setdefault(comment.id, comment_row(comment))
        return comment

    async def _remove(self, comment: Comment) -> None:
        self._removed.append(comment)

    async def save_changes(self) -> None:
        new = [comment_row(c) for c in self._added if c not in self._removed]
        if new:
            await self._session.execute(insert(comments), new)
        gone: list[ColumnElement[bool]] = [comments.c.id == c.id for c in self._removed]
        if gone:
            await self._session.execute(delete(comments).where(or_(*gone)))
        for comment_id, before in self._loaded.items():
            comment = self.seen.get(comment_id)
            if comment is None or comment in self._removed:
                continue
            changes = changed_columns(before, comment_row(comment))
            if changes:
                query = update(comments).where(comments.c.id == comment_id).values(changes)
                await self._session.execute(query)

    def mark_saved(self) -> None:
        self._added.clear()
        self._removed.clear()
        self._loaded = {c.id: comment_row(c) for c in self.seen.values()}
