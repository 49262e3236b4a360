"""Keeping the visible posts' counts exact: how many posts are visible (published, not hidden
by an admin; ``post_totals``, ADR 024) and how many of them carry each tag (``tag_counts``,
ADR 019), written in the transaction that changes the posts.

A writer locks the posts it changes first (their rows on PostgreSQL, the database's write lock
on SQLite), so what it then reads of them is what is stored and stays so until it commits. It
counts them (and their tags) as visible before its writes and after them, and moves each count
by the difference in one upsert (``uses = uses + delta``, never a value computed in Python):
the tags in name order, then the total, so that two writers take the counts' row locks in the
same order; a tag's count that falls to 0 is deleted. What a unit of work loaded earlier plays
no part: a concurrent change of the same post cannot make a count drift.
"""

from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field

from sqlalchemy import ColumnElement, Table, delete, func, null, select, union_all, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from adapters.sqlalchemy.tables import (
    VISIBLE_POSTS,
    post_tags,
    post_totals,
    posts,
    tag_counts,
    users,
)
from domain.ids import PostId, UserId
from domain.posts.post import Post

VISIBLE = posts.c.published_at.is_not(None) & posts.c.hidden_at.is_(None)


@dataclass
class Visible:
    """What some posts count for: how many of them are visible, and how many of those carry
    each tag."""

    posts: int = 0
    tags: Counter[str] = field(default_factory=Counter)

    def __add__(self, other: "Visible") -> "Visible":
        return Visible(self.posts + other.posts, self.tags + other.tags)

    @classmethod
    def of(cls, new: Iterable[Post]) -> "Visible":
        """What posts not stored yet will count for."""
        shown = [post for post in new if post.is_published and post.hidden is None]
        return cls(len(shown), Counter(tag for post in shown for tag in post.tags.as_strings()))


async def lock(session: AsyncSession, table: Table, condition: ColumnElement[bool]) -> None:
    """Keep other writers off ``table``'s rows matching ``condition`` until the transaction
    ends: FOR UPDATE in id order on PostgreSQL (which also keeps new rows from referencing
    them), a write that changes nothing on SQLite (its write lock, taken by any write, holds
    every other writer off; a read alone would run outside the transaction)."""
    if session.get_bind().dialect.name == "postgresql":
        rows = select(table.c.id).where(condition).order_by(table.c.id).with_for_update()
        await session.execute(rows)
    else:
        await session.execute(update(table).where(condition).values(version=table.c.version))


async def stored_visible(session: AsyncSession, condition: ColumnElement[bool]) -> Visible:
    """What the stored posts matching ``condition`` count for, in one statement: a row per
    tag with its uses, and one with no tag and the number of posts."""
    shown = [condition, VISIBLE]
    tags = (
        select(post_tags.c.tag, func.count())
        .join(posts, posts.c.id == post_tags.c.post_id)
        .where(*shown)
        .group_by(post_tags.c.tag)
    )
    total = select(null(), func.count()).select_from(posts).where(*shown)
    counted = Visible()
    for tag, uses in (await session.execute(union_all(tags, total))).all():
        if tag is None:
            counted.posts = uses
        else:
            counted.tags[tag] = uses
    return counted


async def locked_visible(session: AsyncSession, changing: Collection[PostId]) -> Visible:
    """Lock the stored posts about to change, and count them as they are."""
    if not changing:
        return Visible()
    await lock(session, posts, posts.c.id.in_(changing))
    return await stored_visible(session, posts.c.id.in_(changing))


async def count_changes(
    session: AsyncSession, before: Visible, changing: Collection[PostId], new: Iterable[Post]
) -> None:
    """After the writes: move the counts by what the ``changing`` posts (counted before by
    ``locked_visible``) and the ``new`` ones now count for."""
    after = Visible.of(new)
    if changing:
        after += await stored_visible(session, posts.c.id.in_(changing))
    await move(session, before, after)


async def move(session: AsyncSession, before: Visible, after: Visible) -> None:
    """Move the counts by ``after - before``: tag by tag, then the total."""
    await _move_tags(session, before.tags, after.tags)
    if after.posts != before.posts:
        upsert = _insert_for(session, post_totals).values(
            name=VISIBLE_POSTS, posts=after.posts - before.posts
        )
        upsert = upsert.on_conflict_do_update(
            index_elements=[post_totals.c.name],
            set_={"posts": post_totals.c.posts + upsert.excluded.posts},
        )
        await session.execute(upsert)


async def _move_tags(session: AsyncSession, before: Counter[str], after: Counter[str]) -> None:
    deltas = sorted(
        (tag, after[tag] - before[tag])
        for tag in before.keys() | after.keys()
        if after[tag] != before[tag]
    )
    if not deltas:
        return
    rows = [{"tag": tag, "uses": delta} for tag, delta in deltas]
    upsert = _insert_for(session, tag_counts).values(rows)
    upsert = upsert.on_conflict_do_update(
        index_elements=[tag_counts.c.tag], set_={"uses": tag_counts.c.uses + upsert.excluded.uses}
    )
    await session.execute(upsert)
    fallen = [tag for tag, delta in deltas if delta < 0]
    if fallen:
        await session.execute(
            delete(tag_counts).where(tag_counts.c.tag.in_(fallen), tag_counts.c.uses <= 0)
        )


async def uncount_posts_of(session: AsyncSession, authors: Collection[UserId]) -> None:
    """Before ``authors`` are deleted with their posts (ON DELETE CASCADE): their rows are
    locked first, so no post of theirs can be added meanwhile, then their posts."""
    await lock(session, users, users.c.id.in_(authors))
    theirs = posts.c.author_id.in_(authors)
    await lock(session, posts, theirs)
    await move(session, await stored_visible(session, theirs), Visible())


async def recount(connection: AsyncConnection) -> None:
    """Count every tag and the visible posts again from the posts (in the connection's
    transaction; on PostgreSQL, writers of posts wait meanwhile): for a database that code
    keeping no counts wrote to."""
    if connection.dialect.name == "postgresql":
        await connection.exec_driver_sql("LOCK TABLE posts, post_tags IN SHARE MODE")
        await connection.exec_driver_sql("LOCK TABLE tag_counts, post_totals IN EXCLUSIVE MODE")
    await connection.execute(delete(tag_counts))
    counted = (
        select(post_tags.c.tag, func.count())
        .join(posts, posts.c.id == post_tags.c.post_id)
        .where(VISIBLE)
        .group_by(post_tags.c.tag)
    )
    await connection.execute(tag_counts.insert().from_select(["tag", "uses"], counted))
    await connection.execute(delete(post_totals))
    total = select(func.count()).select_from(posts).where(VISIBLE).scalar_subquery()
    await connection.execute(post_totals.insert().values(name=VISIBLE_POSTS, posts=total))


def _insert_for(session: AsyncSession, table: Table) -> postgresql.Insert | sqlite.Insert:
    if session.get_bind().dialect.name == "postgresql":
        return postgresql.insert(table)
    return sqlite.insert(table)
