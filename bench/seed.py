"""A deterministic blog written straight into Folio's migrated tables: users (all with one real
argon2id password, so they can log in), posts (about 90% published) and 0-5 tags per post."""

import asyncio
import random
import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher, Type
from sqlalchemy import delete, insert
from sqlalchemy.ext.asyncio import create_async_engine

from adapters.security.argon2_hasher import Argon2Parameters
from adapters.sqlalchemy import tables
from adapters.sqlalchemy.migrate import upgrade
from bench.clock import CLOCK
from domain.text import slugify

TAGS = (
    "python", "fastapi", "sqlalchemy", "testing", "design", "databases", "async", "security",
    "devops", "career", "history", "maths", "music", "travel", "books", "cooking", "science",
    "web", "linux", "notes",
)  # fmt: skip
WORDS = (
    "the", "engine", "weaves", "algebraic", "patterns", "just", "as", "loom", "flowers", "and",
    "leaves", "while", "every", "table", "holds", "rows", "that", "a", "careful", "query",
    "reads", "once", "only", "before", "answer", "goes", "back", "over", "wire", "to", "reader",
    "who", "wanted", "nothing", "more", "than", "page", "of", "posts", "notes",
)  # fmt: skip
START = datetime(2025, 1, 1, tzinfo=UTC)
PASSWORD = "bench-password-1843"  # noqa: S105 - every seeded user's; hashed with Folio's default argon2 costs
BATCH = 2000
Rows = dict[str, list[dict[str, object]]]


@dataclass(frozen=True, slots=True)
class Dataset:
    """What was seeded, and what the scenarios need to know about it."""

    backend: str
    url: str
    users: int
    posts: int
    usernames: tuple[str, ...]
    published_ids: tuple[str, ...]
    draft_ids: tuple[str, ...]
    tags_by_use: tuple[str, ...]
    published_slugs: tuple[str, ...] = ()


FOLLOWED_PER_USER = 10
MOST_FAVOURITES = 4


def _social_rows(
    rng: random.Random, user_ids: list[uuid.UUID], published: list[uuid.UUID]
) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    """Every user follows FOLLOWED_PER_USER others; every published post is favourited by up
    to MOST_FAVOURITES users."""
    follows, favorites = [], []
    for n, follower in enumerate(user_ids):
        others = [u for u in rng.sample(user_ids, FOLLOWED_PER_USER + 1) if u != follower]
        at = START + timedelta(days=90, minutes=n)
        follows += [
            {"follower_id": follower, "followee_id": followee, "created_at": at}
            for followee in others[:FOLLOWED_PER_USER]
        ]
    for n, post_id in enumerate(published):
        at = START + timedelta(days=120, seconds=n)
        favorites += [
            {"user_id": user_id, "post_id": post_id, "created_at": at}
            for user_id in rng.sample(user_ids, rng.randint(0, MOST_FAVOURITES))
        ]
    return follows, favorites


def _uuid(rng: random.Random) -> uuid.UUID:
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def _password_hash() -> str:
    costs = Argon2Parameters()
    hasher = PasswordHasher(
        time_cost=costs.time_cost,
        memory_cost=costs.memory_cost,
        parallelism=costs.parallelism,
        type=Type.ID,
    )
    return hasher.hash(PASSWORD)


def _user_rows(rng: random.Random, ids: list[uuid.UUID]) -> list[dict[str, object]]:
    password_hash = _password_hash()
    return [
        {
            "id": user_id,
            "email": f"writer{n}@example.com",
            "username": f"writer{n}",
            "username_key": f"writer{n}",
            "name": f"Writer Number {n}",
            "age": rng.choice([None, rng.randint(18, 90)]),
            "role": "user",
            "is_active": True,
            "password_hash": password_hash,
            "created_at": START + timedelta(minutes=n),
            "updated_at": START + timedelta(minutes=n),
        }
        for n, user_id in enumerate(ids)
    ]


def _post_row(
    rng: random.Random, n: int, author: uuid.UUID, *, published: bool
) -> dict[str, object]:
    title = f"{' '.join(rng.sample(WORDS, 5)).capitalize()} ({n})"
    created = START + timedelta(days=1, minutes=7 * n)
    return {
        "id": _uuid(rng),
        "author_id": author,
        "title": title,
        "slug": slugify(title),
        "description": " ".join(rng.sample(WORDS, 8)).capitalize() + ".",
        "content": " ".join(rng.choices(WORDS, k=rng.randint(60, 220))) + ".",
        "created_at": created,
        "updated_at": created + timedelta(minutes=3),
        "published_at": created + timedelta(minutes=3) if published else None,
    }


async def _insert(url: str, rows: Rows) -> None:
    engine = create_async_engine(url)
    try:
        async with engine.begin() as connection:
            await connection.execute(delete(tables.post_totals))  # the migration's, for no post
            for table in (
                tables.users, tables.posts, tables.post_tags, tables.tag_counts,
                tables.post_totals, tables.follows, tables.favorites,
            ):  # fmt: skip
                batch = rows[table.name]
                for start in range(0, len(batch), BATCH):
                    await connection.execute(insert(table), batch[start : start + BATCH])
        async with engine.connect() as connection:
            await connection.execution_options(isolation_level="AUTOCOMMIT")
            if engine.dialect.name == "postgresql":
                await connection.exec_driver_sql("VACUUM ANALYZE")
            else:  # WAL is a property of the file: every contender reads it the same way
                await connection.exec_driver_sql("PRAGMA journal_mode=WAL")
    finally:
        await engine.dispose()


def seed(backend: str, url: str, *, users: int, posts: int, seed: int = 1843) -> Dataset:
    """Migrate the empty database at ``url`` and fill it."""
    rng = random.Random(seed)
    with CLOCK.phase(f"migrate {backend}"):
        upgrade(url)
    with CLOCK.phase(f"seed rows {backend}"):
        rows, published, drafts, tag_use, slugs = _rows(rng, users, posts)
    with CLOCK.phase(f"seed insert {backend}"):
        asyncio.run(_insert(url, rows))
    return Dataset(
        backend=backend,
        url=url,
        users=users,
        posts=posts,
        usernames=tuple(f"writer{n}" for n in range(users)),
        published_ids=tuple(published),
        draft_ids=tuple(drafts),
        tags_by_use=tuple(tag for tag, _ in tag_use.most_common()),
        published_slugs=tuple(slugs),
    )


def _rows(
    rng: random.Random, users: int, posts: int
) -> tuple[Rows, list[str], list[str], Counter[str], list[str]]:
    """Every table's rows, the published and draft ids, the tags' uses and the slugs."""
    user_ids = [_uuid(rng) for _ in range(users)]
    post_rows, tag_rows, published, drafts, tag_use = [], [], [], [], Counter[str]()
    slugs: list[str] = []
    for n in range(posts):
        row = _post_row(rng, n, rng.choice(user_ids), published=rng.random() < 0.9)
        post_rows.append(row)
        chosen = rng.sample(TAGS, rng.randint(0, 5))
        tag_rows += [{"post_id": row["id"], "tag": t, "position": i} for i, t in enumerate(chosen)]
        if row["published_at"] is not None:
            published.append(str(row["id"]))
            slugs.append(str(row["slug"]))
            tag_use.update(chosen)
        else:
            drafts.append(str(row["id"]))
    follows, favorites = _social_rows(rng, user_ids, [uuid.UUID(p) for p in published])
    rows = {
        "users": _user_rows(rng, user_ids), "posts": post_rows, "post_tags": tag_rows,
        # What Folio's repositories would have counted writing these posts (none is hidden).
        "tag_counts": [{"tag": tag, "uses": uses} for tag, uses in tag_use.items()],
        "post_totals": [{"name": tables.VISIBLE_POSTS, "posts": len(published)}],
        "follows": follows, "favorites": favorites,
    }  # fmt: skip
    return rows, published, drafts, tag_use, slugs
