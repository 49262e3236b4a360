"""Keeping ``tag_counts`` exact: how many visible posts (published, not hidden by an admin)
carry each tag, written in the transaction that changes the posts (ADR 019).

A writer locks the posts it changes first (their rows on PostgreSQL, the database's write lock
on SQLite), so what it then reads of them is what is stored and stays so until it commits. It
reads their visible tags before its writes and after them, and moves each count by the
difference in one upsert (``uses = uses + delta``, never a value computed in Python), the tags
in name order so that two writers take the counts' row locks in the same order; a count that
falls to 0 is deleted. What a unit of work loaded earlier plays no part: a concurrent change of
the same post cannot make a count drift.
"""

from collections import Counter
from collections.abc import Collection, Iterable

from sqlalchemy import ColumnElement, Table, delete, func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from adapters.sqlalchemy.tables import post_tags, posts, tag_counts, users
from domain.ids import PostId, UserId
from domain.posts.post import Post

VISIBLE = posts.c.published_at.is_not(None) & posts.c.hidden_at.is_(None)

Uses = Counter[str]


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


async def visible_uses(session: AsyncSession, condition: ColumnElement[bool]) -> Uses:
    """How many of the visible posts matching ``condition`` carry each tag, as stored."""
    query = (
        select(post_tags.c.tag, func.count())
        .join(posts, posts.c.id == post_tags.c.post_id)
        .where(condition, VISIBLE)
        .group_by(post_tags.c.tag)
    )
    return Counter({tag: uses for tag, uses in (await session.execute(query)).all()})


async def locked_uses(session: AsyncSession, changing: Collection[PostId]) -> Uses:
    """Lock the stored posts about to change, and count their visible tags as they are."""
    if not changing:
        return Counter()
    await lock(session, posts, posts.c.id.in_(changing))
    return await visible_uses(session, posts.c.id.in_(changing))


async def count_changes(
    session: AsyncSession, uses_before: Uses, changing: Collection[PostId], new: Iterable[Post]
) -> None:
    """After the writes: move the counts by what the ``changing`` posts (counted before by
    ``locked_uses``) and the ``new`` ones now carry visibly."""
    uses_after = Counter(
        tag for post in new if post.is_published and post.hidden is None
        for tag in post.tags.as_strings()
    )  # fmt: skip
    if changing:
        uses_after += await visible_uses(session, posts.c.id.in_(changing))
    await move(session, uses_before, uses_after)


async def move(session: AsyncSession, before: Uses, after: Uses) -> None:
    """Move the counts by ``after - before``, tag by tag."""
    deltas = sorted(
        (tag, after[tag] - before[tag])
        for tag in before.keys() | after.keys()
        if after[tag] != before[tag]
    )
    if not deltas:
        return
    upsert = _insert_for(session).values([{"tag": tag, "uses": delta} for tag, delta in deltas])
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
    await move(session, await visible_uses(session, theirs), Counter())


async def recount(connection: AsyncConnection) -> None:
    """Count every tag again from the posts (in the connection's transaction; on PostgreSQL,
    writers of posts wait meanwhile): for a database that code keeping no counts wrote to."""
    if connection.dialect.name == "postgresql":
        await connection.exec_driver_sql("LOCK TABLE posts, post_tags IN SHARE MODE")
        await connection.exec_driver_sql("LOCK TABLE tag_counts IN EXCLUSIVE MODE")
    await connection.execute(delete(tag_counts))
    counted = (
        select(post_tags.c.tag, func.count())
        .join(posts, posts.c.id == post_tags.c.post_id)
        .where(VISIBLE)
        .group_by(post_tags.c.tag)
    )
    await connection.execute(tag_counts.insert().from_select(["tag", "uses"], counted))


def _insert_for(session: AsyncSession) -> postgresql.Insert | sqlite.Insert:
    if session.get_bind().dialect.name == "postgresql":
        return postgresql.insert(tag_counts)
    return sqlite.insert(tag_counts)
