"""SQLite's search: an FTS5 table with the porter stemmer, ranked by bm25 with the title
weighing most, then tags, description and content."""

from collections.abc import Sequence
from typing import Any

from sqlalchemy import (
    Column,
    ColumnElement,
    MetaData,
    Subquery,
    Table,
    Text,
    Uuid,
    delete,
    func,
    insert,
    literal_column,
    select,
)
from sqlalchemy.ext.asyncio import AsyncSession

from domain.posts.post import Post
from domain.posts.search import SearchQuery, SearchTerm

# Declared for queries only; migration 0005 creates it as
# ``CREATE VIRTUAL TABLE post_search USING fts5(post_id UNINDEXED, title, tags, description,
# content, tokenize = 'porter unicode61')`` with a trigger that forgets deleted posts.
post_search = Table(
    "post_search",
    MetaData(),
    Column("post_id", Uuid),
    Column("title", Text),
    Column("tags", Text),
    Column("description", Text),
    Column("content", Text),
)
# bm25 weights per column, in table order: post_id (unindexed), title, tags, description, content.
WEIGHTS = (0.0, 10.0, 6.0, 4.0, 1.0)


def match_expression(query: SearchQuery) -> str:
    """FTS5 syntax for ``query``: every word quoted, so no input can be read as an operator."""
    included = " AND ".join(_phrase(term) for term in query.included)
    excluded = "".join(f" NOT {_phrase(term)}" for term in query.excluded)
    return included + excluded


def _phrase(term: SearchTerm) -> str:
    return '"' + " ".join(term.words) + '"'


class Fts5Search:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def index(self, posts: Sequence[Post]) -> None:
        if not posts:
            return
        ids = [post.id for post in posts]
        await self._session.execute(delete(post_search).where(post_search.c.post_id.in_(ids)))
        rows = [
            {
                "post_id": post.id,
                "title": post.title.value,
                "tags": " ".join(post.tags.as_strings()),
                "description": post.description.value,
                "content": post.content.value,
            }
            for post in posts
        ]
        await self._session.execute(insert(post_search), rows)

    @staticmethod
    def hits(query: SearchQuery) -> Subquery:
        table: ColumnElement[Any] = literal_column("post_search")
        rank = -func.bm25(table, *WEIGHTS)
        return (
            select(post_search.c.post_id, rank.label("rank"))
            .where(table.op("MATCH")(match_expression(query)))
            .subquery("hits")
        )
