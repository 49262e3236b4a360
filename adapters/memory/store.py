"""The committed state of the in-memory backend, shared by every unit of work of a process."""

import asyncio
from dataclasses import dataclass, field

from domain.ids import PostId, UserId
from domain.posts.post import Post
from domain.users.user import User


@dataclass
class MemoryStore:
    """Committed aggregates. Units of work copy what they read and write back on commit,
    under ``lock``, so a transaction that does not commit leaves no trace."""

    users: dict[UserId, User] = field(default_factory=dict)
    posts: dict[PostId, Post] = field(default_factory=dict)
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
