"""The flat Core baseline: the posts API in one file over SQLAlchemy Core, as an engineer who
skips the ORM would write it.

One ``AsyncConnection`` per request (through ``Depends``), SQLAlchemy's default pool, pydantic
response models with declared return types. The same work and the same JSON as Folio's read
paths: a list is a count, a page and the page's tags (3 statements); a read is the post and its
tags (2 statements); published posts only, newest first.

    BENCH_DATABASE_URL=sqlite+aiosqlite:///path/to.db uvicorn bench.core_app:app
"""

import os
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Query
from pydantic import BaseModel
from sqlalchemy import (
    Column,
    DateTime,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    Uuid,
    exists,
    func,
    select,
)
from sqlalchemy.ext.asyncio import AsyncConnection, create_async_engine
from sqlalchemy.types import TypeDecorator

DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "sqlite+aiosqlite:///./folio.db")
engine = create_async_engine(DATABASE_URL)


class UTCDateTime(TypeDecorator[datetime]):
    """SQLite keeps naive UTC timestamps; hand every backend's back as UTC-aware ones."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_result_value(self, value: Any, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


metadata = MetaData()
posts = Table(
    "posts",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("author_id", Uuid),
    Column("title", String),
    Column("slug", String),
    Column("content", Text),
    Column("created_at", UTCDateTime),
    Column("updated_at", UTCDateTime),
    Column("published_at", UTCDateTime),
)
post_tags = Table(
    "post_tags",
    metadata,
    Column("post_id", Uuid, primary_key=True),
    Column("tag", String, primary_key=True),
    Column("position", Integer),
)


class PostOut(BaseModel):
    id: uuid.UUID
    slug: str
    author_id: uuid.UUID
    title: str
    content: str
    tags: list[str]
    published: bool
    published_at: datetime | None
    created_at: datetime
    updated_at: datetime


class PostPage(BaseModel):
    items: list[PostOut]
    total: int
    skip: int
    limit: int


async def get_connection() -> AsyncIterator[AsyncConnection]:
    async with engine.connect() as connection:
        yield connection


Connection = Annotated[AsyncConnection, Depends(get_connection)]
app = FastAPI(title="flat core")


async def _tags(connection: AsyncConnection, ids: list[uuid.UUID]) -> dict[uuid.UUID, list[str]]:
    query = (
        select(post_tags.c.post_id, post_tags.c.tag)
        .where(post_tags.c.post_id.in_(ids))
        .order_by(post_tags.c.post_id, post_tags.c.position)
    )
    found: dict[uuid.UUID, list[str]] = {}
    for post_id, tag in await connection.execute(query):
        found.setdefault(post_id, []).append(tag)
    return found


def _post(row: Any, tags: list[str]) -> PostOut:
    return PostOut(**row._mapping, tags=tags, published=row.published_at is not None)


@app.get("/posts")
async def list_posts(
    connection: Connection,
    skip: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    tag: Annotated[str | None, Query(min_length=1, max_length=30)] = None,
) -> PostPage:
    filters = [posts.c.published_at.is_not(None)]
    if tag is not None:
        filters.append(
            exists().where(post_tags.c.post_id == posts.c.id, post_tags.c.tag == tag.lower())
        )
    total = await connection.scalar(select(func.count()).select_from(posts).where(*filters))
    page = (
        select(posts)
        .where(*filters)
        .order_by(posts.c.published_at.desc(), posts.c.id.desc())
        .offset(skip)
        .limit(limit)
    )
    rows = (await connection.execute(page)).all()
    tags = await _tags(connection, [row.id for row in rows]) if rows else {}
    items = [_post(row, tags.get(row.id, [])) for row in rows]
    return PostPage(items=items, total=total or 0, skip=skip, limit=limit)


@app.get("/posts/{post_id}")
async def get_post(post_id: uuid.UUID, connection: Connection) -> PostOut:
    row = (await connection.execute(select(posts).where(posts.c.id == post_id))).first()
    if row is None or row.published_at is None:
        raise HTTPException(status_code=404, detail="Post not found")
    return _post(row, (await _tags(connection, [post_id])).get(post_id, []))


@app.get("/tags")
async def list_tags(connection: Connection) -> dict[str, list[str]]:
    """Tags of published posts, most used first (ties by name), at most 100."""
    query = (
        select(post_tags.c.tag)
        .join(posts, posts.c.id == post_tags.c.post_id)
        .where(posts.c.published_at.is_not(None))
        .group_by(post_tags.c.tag)
        .order_by(func.count().desc(), post_tags.c.tag)
        .limit(100)
    )
    return {"tags": list((await connection.execute(query)).scalars())}
