"""The pieces every view query shares: the viewer-dependent columns, computed in the query
(an EXISTS or a correlated COUNT per row of the one statement, never a statement per row)."""

from typing import Any

from sqlalchemy import ColumnElement, exists, false, func, select
from sqlalchemy.engine import RowMapping

from adapters.sqlalchemy.tables import favorites, follows, posts, users
from application.users.views import AuthorView
from domain.ids import UserId


def following(viewer: UserId | None, followee_id: ColumnElement[Any]) -> ColumnElement[bool]:
    """Whether ``viewer`` follows the user ``followee_id`` names (false when anonymous)."""
    if viewer is None:
        return false()
    return exists().where(follows.c.follower_id == viewer, follows.c.followee_id == followee_id)


def author_columns(viewer: UserId | None) -> list[ColumnElement[Any]]:
    """The author's public fields, from ``users`` joined as the author, prefixed ``author_``."""
    return [
        users.c.id.label("author_id_"),
        users.c.username.label("author_username"),
        users.c.name.label("author_name"),
        users.c.bio.label("author_bio"),
        users.c.image.label("author_image"),
        following(viewer, users.c.id).label("author_following"),
    ]


def favorites_count() -> ColumnElement[int]:
    """How many users favourited the post of the enclosing query's row."""
    count = select(func.count()).select_from(favorites).where(favorites.c.post_id == posts.c.id)
    return count.correlate(posts).scalar_subquery()


def favorited(viewer: UserId | None) -> ColumnElement[bool]:
    """Whether ``viewer`` favourited the post of the enclosing query's row."""
    if viewer is None:
        return false()
    return exists().where(favorites.c.post_id == posts.c.id, favorites.c.user_id == viewer)


def author_from_row(row: RowMapping) -> AuthorView:
    return AuthorView(
        id=UserId(row["author_id_"]),
        username=row["author_username"],
        name=row["author_name"],
        bio=row["author_bio"],
        image=row["author_image"],
        following=bool(row["author_following"]),
    )
