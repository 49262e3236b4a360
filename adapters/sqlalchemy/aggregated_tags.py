"""A post's tags read in the same statement as the post: a correlated subquery that aggregates
them in position order (an array on PostgreSQL, a JSON array on SQLite), so a read is one
statement and a page of posts too, whatever the page size."""

import json
from functools import cache
from typing import Any

from sqlalchemy import Label, func, select
from sqlalchemy.dialects.postgresql import aggregate_order_by
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.types import NullType

from adapters.sqlalchemy.tables import post_tags, posts


def tags_column(session: AsyncSession) -> Label[Any]:
    """The ``tags`` column to add to a select of ``posts`` on the session's database."""
    return tags_column_for(session.get_bind().dialect.name)


@cache
def tags_column_for(dialect: str) -> Label[Any]:
    """The ``tags`` column to add to a select of ``posts`` on a ``dialect`` database; built
    once per dialect (an expression is immutable, so every statement can share it)."""
    if dialect == "postgresql":
        in_order = aggregate_order_by(post_tags.c.tag, post_tags.c.position)
        # A text[]: the driver hands it back as a list, which read_tags takes as it is; typed
        # ARRAY(String), SQLAlchemy would copy every row's list item by item in Python first.
        aggregated = func.array_agg(in_order, type_=NullType())
        query = select(aggregated).where(post_tags.c.post_id == posts.c.id)
        return query.scalar_subquery().label("tags")
    ordered = (
        select(post_tags.c.tag)
        .where(post_tags.c.post_id == posts.c.id)
        .order_by(post_tags.c.position)
        .correlate(posts)  # through the derived table, to the outer select of posts
        .subquery()
    )
    return select(func.json_group_array(ordered.c.tag)).scalar_subquery().label("tags")


# A JSON array as json_group_array writes it starts at its first character: raw_decode reads it
# without json.loads' two extra calls and its white-space scans on either side.
_decode_json = json.JSONDecoder().raw_decode


def read_tags(value: Any) -> list[str]:
    """The tags as the column gives them: a list (the driver's own, fresh for each row), a JSON
    array, or NULL (no tags)."""
    if value is None:
        return []
    if isinstance(value, str):
        tags: list[str] = _decode_json(value)[0]
        return tags
    return value if type(value) is list else list(value)
