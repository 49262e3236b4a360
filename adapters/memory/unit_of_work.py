import copy
from collections.abc import Sequence
from typing import TypeVar
from uuid import UUID

from adapters.memory.account_tokens import MemoryAccountTokenRepository
from adapters.memory.audit import MemoryAuditLog, check_an_admin_remains
from adapters.memory.idempotency import claim_in_memory
from adapters.memory.identities import MemoryIdentityRepository
from adapters.memory.notifications import MemoryNotificationRepository
from adapters.memory.read_model import MemoryReadModel
from adapters.memory.repositories import MemoryPostRepository, MemoryUserRepository
from adapters.memory.sessions import MemorySessionRepository
from adapters.memory.social import (
    MemoryCommentRepository,
    MemoryFavoriteRepository,
    MemoryFollowRepository,
)
from adapters.memory.store import MemoryStore
from adapters.memory.two_factor import MemoryTwoFactorRepository
from application.ports.events import EventPublisher
from application.ports.idempotency import claim_to_write
from application.ports.outbox import EntryState, NewEvent, OutboxEntry
from application.ports.unit_of_work import UnitOfWork
from domain.errors import (
    AlreadyFavorited,
    AlreadyFollowing,
    EmailAlreadyRegistered,
    SlugAlreadyTaken,
    StaleVersion,
    UsernameAlreadyTaken,
)
from domain.events import Aggregate
from domain.posts.post import Post
from domain.sessions.errors import RefreshTokenReused
from domain.sessions.two_factor import TwoFactorChanged
from domain.social.comment import Comment
from domain.social.favorite import Favorite
from domain.social.follow import Follow
from domain.users.user import User

A = TypeVar("A", User, Post)
S = TypeVar("S", Follow, Favorite, Comment)


class MemoryUnitOfWork(UnitOfWork):
    """Reads copies from the store; commit checks the unique rules and writes every change
    back at once under the store's lock, as a database's constraints and transaction would,
    the events appended to the store's outbox in the same step (deleting a post deletes its
    favourites and comments, as ON DELETE CASCADE does)."""

    users: MemoryUserRepository
    posts: MemoryPostRepository
    follows: MemoryFollowRepository
    favorites: MemoryFavoriteRepository
    comments: MemoryCommentRepository
    read: MemoryReadModel
    notifications: MemoryNotificationRepository
    sessions: MemorySessionRepository
    two_factor: MemoryTwoFactorRepository
    identities: MemoryIdentityRepository
    account_tokens: MemoryAccountTokenRepository
    audit: MemoryAuditLog

    def __init__(self, store: MemoryStore, publisher: EventPublisher) -> None:
        super().__init__(publisher)
        self._store = store

    async def _begin(self) -> None:
        self.users = MemoryUserRepository(self._store)
        self.posts = MemoryPostRepository(self._store)
        self.follows = MemoryFollowRepository(self._store)
        self.favorites = MemoryFavoriteRepository(self._store)
        self.comments = MemoryCommentRepository(self._store)
        self.read = MemoryReadModel(self._store)
        self.notifications = MemoryNotificationRepository(self._store)
        self.sessions = MemorySessionRepository(self._store)
        self.two_factor = MemoryTwoFactorRepository(self._store)
        self.identities = MemoryIdentityRepository(self._store)
        self.account_tokens = MemoryAccountTokenRepository(self._store)
        self.audit = MemoryAuditLog(self._store)

    async def _commit(self, events: Sequence[NewEvent]) -> None:
        pending = claim_to_write()
        async with self._store.lock:
            if pending is not None:
                claim_in_memory(self._store, pending.claim)
            self._check_unique_rules()
            changed_users = [u for u in self.users.seen.values() if self.users.tracker.changed(u)]
            removed = [p for p in self.posts.seen.values() if p.id in self.posts.removed]
            changed_posts = [
                p
                for p in self.posts.seen.values()
                if p.id not in self.posts.removed and self.posts.tracker.changed(p)
            ]
            for aggregate, stored in [
                *((u, self._store.users.get(u.id)) for u in changed_users),
                *((p, self._store.posts.get(p.id)) for p in [*removed, *changed_posts]),
            ]:
                _check_version(aggregate, stored)
            check_an_admin_remains(self._store, changed_users)
            for user in changed_users:
                if user.id not in self.users.removed:
                    stored = self._store.users.get(user.id)
                    self._store.users[user.id] = _next_version(user, stored)
            self._store.username_reservations.update(self.users.reservations)
            for from_id, to_id in self.users.handovers:
                self._store.hand_over_content(from_id, to_id)
            for user_id in self.users.removed:
                self._store.remove_user(user_id)
            self.audit.write_to(self._store)
            for post in removed:
                self._store.remove_post(post.id)
            for post in changed_posts:
                self._store.posts[post.id] = _next_version(post, self._store.posts.get(post.id))
            for user_id, expected, new_hash, now in self.users.hash_swaps:
                stored = self._store.users.get(user_id)
                if stored is not None and stored.password_hash == expected:
                    swapped = copy.deepcopy(stored)
                    swapped.rehash_password(new_hash, now=now)
                    self._store.users[user_id] = _next_version(swapped, stored)
            self.notifications.write_to(self._store)
            for new in events:
                self._store.outbox[new.event_id] = _entry(self._store, new)
            _apply(self.follows.staged.added, self.follows.staged.removed, self._store.follows)
            _apply(
                self.favorites.staged.added, self.favorites.staged.removed, self._store.favorites
            )
            _apply(self.comments.staged.added, self.comments.staged.removed, self._store.comments)
            self.comments.write_moderated_to(self._store)
            self._write_sessions()
            self._write_two_factor()
            self.identities.write()
            self.account_tokens.write_to(self._store)
        if pending is not None:
            pending.claimed = True

    def _write_sessions(self) -> None:
        self._store.retired_refresh_hashes.update(self.sessions.retired)
        for session in self.sessions.seen.values():
            if self.sessions.tracker.changed(session):
                self._store.sessions[session.id] = copy.deepcopy(session)

    def _write_two_factor(self) -> None:
        repository = self.two_factor
        for user_id in repository.removed:
            self._store.two_factor.pop(user_id, None)
        for record in repository.seen.values():
            if record.id not in repository.removed:
                read = repository.versions_read.get(record.id)
                if read is None or record.version != read:
                    self._store.two_factor[record.id] = copy.deepcopy(record)

    def _check_unique_rules(self) -> None:
        emails = {u.email: u.id for u in self._store.users.values()}
        usernames = {u.username.key: u.id for u in self._store.users.values()}
        for user in self.users.seen.values():
            if user in self.users.added or self.users.tracker.changed(user):
                if emails.setdefault(user.email, user.id) != user.id:
                    raise EmailAlreadyRegistered()
                if usernames.setdefault(user.username.key, user.id) != user.id:
                    raise UsernameAlreadyTaken()
        slugs = {p.slug: p.id for p in self._store.posts.values()}
        for post in self.posts.added:
            if slugs.setdefault(post.slug, post.id) != post.id:
                raise SlugAlreadyTaken()
        if self.follows.staged.added.keys() & self._store.follows.keys():
            raise AlreadyFollowing()
        if self.favorites.staged.added.keys() & self._store.favorites.keys():
            raise AlreadyFavorited()

        self.account_tokens.check_spent_once()
        if any(h in self._store.retired_refresh_hashes for h in self.sessions.retired):
            raise RefreshTokenReused()  # another transaction rotated the same token first
        for user_id, read in self.two_factor.versions_read.items():
            record, stored = self.two_factor.seen.get(user_id), self._store.two_factor.get(user_id)
            changed = record is not None and record.version != read
            if changed and (stored is None or stored.version != read):
                raise TwoFactorChanged()
        self.identities.check_unique()

    async def _rollback(self) -> None:
        for repository in (self.users, self.posts, self.follows, self.favorites, self.comments):
            repository.seen.clear()
        self.notifications.seen.clear()
        self.sessions.seen.clear()
        self.two_factor.seen.clear()
        self.two_factor.removed.clear()
        self.identities.added.clear()
        self.account_tokens.seen.clear()
        self.audit.staged.clear()

    async def _close(self) -> None:
        return None


def _check_version(aggregate: Aggregate, stored: Aggregate | None) -> None:
    """A guarded change goes through only if the stored version is still the one guarded."""
    guarded = aggregate.guarded_version
    if guarded is not None and (stored is None or stored.version != guarded):
        raise StaleVersion()


def _next_version(aggregate: A, stored: User | Post | None) -> A:
    """The copy to store: one version past the stored one (1 for a new aggregate)."""
    aggregate.version = 1 if stored is None else stored.version + 1
    aggregate.guarded_version = None
    return copy.deepcopy(aggregate)


def _entry(store: MemoryStore, new: NewEvent) -> OutboxEntry:
    return OutboxEntry(
        position=next(store.positions),
        event_id=new.event_id,
        aggregate_id=new.aggregate_id,
        event_name=new.event.name,
        event=new.event,
        state=EntryState.PENDING,
        attempts=0,
        available_at=new.event.occurred_at,
        created_at=new.event.occurred_at,
    )


def _apply(added: dict[UUID, S], removed: set[UUID], committed: dict[UUID, S]) -> None:
    for key in removed:
        committed.pop(key, None)
    for key, aggregate in added.items():
        if key not in removed:
            committed[key] = copy.deepcopy(aggregate)
