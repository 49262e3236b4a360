"""A fresh SQLite database, migrated by Folio's own migrations and filled with a deterministic
blog: users, posts (most of them published) and tags, written straight into Folio's tables."""

import random
import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import create_engine, insert

from adapters.sqlalchemy import tables
from adapters.sqlalchemy.migrate import upgrade
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
# Nobody logs in during a benchmark: a well-formed argon2id string that matches no password.
UNUSABLE_HASH = "$argon2id$v=19$m=8,t=1,p=1$YmVuY2hzYWx0$bm90LWEtcmVhbC1oYXNoLWJlbmNo"


@dataclass(frozen=True, slots=True)
class Dataset:
    """What was seeded, and what the scenarios need to know about it."""

    path: Path
    url: str
    users: int
    posts: int
    published_ids: tuple[str, ...]
    draft_ids: tuple[str, ...]
    tags_by_use: tuple[str, ...]


def _uuid(rng: random.Random) -> uuid.UUID:
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def _user_rows(rng: random.Random, ids: list[uuid.UUID]) -> list[dict[str, object]]:
    return [
        {
            "id": user_id,
            "email": f"writer{n}@example.com",
            "username": f"writer{n}",
            "name": f"Writer Number {n}",
            "age": rng.choice([None, rng.randint(18, 90)]),
            "role": "user",
            "is_active": True,
            "password_hash": UNUSABLE_HASH,
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
        "content": " ".join(rng.choices(WORDS, k=rng.randint(60, 220))) + ".",
        "created_at": created,
        "updated_at": created + timedelta(minutes=3),
        "published_at": created + timedelta(minutes=3) if published else None,
    }


def seed(directory: Path, *, users: int = 50, posts: int = 2000, seed: int = 1843) -> Dataset:
    """Create ``directory``/folio-bench.db, migrate it and fill it; about 90% of posts published."""
    rng = random.Random(seed)
    path = directory / "folio-bench.db"
    url = f"sqlite+aiosqlite:///{path}"
    upgrade(url)
    user_ids = [_uuid(rng) for _ in range(users)]
    user_rows = _user_rows(rng, user_ids)
    post_rows, tag_rows, published, drafts, tag_use = [], [], [], [], Counter[str]()
    for n in range(posts):
        row = _post_row(rng, n, rng.choice(user_ids), published=rng.random() < 0.9)
        post_rows.append(row)
        chosen = rng.sample(TAGS, rng.randint(0, 5))
        tag_rows += [{"post_id": row["id"], "tag": t, "position": i} for i, t in enumerate(chosen)]
        if row["published_at"] is not None:
            published.append(str(row["id"]))
            tag_use.update(chosen)
        else:
            drafts.append(str(row["id"]))
    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.begin() as connection:
            connection.execute(insert(tables.users), user_rows)
            connection.execute(insert(tables.posts), post_rows)
            connection.execute(insert(tables.post_tags), tag_rows)
        with engine.connect() as connection:  # WAL is a property of the file: set it for both
            connection.exec_driver_sql("PRAGMA journal_mode=WAL")
    finally:
        engine.dispose()
    return Dataset(
        path=path,
        url=url,
        users=users,
        posts=posts,
        published_ids=tuple(published),
        draft_ids=tuple(drafts),
        tags_by_use=tuple(tag for tag, _ in tag_use.most_common()),
    )
