"""The flat RealWorld baseline: the four RealWorld read paths in one file, the way the
best-known Python implementation serves them (hand-written queries, and for every article its
author, whether the reader follows them, its tags, its favourites count and whether the reader
favourited it, each asked separately). SQLAlchemy Core over one connection per request, so it
runs on SQLite and PostgreSQL alike; the same JSON as Folio's /api.

    BENCH_DATABASE_URL=... BENCH_JWT_SECRET=... uvicorn bench.realworld_app:app
"""

import os
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Annotated, Any

import jwt
from fastapi import Depends, FastAPI, Header, HTTPException, Query
from sqlalchemy import Column, Integer, MetaData, String, Table, Text, Uuid, and_, func, select
from sqlalchemy.ext.asyncio import AsyncConnection, create_async_engine

from bench.core_app import UTCDateTime

DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "sqlite+aiosqlite:///./folio.db")
JWT_SECRET = os.environ.get("BENCH_JWT_SECRET", "")
engine = create_async_engine(DATABASE_URL)

metadata = MetaData()
users = Table(
    "users", metadata, Column("id", Uuid, primary_key=True), Column("username", String),
    Column("bio", String), Column("image", String),
)  # fmt: skip
posts = Table(
    "posts", metadata, Column("id", Uuid, primary_key=True), Column("author_id", Uuid),
    Column("title", String), Column("slug", String), Column("description", String),
    Column("content", Text), Column("created_at", UTCDateTime), Column("updated_at", UTCDateTime),
    Column("published_at", UTCDateTime),
)  # fmt: skip
post_tags = Table(
    "post_tags",
    metadata,
    Column("post_id", Uuid),
    Column("tag", String),
    Column("position", Integer),
)
follows = Table("follows", metadata, Column("follower_id", Uuid), Column("followee_id", Uuid))
favorites = Table("favorites", metadata, Column("user_id", Uuid), Column("post_id", Uuid))


async def get_connection() -> AsyncIterator[AsyncConnection]:
    async with engine.connect() as connection:
        yield connection


def reader_of(authorization: Annotated[str | None, Header()] = None) -> uuid.UUID | None:
    if authorization is None:
        return None
    token = authorization.partition(" ")[2]
    try:
        claims = jwt.decode(
            token, JWT_SECRET, algorithms=["HS256"], issuer="folio", audience="folio-api"
        )
    except jwt.PyJWTError as error:
        raise HTTPException(401, "invalid token") from error
    return uuid.UUID(claims["sub"])


Connection = Annotated[AsyncConnection, Depends(get_connection)]
Reader = Annotated[uuid.UUID | None, Depends(reader_of)]
app = FastAPI(title="flat RealWorld")


def _timestamp(moment: datetime) -> str:
    moment = moment.astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


async def _profile(db: AsyncConnection, user_id: uuid.UUID, reader: uuid.UUID | None) -> Any:
    user = (await db.execute(select(users).where(users.c.id == user_id))).one()
    following = False
    if reader is not None:
        edge = and_(follows.c.follower_id == reader, follows.c.followee_id == user_id)
        following = bool(await db.scalar(select(func.count()).select_from(follows).where(edge)))
    return {
        "username": user.username, "bio": user.bio or "", "image": user.image or "",
        "following": following,
    }  # fmt: skip


async def _article(db: AsyncConnection, row: Any, reader: uuid.UUID | None, body: bool) -> Any:
    tag_query = select(post_tags.c.tag).where(post_tags.c.post_id == row.id)
    tags = list((await db.execute(tag_query.order_by(post_tags.c.position))).scalars())
    count_query = select(func.count()).select_from(favorites)
    count = await db.scalar(count_query.where(favorites.c.post_id == row.id)) or 0
    favorited = False
    if reader is not None:
        mine = and_(favorites.c.post_id == row.id, favorites.c.user_id == reader)
        favorited = bool(await db.scalar(count_query.where(mine)))
    article = {
        "slug": row.slug, "title": row.title, "description": row.description or "",
        "tagList": tags, "createdAt": _timestamp(row.created_at),
        "updatedAt": _timestamp(row.updated_at), "favorited": favorited,
        "favoritesCount": count, "author": await _profile(db, row.author_id, reader),
    }  # fmt: skip
    if body:
        article["body"] = row.content
    return article


async def _page(db: AsyncConnection, where: Any, limit: int, offset: int, reader: Any) -> Any:
    total = await db.scalar(select(func.count()).select_from(posts).where(where))
    query = select(posts).where(where).order_by(posts.c.published_at.desc(), posts.c.id.desc())
    rows = (await db.execute(query.limit(limit).offset(offset))).all()
    articles = [await _article(db, row, reader, body=False) for row in rows]
    return {"articles": articles, "articlesCount": total or 0}


Limit = Annotated[int, Query(ge=1, le=100)]
Offset = Annotated[int, Query(ge=0)]


@app.get("/api/articles")
async def list_articles(
    db: Connection, reader: Reader, limit: Limit = 20, offset: Offset = 0
) -> Any:
    return await _page(db, posts.c.published_at.is_not(None), limit, offset, reader)


@app.get("/api/articles/feed")
async def feed(db: Connection, reader: Reader, limit: Limit = 20, offset: Offset = 0) -> Any:
    if reader is None:
        raise HTTPException(401, "token missing")
    followed = select(follows.c.followee_id).where(follows.c.follower_id == reader)
    where = and_(posts.c.published_at.is_not(None), posts.c.author_id.in_(followed))
    return await _page(db, where, limit, offset, reader)


@app.get("/api/articles/{slug}")
async def get_article(slug: str, db: Connection, reader: Reader) -> Any:
    row = (await db.execute(select(posts).where(posts.c.slug == slug))).first()
    if row is None or row.published_at is None:
        raise HTTPException(404, "article not found")
    return {"article": await _article(db, row, reader, body=True)}


@app.get("/api/tags")
async def tags(db: Connection) -> Any:
    uses = func.count().label("uses")
    query = (
        select(post_tags.c.tag, uses)
        .join(posts, posts.c.id == post_tags.c.post_id)
        .where(posts.c.published_at.is_not(None))
        .group_by(post_tags.c.tag)
        .order_by(uses.desc(), post_tags.c.tag)
        .limit(100)
    )
    return {"tags": list((await db.execute(query)).scalars())}
