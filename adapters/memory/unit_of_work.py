import copy
from collections.abc import Sequence
from typing import TypeVar

from adapters.memory.repositories import MemoryPostRepository, MemoryUserRepository
from adapters.memory.store import MemoryStore
from application.ports.events import EventPublisher
from application.ports.outbox import EntryState, NewEvent, OutboxEntry
from application.ports.unit_of_work import UnitOfWork
from domain.errors import (
    EmailAlreadyRegistered,
    SlugAlreadyTaken,
    StaleVersion,
    UsernameAlreadyTaken,
)
from domain.events import Aggregate
from domain.posts.post import Post
from domain.users.user import User

A = TypeVar("A", User, Post)


class MemoryUnitOfWork(UnitOfWork):
    """Reads copies from the store; commit checks the unique rules and writes every change
    back at once under the store's lock, as a database's constraints and transaction would,
    the events appended to the store's outbox in the same step."""

    users: MemoryUserRepository
    posts: MemoryPostRepository

    def __init__(self, store: MemoryStore, publisher: EventPublisher) -> None:
        super().__init__(publisher)
        self._store = store

    async def _begin(self) -> None:
        self.users = MemoryUserRepository(self._store)
        self.posts = MemoryPostRepository(self._store)

    async def _commit(self, events: Sequence[NewEvent]) -> None:
        async with self._store.lock:
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
            for user in changed_users:
                self._store.users[user.id] = _next_version(user, self._store.users.get(user.id))
            for post in removed:
                self._store.posts.pop(post.id, None)
            for post in changed_posts:
                self._store.posts[post.id] = _next_version(post, self._store.posts.get(post.id))
            for new in events:
                self._store.outbox[new.event_id] = _entry(self._store, new)

    def _check_unique_rules(self) -> None:
        emails = {u.email: u.id for u in self._store.users.values()}
        usernames = {u.username: u.id for u in self._store.users.values()}
        for user in self.users.added:
            if emails.setdefault(user.email, user.id) != user.id:
                raise EmailAlreadyRegistered()
            if usernames.setdefault(user.username, user.id) != user.id:
                raise UsernameAlreadyTaken()
        slugs = {p.slug: p.id for p in self._store.posts.values()}
        for post in self.posts.added:
            if slugs.setdefault(post.slug, post.id) != post.id:
                raise SlugAlreadyTaken()

    async def _rollback(self) -> None:
        self.users.seen.clear()
        self.posts.seen.clear()

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
