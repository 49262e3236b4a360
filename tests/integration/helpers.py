"""Assertions and probes shared by the contract tests."""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import fields
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine

from application.pagination import PageRequest
from application.ports.repositories import PostFilter
from application.ports.unit_of_work import UnitOfWork
from domain.posts.post import Post
from domain.social.comment import Comment
from domain.social.favorite import Favorite
from domain.social.follow import Follow
from domain.users.user import User


async def store(
    new_uow: Callable[[], UnitOfWork], *aggregates: User | Post | Follow | Favorite | Comment
) -> None:
    """Add the aggregates in one unit of work and commit."""
    async with new_uow() as uow:
        for aggregate in aggregates:
            if isinstance(aggregate, User):
                uow.users.add(aggregate)
            elif isinstance(aggregate, Post):
                uow.posts.add(aggregate)
            elif isinstance(aggregate, Follow):
                uow.follows.add(aggregate)
            elif isinstance(aggregate, Favorite):
                uow.favorites.add(aggregate)
            else:
                uow.comments.add(aggregate)
        await uow.commit()


async def listed(
    new_uow: Callable[[], UnitOfWork], where: PostFilter = PostFilter(), **page: int
) -> list[Post]:
    """The published posts ``where`` says, on the page ``page`` (skip, limit) says."""
    async with new_uow() as uow:
        return list((await uow.posts.list_published(where, PageRequest(**page))).items)


def state_of(entity: User | Post) -> dict[str, Any]:
    """Every field of an entity but its pending events: what storage must give back."""
    return {f.name: getattr(entity, f.name) for f in fields(entity) if f.name != "events"}


def assert_utc(*moments: datetime | None) -> None:
    for moment in moments:
        if moment is not None:
            assert moment.tzinfo is not None, f"{moment!r} is naive"
            assert moment.utcoffset() == timedelta(0), f"{moment!r} is not in UTC"


@contextmanager
def recorded_statements(engine: AsyncEngine) -> Iterator[list[str]]:
    """The SQL statements ``engine`` sends inside the block, in order."""
    statements: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    event.listen(engine.sync_engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", record)


def writes_in(statements: list[str]) -> list[str]:
    verbs = ("INSERT", "UPDATE", "DELETE")
    return [s for s in statements if s.lstrip().upper().startswith(verbs)]
