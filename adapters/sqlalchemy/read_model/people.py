"""Profile and comment views: a profile is one statement, a page of comments two."""

from sqlalchemy import desc, func, select, tuple_
from sqlalchemy.engine import RowMapping
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.sqlalchemy.errors import translated_errors
from adapters.sqlalchemy.read_model.columns import author_columns, author_from_row, following
from adapters.sqlalchemy.tables import comments, follows, post_tags, posts, users
from application.pagination import Page, PageRequest, Position, keyset_page
from application.social.views import CommentView
from application.users.views import ProfileView
from domain.ids import CommentId, PostId, UserId

_COMMENTERS = comments.join(users, users.c.id == comments.c.author_id)


class PeopleViews:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def profile(self, username_key: str, viewer: UserId | None) -> ProfileView | None:
        followers = (
            select(func.count()).select_from(follows).where(follows.c.followee_id == users.c.id)
        )
        followed = (
            select(func.count()).select_from(follows).where(follows.c.follower_id == users.c.id)
        )
        query = select(
            users.c.id,
            users.c.username,
            users.c.name,
            users.c.bio,
            users.c.image,
            following(viewer, users.c.id).label("following"),
            followers.correlate(users).scalar_subquery().label("followers_count"),
            followed.correlate(users).scalar_subquery().label("following_count"),
        ).where(users.c.username_key == username_key, users.c.is_active.is_(True))
        with translated_errors():
            row = (await self._session.execute(query)).mappings().first()
        if row is None:
            return None
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
        query = (
            select(comments, *author_columns(viewer))
            .select_from(_COMMENTERS)
            .where(comments.c.post_id == post_id)
            .order_by(comments.c.created_at, comments.c.id)
        )
        if page.after is not None:
            after = (page.after.key, page.after.id)
            query = query.where(tuple_(comments.c.created_at, comments.c.id) > after)
        with translated_errors():
            total = await self._session.scalar(
                select(func.count()).select_from(comments).where(comments.c.post_id == post_id)
            )
            result = await self._session.execute(query.offset(page.skip).limit(page.limit + 1))
            views = [_comment_view(row) for row in result.mappings().all()]
        return keyset_page(views, total or 0, page, _comment_position)

    async def comment(self, comment_id: CommentId, viewer: UserId | None) -> CommentView | None:
        query = (
            select(comments, *author_columns(viewer))
            .select_from(_COMMENTERS)
            .where(comments.c.id == comment_id)
        )
        with translated_errors():
            row = (await self._session.execute(query)).mappings().first()
        return None if row is None else _comment_view(row)

    async def tags(self, limit: int) -> list[str]:
        uses = func.count().label("uses")
        query = (
            select(post_tags.c.tag, uses)
            .join(posts, posts.c.id == post_tags.c.post_id)
            .where(posts.c.published_at.is_not(None))
            .group_by(post_tags.c.tag)
            .order_by(desc("uses"), post_tags.c.tag)
            .limit(limit)
        )
        with translated_errors():
            return list((await self._session.execute(query)).scalars().all())


def _comment_view(row: RowMapping) -> CommentView:
    return CommentView(
        id=CommentId(row["id"]),
        post_id=PostId(row["post_id"]),
        author=author_from_row(row),
        body=row["body"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )


def _comment_position(view: CommentView) -> Position:
    return Position(view.created_at, view.id)
