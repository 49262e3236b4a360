"""The raw asyncpg baseline (PostgreSQL only): the posts API in one file, hand-written SQL over
an asyncpg pool, no SQLAlchemy at all. The same statements as the flat apps (a count, a page and
its tags for a list; the post and its tags for a read) and the same JSON.

    BENCH_DATABASE_URL=postgresql://user@host/db uvicorn bench.asyncpg_app:app
"""

import os
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime
from typing import Annotated, Any

import asyncpg
from fastapi import FastAPI, HTTPException, Query
from pydantic import BaseModel

DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgresql://postgres@127.0.0.1/folio")
COLUMNS = "id, author_id, title, slug, content, created_at, updated_at, published_at"
PUBLISHED = "published_at IS NOT NULL"
BY_TAG = "EXISTS (SELECT 1 FROM post_tags t WHERE t.post_id = posts.id AND t.tag = $1)"
USED_TAGS = (
    "SELECT t.tag FROM post_tags t JOIN posts ON posts.id = t.post_id WHERE posts.published_at"
    " IS NOT NULL GROUP BY t.tag ORDER BY count(*) DESC, t.tag LIMIT 100"
)
TAGS = "SELECT post_id, tag FROM post_tags WHERE post_id = ANY($1) ORDER BY post_id, position"


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


pool: asyncpg.Pool | None = None


@asynccontextmanager
async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
    global pool
    pool = await asyncpg.create_pool(DATABASE_URL.replace("+asyncpg", ""), min_size=2, max_size=10)
    yield
    await pool.close()


app = FastAPI(title="raw asyncpg", lifespan=lifespan)


def _post(row: Any, tags: list[str]) -> PostOut:
    return PostOut(**dict(row), tags=tags, published=row["published_at"] is not None)


async def _tags(connection: Any, ids: list[uuid.UUID]) -> dict[uuid.UUID, list[str]]:
    found: dict[uuid.UUID, list[str]] = {}
    for row in await connection.fetch(TAGS, ids):
        found.setdefault(row["post_id"], []).append(row["tag"])
    return found


@app.get("/posts")
async def list_posts(
    skip: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    tag: Annotated[str | None, Query(min_length=1, max_length=30)] = None,
) -> PostPage:
    assert pool is not None
    where, args = (f"{PUBLISHED} AND {BY_TAG}", [tag.lower()]) if tag else (PUBLISHED, [])
    n = len(args)
    async with pool.acquire() as connection:
        total = await connection.fetchval(f"SELECT count(*) FROM posts WHERE {where}", *args)  # noqa: S608
        rows = await connection.fetch(
            f"SELECT {COLUMNS} FROM posts WHERE {where} "  # noqa: S608 - constant fragments
            f"ORDER BY published_at DESC, id DESC OFFSET ${n + 1} LIMIT ${n + 2}",
            *args,
            skip,
            limit,
        )
        tags = await _tags(connection, [row["id"] for row in rows]) if rows else {}
    items = [_post(row, tags.get(row["id"], [])) for row in rows]
    return PostPage(items=items, total=total, skip=skip, limit=limit)


@app.get("/posts/{post_id}")
async def get_post(post_id: uuid.UUID) -> PostOut:
    assert pool is not None
    async with pool.acquire() as connection:
        row = await connection.fetchrow(f"SELECT {COLUMNS} FROM posts WHERE id = $1", post_id)  # noqa: S608
        if row is None or row["published_at"] is None:
            raise HTTPException(status_code=404, detail="Post not found")
        tags = await _tags(connection, [post_id])
    return _post(row, tags.get(post_id, []))


@app.get("/tags")
async def list_tags() -> dict[str, list[str]]:
    """Tags of published posts, most used first (ties by name), at most 100."""
    assert pool is not None
    async with pool.acquire() as connection:
        return {"tags": [row["tag"] for row in await connection.fetch(USED_TAGS)]}
