"""The committed state of the in-memory backend, shared by every unit of work of a process."""

import asyncio
import itertools
from dataclasses import dataclass, field
from datetime import datetime
from uuid import UUID

from application.ports.idempotency import Claim, StoredResponse
from application.ports.outbox import OutboxEntry
from domain.admin.audit import AuditEntry
from domain.ids import AccountTokenId, NotificationId, PostId, SessionId, UserId
from domain.notifications.notification import Notification
from domain.posts.post import Post
from domain.sessions.session import Session
from domain.sessions.two_factor import TwoFactor
from domain.social.comment import Comment
from domain.social.favorite import Favorite
from domain.social.follow import Follow
from domain.users.account_token import AccountToken
from domain.users.identities import IdentityKey, LinkedIdentity
from domain.users.user import User


@dataclass
class MemoryStore:
    """Committed aggregates. Units of work copy what they read and write back on commit,
    under ``lock``, so a transaction that does not commit leaves no trace."""

    users: dict[UserId, User] = field(default_factory=dict)
    posts: dict[PostId, Post] = field(default_factory=dict)
    follows: dict[UUID, Follow] = field(default_factory=dict)
    favorites: dict[UUID, Favorite] = field(default_factory=dict)
    comments: dict[UUID, Comment] = field(default_factory=dict)
    notifications: dict[NotificationId, Notification] = field(default_factory=dict)
    sessions: dict[SessionId, Session] = field(default_factory=dict)
    retired_refresh_hashes: dict[str, SessionId] = field(default_factory=dict)
    two_factor: dict[UserId, TwoFactor] = field(default_factory=dict)
    identities: dict[IdentityKey, LinkedIdentity] = field(default_factory=dict)
    account_tokens: dict[AccountTokenId, AccountToken] = field(default_factory=dict)
    audit: list[AuditEntry] = field(default_factory=list)
    # Username keys a user left, kept for them until a time: key -> (holder, until).
    username_reservations: dict[str, tuple[UserId, datetime]] = field(default_factory=dict)
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    # The outbox: entries by event id (in commit order), their leases, processed records.
    outbox: dict[UUID, OutboxEntry] = field(default_factory=dict)
    outbox_leases: dict[UUID, tuple[str, datetime]] = field(default_factory=dict)
    processed: set[tuple[UUID, str]] = field(default_factory=set)
    positions: "itertools.count[int]" = field(default_factory=lambda: itertools.count(1))
    # Idempotency keys by (scope, key): the claim, and the response once known.
    idempotency: dict[tuple[str, str], tuple[Claim, StoredResponse | None]] = field(
        default_factory=dict
    )

    def remove_post(self, post_id: PostId) -> None:
        """Delete a post with what hangs on it, as the database's ON DELETE CASCADE does."""
        self.posts.pop(post_id, None)
        for key in [k for k, f in self.favorites.items() if f.post_id == post_id]:
            del self.favorites[key]
        for key in [k for k, c in self.comments.items() if c.post_id == post_id]:
            del self.comments[key]

    def hand_over_content(self, from_id: UserId, to_id: UserId) -> None:
        """The posts and comments of ``from_id`` become ``to_id``'s."""
        for post in self.posts.values():
            if post.author_id == from_id:
                post.author_id = to_id
        for comment in self.comments.values():
            if comment.author_id == from_id:
                comment.author_id = to_id

    def remove_user(self, user_id: UserId) -> None:
        """Delete a user with what hangs on it, as the database's ON DELETE CASCADE does."""
        self.users.pop(user_id, None)
        for post_id in [p.id for p in self.posts.values() if p.author_id == user_id]:
            self.remove_post(post_id)
        for table in (self.follows,):
            for key in [k for k, f in table.items() if user_id in (f.follower_id, f.followee_id)]:
                del table[key]
        for key in [k for k, f in self.favorites.items() if f.user_id == user_id]:
            del self.favorites[key]
        for key in [k for k, c in self.comments.items() if c.author_id == user_id]:
            del self.comments[key]
        for key in [k for k, n in self.notifications.items() if n.recipient_id == user_id]:
            del self.notifications[key]
        ended = {k for k, s in self.sessions.items() if s.user_id == user_id}
        for key in ended:
            del self.sessions[key]
        for digest in [d for d, s in self.retired_refresh_hashes.items() if s in ended]:
            del self.retired_refresh_hashes[digest]
        self.two_factor.pop(user_id, None)
        for key in [k for k, t in self.account_tokens.items() if t.user_id == user_id]:
            del self.account_tokens[key]
        for identity in [k for k, i in self.identities.items() if i.user_id == user_id]:
            del self.identities[identity]
        kept = self.username_reservations
        for handle in [k for k, (holder, _) in kept.items() if holder == user_id]:
            del kept[handle]
