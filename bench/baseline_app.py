"""The baseline: the posts API as a FastAPI + SQLAlchemy tutorial would write it, in one file.

ORM models declared over the tables Folio's migrations create, a session per request through
``Depends``, pydantic response models filled from the ORM objects. It does the same work as
Folio's read paths: a count and a page (with the tags, eagerly loaded) for a list, one post with
its tags for a read, published posts only, newest first, the same JSON.

    BENCH_DATABASE_URL=sqlite+aiosqlite:///path/to.db uvicorn bench.baseline_app:app
"""

import os
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Query
from pydantic import BaseModel, ConfigDict
from sqlalchemy import DateTime, ForeignKey, String, func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, selectinload
from sqlalchemy.types import TypeDecorator

DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "sqlite+aiosqlite:///./folio.db")

engine = create_async_engine(DATABASE_URL)
SessionLocal = async_sessionmaker(engine, expire_on_commit=False)


class UTCDateTime(TypeDecorator[datetime]):
    """SQLite keeps naive UTC timestamps; hand them back as UTC-aware ones."""

    impl = DateTime
    cache_ok = True

    def process_result_value(self, value: Any, dialect: Any) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    pass


class PostTag(Base):
    __tablename__ = "post_tags"

    post_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("posts.id"), primary_key=True)
    tag: Mapped[str] = mapped_column(String(30), primary_key=True)
    position: Mapped[int]


class Post(Base):
    __tablename__ = "posts"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    author_id: Mapped[uuid.UUID]
    title: Mapped[str]
    slug: Mapped[str]
    content: Mapped[str]
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    tag_rows: Mapped[list[PostTag]] = relationship(order_by=PostTag.position, lazy="raise")

    @property
    def tags(self) -> list[str]:
        return [row.tag for row in self.tag_rows]

    @property
    def published(self) -> bool:
        return self.published_at is not None


class PostOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

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


async def get_session() -> AsyncIterator[AsyncSession]:
    async with SessionLocal() as session:
        yield session


Session = Annotated[AsyncSession, Depends(get_session)]

app = FastAPI(title="baseline")


@app.get("/posts", response_model=PostPage)
async def list_posts(
    session: Session,
    skip: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    tag: Annotated[str | None, Query(min_length=1, max_length=30)] = None,
) -> Any:
    filters = [Post.published_at.is_not(None)]
    if tag is not None:
        filters.append(Post.tag_rows.any(PostTag.tag == tag.strip().lower()))
    total = await session.scalar(select(func.count()).select_from(Post).where(*filters))
    page = (
        select(Post)
        .where(*filters)
        .options(selectinload(Post.tag_rows))
        .order_by(Post.published_at.desc(), Post.id.desc())
        .offset(skip)
        .limit(limit)
    )
    posts = (await session.scalars(page)).all()
    return {"items": posts, "total": total, "skip": skip, "limit": limit}


@app.get("/posts/{post_id}", response_model=PostOut)
async def get_post(post_id: uuid.UUID, session: Session) -> Any:
    post = await session.get(Post, post_id, options=[selectinload(Post.tag_rows)])
    if post is None or post.published_at is None:
        raise HTTPException(status_code=404, detail="Post not found")
    return post


@app.get("/tags")
async def list_tags(session: Session) -> dict[str, list[str]]:
    """Tags of published posts, most used first (ties by name), at most 100."""
    query = (
        select(PostTag.tag)
        .join(Post, Post.id == PostTag.post_id)
        .where(Post.published_at.is_not(None))
        .group_by(PostTag.tag)
        .order_by(func.count().desc(), PostTag.tag)
        .limit(100)
    )
    return {"tags": list(await session.scalars(query))}
