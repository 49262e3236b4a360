"""The pieces every view query shares: the viewer-dependent columns, computed in the query
(an EXISTS or a correlated COUNT per row of the one statement, never a statement per row).

The viewer is the bound parameter VIEWER, so a view's statement is built once per shape
(anonymous or not) and reused: only its parameters change from request to request."""

from typing import Any, Protocol

from sqlalchemy import BindParameter, ColumnElement, bindparam, exists, false, func, select

from adapters.sqlalchemy.tables import favorites, follows, posts, users
from application.users.views import AuthorView
from domain.ids import UserId

VIEWER: BindParameter[Any] = bindparam("viewer", type_=users.c.id.type)


def viewing(viewer: UserId | None) -> dict[str, Any]:
    """The parameters of a statement built for ``viewer`` (none when anonymous)."""
    return {} if viewer is None else {"viewer": viewer}


def following(anonymous: bool, followee_id: ColumnElement[Any]) -> ColumnElement[bool]:
    """Whether the viewer follows the user ``followee_id`` names (false when anonymous)."""
    if anonymous:
        return false()
    return exists().where(follows.c.follower_id == VIEWER, follows.c.followee_id == followee_id)


def author_columns(anonymous: bool) -> list[ColumnElement[Any]]:
    """The author's public fields, from ``users`` joined as the author, prefixed ``author_``."""
    return [
        users.c.id.label("author_id_"),
        users.c.username.label("author_username"),
        users.c.name.label("author_name"),
        users.c.bio.label("author_bio"),
        users.c.image.label("author_image"),
        following(anonymous, users.c.id).label("author_following"),
    ]


def favorites_count() -> ColumnElement[int]:
    """How many users favourited the post of the enclosing query's row."""
    count = select(func.count()).select_from(favorites).where(favorites.c.post_id == posts.c.id)
    return count.correlate(posts).scalar_subquery()


def favorited(anonymous: bool) -> ColumnElement[bool]:
    """Whether the viewer favourited the post of the enclosing query's row."""
    if anonymous:
        return false()
    return exists().where(favorites.c.post_id == posts.c.id, favorites.c.user_id == VIEWER)


class Row(Protocol):
    """A view's row read by column name: SQLAlchemy's RowMapping or asyncpg's Record."""

    def __getitem__(self, key: str, /) -> Any: ...


def author_from_row(row: Row) -> AuthorView:
    return AuthorView(
        id=row["author_id_"],  # a UserId: no NewType call (a Python call per author)
        username=row["author_username"],
        name=row["author_name"],
        bio=row["author_bio"],
        image=row["author_image"],
        following=bool(row["author_following"]),
    )
