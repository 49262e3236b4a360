"""Full-text search of posts in SQL: an FTS5 table on SQLite, a tsvector with a GIN index on
PostgreSQL. Both are written by the posts repository inside the transaction that writes the
post, and both answer a SearchQuery with ``hits``: (post_id, rank) rows, higher rank first.

Neither table is in ``tables.metadata``: their types exist on one database only, so each is
made by migration 0005 for its dialect (see SEARCH_TABLES, which the schema check ignores)."""

from collections.abc import Callable, Sequence
from typing import Protocol

from sqlalchemy import Subquery
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.sqlalchemy.search.fts5 import Fts5Search
from adapters.sqlalchemy.search.tsvector import TsvectorSearch
from domain.posts.post import Post
from domain.posts.search import SearchQuery

# Tables the search owns on some database (FTS5 adds its shadow tables post_search_*).
SEARCH_TABLES = "post_search"


class SqlSearch(Protocol):
    async def index(self, posts: Sequence[Post]) -> None:
        """Make the index hold these posts as they now are (in the session's transaction)."""

    def hits(self, query: SearchQuery) -> Subquery:
        """The posts matching ``query`` as (post_id, rank), a higher rank a better match."""


def is_search_table(name: str | None) -> bool:
    return name is not None and name.startswith(SEARCH_TABLES)


def search_for(session: AsyncSession) -> SqlSearch:
    """The search of the database ``session`` talks to."""
    bind = session.bind
    if bind is not None and bind.dialect.name == "postgresql":
        return TsvectorSearch(session)
    return Fts5Search(session)


def search_hits_for(dialect: str) -> Callable[[SearchQuery], Subquery]:
    """``hits`` of the search of a ``dialect`` database (a statement: no connection needed)."""
    return TsvectorSearch.hits if dialect == "postgresql" else Fts5Search.hits
