"""Post views: one post is one statement (its tags aggregated in it), and so is a page of a
list whatever its size or depth: its total and its rows, with their authors, favourites,
follows and tags (a search page is two, the total then the rows).

A page's statement picks the page's ids from the posts alone (on PostgreSQL an index-only
scan of the index on ``published_at, id, author_id, hidden_at``, however deep the page), and
only then joins the authors and computes the tags, the favourites and the viewer's marks,
for those rows only; its total comes in the same statement, which gives one row even when
the page is empty (a page past the end still knows the total): read from the counts the
writers keep where there is one (every published post, or those with a tag: ADR 024),
else counted over the posts alone.

Statements are built once per shape (dialect, anonymous or not, which filters, keyset or not)
with bound parameters, and reused: a request only binds its values."""

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    ScalarSelect,
    Select,
    Subquery,
    and_,
    bindparam,
    exists,
    func,
    or_,
    select,
    true,
    tuple_,
)

from adapters.sqlalchemy.aggregated_tags import read_tags, tags_column_for
from adapters.sqlalchemy.errors import translated_errors
from adapters.sqlalchemy.read_model.columns import (
    VIEWER,
    Row,
    author_columns,
    author_from_row,
    favorited,
    favorites_count,
    viewing,
)
from adapters.sqlalchemy.read_model.reads import Reads
from adapters.sqlalchemy.tables import (
    VISIBLE_POSTS,
    favorites,
    follows,
    post_tags,
    post_totals,
    posts,
    tag_counts,
    users,
)
from application.pagination import Page, PageRequest, keyset_page
from application.ports.read_model import PostQuery, PostStatus
from application.posts.views import PostView, position_by
from domain.ids import UserId

_AUTHORS = posts.join(users, users.c.id == posts.c.author_id)
_FAVORITER = users.alias("favoriter")
_NAMED = users.alias("named")
_FOLLOWED = select(follows.c.followee_id).where(follows.c.follower_id == VIEWER)

# Each filter a list may have, as a condition over the posts alone (no join needed).
_CONDITIONS: dict[str, ColumnElement[bool]] = {
    "published": posts.c.published_at.is_not(None),
    "draft": posts.c.published_at.is_(None),
    "tag": exists().where(post_tags.c.post_id == posts.c.id, post_tags.c.tag == bindparam("tag")),
    "author_id": posts.c.author_id == bindparam("author_id"),
    "author": posts.c.author_id.in_(
        select(_NAMED.c.id).where(_NAMED.c.username_key == bindparam("author"))
    ),
    "favorited_by": exists().where(
        favorites.c.post_id == posts.c.id,
        favorites.c.user_id == _FAVORITER.c.id,
        _FAVORITER.c.username_key == bindparam("favorited_by"),
    ),
    "followed_by_viewer": posts.c.author_id.in_(_FOLLOWED),
}


@dataclass(frozen=True, slots=True)
class Filter:
    """A list's WHERE clause: the names of its conditions, and the values they bind."""

    names: tuple[str, ...]
    params: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)

    @property
    def conditions(self) -> list[ColumnElement[bool]]:
        return [_CONDITIONS[name] for name in self.names]


def conditions_of(where: PostQuery) -> Filter:
    names: list[str] = []
    if where.status == PostStatus.PUBLISHED:
        names.append("published")
    elif where.status == PostStatus.DRAFT:
        names.append("draft")
    values = {
        "tag": where.tag,
        "author_id": where.author_id,
        "author": where.author,
        "favorited_by": where.favorited_by,
    }
    given = {name: value for name, value in values.items() if value is not None}
    return Filter((*names, *given), given)


FEED = Filter(("published", "followed_by_viewer"))  # the viewer is the reader


def shown_to_viewer(anonymous: bool) -> ColumnElement[bool]:
    """Posts an admin hid are seen by their author only (every list adds this condition)."""
    shown = posts.c.hidden_at.is_(None)
    return shown if anonymous else or_(shown, posts.c.author_id == VIEWER)


def hidden_from_viewer(anonymous: bool) -> ColumnElement[bool]:
    """The posts ``shown_to_viewer`` leaves out: hidden ones, but the viewer's own."""
    hidden = posts.c.hidden_at.is_not(None)
    return hidden if anonymous else and_(hidden, posts.c.author_id != VIEWER)


# The lists whose visible posts the writers count (visible_counts.py): all published posts,
# and those with a tag. Their total is read, not counted on every page.
_KEPT_COUNTS: dict[tuple[str, ...], ScalarSelect[Any]] = {
    ("published",): select(post_totals.c.posts)
    .where(post_totals.c.name == VISIBLE_POSTS)
    .scalar_subquery(),
    ("published", "tag"): select(tag_counts.c.uses)
    .where(tag_counts.c.tag == bindparam("tag"))
    .scalar_subquery(),
}


def _total(where: Filter, anonymous: bool) -> Subquery:
    """How many posts ``where`` selects that the viewer is shown.

    Where the writers keep the count of the visible ones (``_KEPT_COUNTS``), that count, and
    for a signed-in viewer their own posts there that an admin hid (a few entries of
    ix_posts_hidden). Otherwise the posts ``where`` selects less those hidden from the viewer:
    the first count reads no more than its filters need (on SQLite, checking ``hidden_at`` in
    every entry of the list index cost twice the count itself), the second reads the few
    hidden posts (ix_posts_hidden)."""
    selected = select(func.count()).select_from(posts).where(*where.conditions)
    kept = _KEPT_COUNTS.get(where.names)
    if kept is not None:
        total: ColumnElement[Any] = func.coalesce(kept, 0)
        if not anonymous:
            own_hidden = selected.where(posts.c.hidden_at.is_not(None), posts.c.author_id == VIEWER)
            total = total + own_hidden.scalar_subquery()
        return select(total.label("total")).subquery("counted")
    hidden = selected.where(hidden_from_viewer(anonymous))
    return select((selected.scalar_subquery() - hidden.scalar_subquery()).label("total")).subquery(
        "counted"
    )


class PostViews:
    def __init__(self, reads: Reads) -> None:
        self._reads = reads

    async def one(self, by: str, value: Any, viewer: UserId | None) -> PostView | None:
        """The post whose ``by`` column ("id" or "slug") is ``value``."""
        query = _one(self._reads.dialect, viewer is None, by)
        rows = await self._reads.rows(query, {"key": value, **viewing(viewer)})
        return post_view_from_row(rows[0]) if rows else None

    async def page(
        self,
        where: Filter,
        page: PageRequest,
        viewer: UserId | None,
        *,
        by_publication: bool = True,
        hits: Subquery | None = None,
    ) -> Page[PostView]:
        """A page of the posts ``where`` selects, newest first; a keyset page when
        ``page.after`` is given. With search ``hits``: only those, the best ranked first, by
        skip only (no next position)."""
        params = {**where.params, **viewing(viewer), "skip": page.skip, "size": page.limit + 1}
        if hits is not None:
            return await self._search_page(where, page, viewer, by_publication, hits, params)
        keyset = page.after is not None
        query = _list(self._reads.dialect, viewer is None, where, by_publication, keyset)
        if page.after is not None:
            params |= {"after_key": page.after.key, "after_id": page.after.id}
        rows = await self._reads.rows(query, params)
        count = rows[0]["total"]  # one row at least: an empty page's has no post
        views = [post_view_from_row(row) for row in rows if row["id"] is not None]
        return keyset_page(views, count, page, position_by(by_publication))

    async def _search_page(
        self,
        where: Filter,
        page: PageRequest,
        viewer: UserId | None,
        by_publication: bool,
        hits: Subquery,
        params: dict[str, Any],
    ) -> Page[PostView]:
        total, query = _search(self._reads.dialect, viewer is None, where, by_publication, hits)
        with translated_errors():
            async with self._reads.connection() as connection:
                count = await connection.scalar(total, params)
                rows = (await connection.execute(query, params)).mappings().all()
        views = [post_view_from_row(row) for row in rows]
        return Page(views[: page.limit], count or 0, page.skip, page.limit)


def _view_columns(dialect: str, anonymous: bool) -> list[Any]:
    """A post's columns, its tags, its author and the viewer's view of both, from ``posts``
    and ``users`` joined as its author."""
    return [
        posts,
        tags_column_for(dialect),
        favorites_count().label("favorites_count"),
        favorited(anonymous).label("favorited"),
        *author_columns(anonymous),
    ]


@cache
def _views(dialect: str, anonymous: bool) -> Select[Any]:
    """Posts with their tags, their author and the viewer's view of both, one row per post."""
    return select(*_view_columns(dialect, anonymous)).select_from(_AUTHORS)


@cache
def _one(dialect: str, anonymous: bool, by: str) -> Select[Any]:
    return _views(dialect, anonymous).where(posts.c[by] == bindparam("key"))


def _paged(query: Select[Any]) -> Select[Any]:
    return query.offset(bindparam("skip", type_=Integer)).limit(bindparam("size", type_=Integer))


@cache
def _list(
    dialect: str, anonymous: bool, where: Filter, by_publication: bool, keyset: bool
) -> Select[Any]:
    """A page of a list of this shape with its total: the page's rows in list order, each
    with the ``total``, or a single row of NULLs but the ``total`` when the page is empty."""
    order = posts.c.published_at if by_publication else posts.c.created_at
    conditions = [*where.conditions, shown_to_viewer(anonymous)]
    counted = _total(where, anonymous)
    chosen = select(posts.c.id, order.label("key")).where(*conditions)
    if keyset:
        after = tuple_(
            bindparam("after_key", type_=order.type), bindparam("after_id", type_=posts.c.id.type)
        )
        chosen = chosen.where(tuple_(order, posts.c.id) < after)
    page = _paged(chosen.order_by(order.desc(), posts.c.id.desc())).subquery("page")
    rows = (
        counted.outerjoin(page, true())
        .outerjoin(posts, posts.c.id == page.c.id)
        .outerjoin(users, users.c.id == posts.c.author_id)
    )
    columns = [counted.c.total, *_view_columns(dialect, anonymous)]
    return select(*columns).select_from(rows).order_by(page.c.key.desc(), page.c.id.desc())


def _search(
    dialect: str, anonymous: bool, where: Filter, by_publication: bool, hits: Subquery
) -> tuple[Select[Any], Select[Any]]:
    """The count and the page of search ``hits`` (built anew: the hits carry the words)."""
    newest = posts.c.published_at if by_publication else posts.c.created_at
    matched = hits.c.post_id == posts.c.id
    conditions = [*where.conditions, shown_to_viewer(anonymous)]
    total = select(func.count()).select_from(posts.join(hits, matched)).where(*conditions)
    query = _views(dialect, anonymous).join(hits, matched).where(*conditions)
    order = (hits.c.rank.desc(), newest.desc(), posts.c.id.desc())
    return total, _paged(query.order_by(*order))


def post_view_from_row(row: Row) -> PostView:
    # Ids as the driver gives them: PostId and UserId are NewTypes, whose call is a Python
    # function call that returns its argument (63 a page).
    return PostView(
        id=row["id"],
        author_id=row["author_id"],
        author=author_from_row(row),
        title=row["title"],
        slug=row["slug"],
        description=row["description"],
        content=row["content"],
        tags=read_tags(row["tags"]),
        published=row["published_at"] is not None,
        hidden_reason=row["hidden_reason"],
        hidden_at=row["hidden_at"],
        published_at=row["published_at"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        favorited=bool(row["favorited"]),
        favorites_count=int(row["favorites_count"]),
        version=row["version"],
    )
