"""PostgreSQL's search: a tsvector per post (english configuration) under a GIN index, ranked
by ts_rank with the title weighing most (A), then tags (B), description (C) and content (D)."""

from collections.abc import Sequence
from typing import Any

from sqlalchemy import (
    Column,
    ColumnElement,
    ForeignKey,
    MetaData,
    Subquery,
    Table,
    Text,
    Uuid,
    func,
    literal,
    literal_column,
    select,
)
from sqlalchemy.dialects.postgresql import ARRAY, REAL, TSVECTOR, insert
from sqlalchemy.ext.asyncio import AsyncSession

from domain.posts.post import Post
from domain.posts.search import SearchQuery, SearchTerm

CONFIG = "english"
# ts_rank's weights of D, C, B, A.
WEIGHTS = [0.1, 0.2, 0.4, 1.0]

# Declared for queries only; migration 0005 creates it, with a GIN index on ``document``.
post_search = Table(
    "post_search",
    MetaData(),
    Column("post_id", Uuid, ForeignKey("posts.id", ondelete="CASCADE"), primary_key=True),
    Column("document", TSVECTOR, nullable=False),
)


_CONFIG: ColumnElement[Any] = literal_column(f"'{CONFIG}'::regconfig")


def _weighted(text: str, weight: str) -> ColumnElement[Any]:
    """``text``'s lexemes marked with ``weight`` (one of A, B, C, D: a constant, never input)."""
    marked: ColumnElement[Any] = literal_column(f"'{weight}'")
    return func.setweight(func.to_tsvector(_CONFIG, literal(text, Text)), marked)


def document_of(post: Post) -> ColumnElement[Any]:
    return (
        _weighted(post.title.value, "A")
        .op("||")(_weighted(" ".join(post.tags.as_strings()), "B"))
        .op("||")(_weighted(post.description.value, "C"))
        .op("||")(_weighted(post.content.value, "D"))
    )


def ts_query(query: SearchQuery) -> ColumnElement[Any]:
    """``query`` as a tsquery built from bound phrases: no input can be read as syntax. A
    SearchQuery has at least one word to look for, which comes first."""
    first, *others = query.included
    combined = _phrase(first)
    for term in others:
        combined = func.tsquery_and(combined, _phrase(term))
    for term in query.excluded:
        combined = func.tsquery_and(combined, func.tsquery_not(_phrase(term)))
    return combined


def _phrase(term: SearchTerm) -> ColumnElement[Any]:
    return func.phraseto_tsquery(_CONFIG, literal(" ".join(term.words), Text))


class TsvectorSearch:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def index(self, posts: Sequence[Post]) -> None:
        for post in posts:
            statement = insert(post_search).values(post_id=post.id, document=document_of(post))
            await self._session.execute(
                statement.on_conflict_do_update(
                    index_elements=[post_search.c.post_id],
                    set_={"document": statement.excluded.document},
                )
            )

    @staticmethod
    def hits(query: SearchQuery) -> Subquery:
        tsquery = ts_query(query)
        weights = literal(WEIGHTS, ARRAY(REAL))
        rank = func.ts_rank(weights, post_search.c.document, tsquery)
        return (
            select(post_search.c.post_id, rank.label("rank"))
            .where(post_search.c.document.op("@@")(tsquery))
            .subquery("hits")
        )
