"""The committed state of the in-memory backend, shared by every unit of work of a process."""

import asyncio
import itertools
from dataclasses import dataclass, field
from datetime import datetime
from uuid import UUID

from application.ports.outbox import OutboxEntry
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
    # The outbox: entries by event id (in commit order), their leases, processed records.
    outbox: dict[UUID, OutboxEntry] = field(default_factory=dict)
    outbox_leases: dict[UUID, tuple[str, datetime]] = field(default_factory=dict)
    processed: set[tuple[UUID, str]] = field(default_factory=set)
    positions: "itertools.count[int]" = field(default_factory=lambda: itertools.count(1))
