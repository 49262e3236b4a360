"""Posts over one AsyncSession; a post's tags are rows of ``post_tags`` ordered by position,
read with the post in one statement (aggregated_tags.py)."""

from datetime import datetime

from sqlalchemy import ColumnElement, delete, exists, func, insert, select, tuple_, update
from sqlalchemy.engine import RowMapping
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.sqlalchemy.aggregated_tags import read_tags, tags_column
from adapters.sqlalchemy.errors import translated_errors
from adapters.sqlalchemy.mappers import (
    Row,
    changed_columns,
    post_from_row,
    post_row,
    tag_rows,
)
from adapters.sqlalchemy.search import search_for
from adapters.sqlalchemy.tables import post_tags, posts
from adapters.sqlalchemy.visible_counts import count_changes, locked_visible
from application.pagination import Page, PageRequest, Position, keyset_page
from application.ports.repositories import PostFilter, PostRepository
from domain.errors import StaleVersion
from domain.ids import PostId, UserId
from domain.posts.post import Post
from domain.posts.values import Slug

SEARCHED_COLUMNS = frozenset({"title", "description", "content"})
VISIBILITY_COLUMNS = frozenset({"published_at", "hidden_at"})


class SqlAlchemyPostRepository(PostRepository):
    def __init__(self, session: AsyncSession) -> None:
        super().__init__()
        self._session = session
        self._added: dict[PostId, Post] = {}
        self._removed: set[PostId] = set()
        self._loaded: dict[PostId, tuple[Row, list[str]]] = {}
        self._tags = tags_column(session)

    def _add(self, post: Post) -> None:
        self._added[post.id] = post

    async def _get(self, post_id: PostId) -> Post | None:
        return await self._one(posts.c.id == post_id)

    async def _get_by_slug(self, slug: str) -> Post | None:
        return await self._one(posts.c.slug == slug)

    async def _one(self, condition: ColumnElement[bool]) -> Post | None:
        query = select(posts, self._tags).where(condition)
        with translated_errors():
            row = (await self._session.execute(query)).mappings().first()
        return None if row is None else self._remember(row, read_tags(row["tags"]))

    async def _remove(self, post: Post) -> None:
        self._removed.add(post.id)

    async def _list_published(self, where: PostFilter, page: PageRequest) -> Page[Post]:
        conditions: list[ColumnElement[bool]] = [posts.c.published_at.is_not(None)]
        if where.author_id is not None:
            conditions.append(posts.c.author_id == where.author_id)
        if where.tag is not None:
            conditions.append(
                exists().where(post_tags.c.post_id == posts.c.id, post_tags.c.tag == where.tag)
            )
        newest_first = (posts.c.published_at.desc(), posts.c.id.desc())
        with translated_errors():
            total = await self._session.scalar(
                select(func.count()).select_from(posts).where(*conditions)
            )
            query = select(posts, self._tags).where(*conditions).order_by(*newest_first)
            if page.after is not None:
                after = (page.after.key, page.after.id)
                query = query.where(tuple_(posts.c.published_at, posts.c.id) < after)
            result = await self._session.execute(query.offset(page.skip).limit(page.limit + 1))
            rows = result.mappings().all()
        found = [self._remember(row, read_tags(row["tags"])) for row in rows]
        return keyset_page(found, total or 0, page, _position)

    async def count_written_since(self, author_id: UserId, since: datetime) -> int:
        query = select(func.count()).where(
            posts.c.author_id == author_id, posts.c.created_at > since
        )
        with translated_errors():
            return int(await self._session.scalar(query) or 0)

    async def slug_taken(self, slug: Slug) -> bool:
        with translated_errors():
            return bool(
                await self._session.scalar(select(exists().where(posts.c.slug == slug.value)))
            )

    async def save_changes(self) -> None:
        """Insert added posts, update changed ones (replacing their tags if those changed), and
        delete removed ones (their tags and search entry go with them); the search index gets
        every post whose searchable text is new or changed, and the visible posts' counts every
        change of what is visible (visible_counts.py)."""
        new = [post for post_id, post in self._added.items() if post_id not in self._removed]
        changing = self._changing_visible()
        visible_before = await locked_visible(self._session, changing)
        if new:
            await self._session.execute(insert(posts), [post_row(post) for post in new])
            await self._insert_tags([row for post in new for row in tag_rows(post)])
        reindex = [*new]
        for post_id, (before, before_tags) in self._loaded.items():
            post = self.seen.get(post_id)
            if post is None or post_id in self._removed:
                continue
            changes = changed_columns(before, post_row(post))
            retagged = post.tags.as_strings() != before_tags
            if changes or retagged:
                await self._bump(post, changes)
            if retagged:
                await self._session.execute(delete(post_tags).where(post_tags.c.post_id == post_id))
                await self._insert_tags(tag_rows(post))
            if retagged or changes.keys() & SEARCHED_COLUMNS:
                reindex.append(post)
        await search_for(self._session).index(reindex)
        gone = self._removed - self._added.keys()
        guarded = {p for p in gone if self.seen[p].guarded_version is not None}
        for post_id in guarded:
            condition = posts.c.version == self.seen[post_id].guarded_version
            found = await self._session.execute(
                delete(posts).where(posts.c.id == post_id, condition).returning(posts.c.id)
            )
            if found.first() is None:
                raise StaleVersion()
        if gone - guarded:
            await self._session.execute(delete(posts).where(posts.c.id.in_(gone - guarded)))
        await count_changes(self._session, visible_before, changing, new)

    def _changing_visible(self) -> list[PostId]:
        """The stored posts this unit of work removes, retags, publishes or unpublishes, hides
        or restores: those whose visibility or visible tags may change."""
        changing = [post_id for post_id in self._removed if post_id not in self._added]
        for post_id, (before, before_tags) in self._loaded.items():
            post = self.seen.get(post_id)
            if post is None or post_id in self._removed:
                continue
            moved = changed_columns(before, post_row(post)).keys() & VISIBILITY_COLUMNS
            if moved or post.tags.as_strings() != before_tags:
                changing.append(post_id)
        return changing

    def mark_saved(self) -> None:
        """The transaction committed: what is in memory is now what is stored."""
        for post_id in self._removed:
            self.seen.pop(post_id, None)
        self._added.clear()
        self._removed.clear()
        self._loaded = {p.id: (post_row(p), p.tags.as_strings()) for p in self.seen.values()}

    async def _bump(self, post: Post, changes: Row) -> None:
        """Write ``changes`` and count one more version; with a guarded version, only if the
        stored one is still it (StaleVersion otherwise)."""
        query = update(posts).where(posts.c.id == post.id)
        if post.guarded_version is not None:
            query = query.where(posts.c.version == post.guarded_version)
        query = query.values({**changes, "version": posts.c.version + 1})
        version = (await self._session.execute(query.returning(posts.c.version))).scalar()
        if version is None:
            raise StaleVersion()
        post.version = version

    async def _insert_tags(self, rows: list[Row]) -> None:
        if rows:
            await self._session.execute(insert(post_tags), rows)

    def _remember(self, row: RowMapping, tags: list[str]) -> Post:
        post = post_from_row(row, tags)
        self._loaded.setdefault(post.id, (post_row(post), post.tags.as_strings()))
        return post


def _position(post: Post) -> Position:
    if post.published_at is None:  # pragma: no cover - lists hold published posts only
        raise ValueError("a draft has no place in a list of published posts")
    return Position(post.published_at, post.id)
