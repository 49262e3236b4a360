"""Post views: a list is three statements whatever the page size (the total, the page with
its authors, favourites and follows, the page's tags); one post is two."""

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Select, Subquery, exists, func, select, tuple_
from sqlalchemy.engine import RowMapping
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.sqlalchemy.errors import translated_errors
from adapters.sqlalchemy.mappers import tags_by_post
from adapters.sqlalchemy.read_model.columns import (
    author_columns,
    author_from_row,
    favorited,
    favorites_count,
)
from adapters.sqlalchemy.tables import favorites, follows, post_tags, posts, users
from application.pagination import Page, PageRequest, keyset_page
from application.ports.read_model import PostQuery, PostStatus
from application.posts.views import PostView, position_by
from domain.ids import PostId, UserId

_AUTHORS = posts.join(users, users.c.id == posts.c.author_id)
_FAVORITER = users.alias("favoriter")


def conditions_of(where: PostQuery) -> list[ColumnElement[bool]]:
    """The WHERE clause of a post list, over posts joined with their authors."""
    found: list[ColumnElement[bool]] = []
    if where.status == PostStatus.PUBLISHED:
        found.append(posts.c.published_at.is_not(None))
    elif where.status == PostStatus.DRAFT:
        found.append(posts.c.published_at.is_(None))
    if where.tag is not None:
        found.append(
            exists().where(post_tags.c.post_id == posts.c.id, post_tags.c.tag == where.tag)
        )
    if where.author_id is not None:
        found.append(posts.c.author_id == where.author_id)
    if where.author is not None:
        found.append(users.c.username_key == where.author)
    if where.favorited_by is not None:
        found.append(
            exists().where(
                favorites.c.post_id == posts.c.id,
                favorites.c.user_id == _FAVORITER.c.id,
                _FAVORITER.c.username_key == where.favorited_by,
            )
        )
    return found


def followed_by(reader: UserId) -> list[ColumnElement[bool]]:
    """The feed's WHERE clause: published posts by the authors ``reader`` follows."""
    followed = select(follows.c.followee_id).where(follows.c.follower_id == reader)
    return [posts.c.published_at.is_not(None), posts.c.author_id.in_(followed)]


class PostViews:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def one(self, condition: ColumnElement[bool], viewer: UserId | None) -> PostView | None:
        with translated_errors():
            row = (await self._session.execute(_views(viewer).where(condition))).mappings().first()
            if row is None:
                return None
            tags = await self._tags_of([row["id"]])
        return post_view_from_row(row, tags.get(row["id"], []))

    async def page(
        self,
        conditions: list[ColumnElement[bool]],
        page: PageRequest,
        viewer: UserId | None,
        *,
        by_publication: bool = True,
        hits: Subquery | None = None,
    ) -> Page[PostView]:
        """A page of the posts ``conditions`` select, newest first; a keyset page when
        ``page.after`` is given. With search ``hits``: only those, the best ranked first, by
        skip only (no next position)."""
        order = posts.c.published_at if by_publication else posts.c.created_at
        source, query = _AUTHORS, _views(viewer)
        ranking: list[ColumnElement[Any]] = []
        if hits is not None:
            source = source.join(hits, hits.c.post_id == posts.c.id)
            query = query.join(hits, hits.c.post_id == posts.c.id)
            ranking = [hits.c.rank.desc()]
        elif page.after is not None:
            query = query.where(tuple_(order, posts.c.id) < (page.after.key, page.after.id))
        query = query.where(*conditions).order_by(*ranking, order.desc(), posts.c.id.desc())
        with translated_errors():
            total = await self._session.scalar(
                select(func.count()).select_from(source).where(*conditions)
            )
            result = await self._session.execute(query.offset(page.skip).limit(page.limit + 1))
            rows = result.mappings().all()
            tags = await self._tags_of([row["id"] for row in rows]) if rows else {}
        views = [post_view_from_row(row, tags.get(row["id"], [])) for row in rows]
        if hits is not None:
            return Page(views[: page.limit], total or 0, page.skip, page.limit)
        return keyset_page(views, total or 0, page, position_by(by_publication))

    async def _tags_of(self, post_ids: Sequence[PostId]) -> dict[PostId, list[str]]:
        query = (
            select(post_tags.c.post_id, post_tags.c.tag)
            .where(post_tags.c.post_id.in_(post_ids))
            .order_by(post_tags.c.post_id, post_tags.c.position)
        )
        return tags_by_post((await self._session.execute(query)).mappings().all())


def _views(viewer: UserId | None) -> Select[Any]:
    """Posts with their author and the viewer's view of both, one row per post."""
    return select(
        posts,
        favorites_count().label("favorites_count"),
        favorited(viewer).label("favorited"),
        *author_columns(viewer),
    ).select_from(_AUTHORS)


def post_view_from_row(row: RowMapping, tags: list[str]) -> PostView:
    return PostView(
        id=PostId(row["id"]),
        author_id=UserId(row["author_id"]),
        author=author_from_row(row),
        title=row["title"],
        slug=row["slug"],
        description=row["description"],
        content=row["content"],
        tags=tags,
        published=row["published_at"] is not None,
        published_at=row["published_at"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        favorited=bool(row["favorited"]),
        favorites_count=int(row["favorites_count"]),
        version=row["version"],
    )
