"""The unit of work: one transaction, one connection, all or nothing."""

from abc import ABC, abstractmethod
from collections.abc import Sequence
from types import TracebackType
from typing import Self
from uuid import UUID, uuid4

from application.ports.account_tokens import AccountTokenRepository
from application.ports.admin_audit import AuditLog
from application.ports.events import EventPublisher
from application.ports.identities import IdentityRepository
from application.ports.notifications import NotificationRepository
from application.ports.outbox import NewEvent
from application.ports.read_model import ReadModel
from application.ports.repositories import PostRepository, UserRepository
from application.ports.sessions import SessionRepository
from application.ports.social import CommentRepository, FavoriteRepository, FollowRepository
from application.ports.two_factor import TwoFactorRepository
from domain.events import Aggregate, DomainEvent
from domain.sessions.events import EndsUserSessions
from domain.sessions.session import EndReason


class UnitOfWork(ABC):
    """An async context manager around one transaction.

    Promises: everything staged through its repositories (``users``, ``posts``, ``follows``,
    ``favorites``, ``comments``) is written by ``commit()`` atomically, or not at all; leaving
    the block without ``commit()`` (or by an exception) rolls back; the events recorded by the
    aggregates it saw (and those ``announce``d) are written to the outbox in the same
    transaction, in the order they were recorded, and after a successful commit handed to the
    event publisher (logging, relay wake-up), once. Conflicts with committed data are raised
    from ``commit()`` as domain errors (e.g. EmailAlreadyRegistered). ``read`` answers view
    queries on the same connection; after ``commit()`` it sees what was committed. An event
    that ends a user's sessions (EndsUserSessions) ends them in the same transaction. The
    ``audit`` entries recorded are written with the commit too. A commit that would leave no
    active admin, where there was one, raises LastAdmin.
    """

    users: UserRepository
    posts: PostRepository
    follows: FollowRepository
    favorites: FavoriteRepository
    comments: CommentRepository
    read: ReadModel
    notifications: NotificationRepository
    sessions: SessionRepository
    two_factor: TwoFactorRepository
    identities: IdentityRepository
    account_tokens: AccountTokenRepository
    audit: AuditLog

    def __init__(self, publisher: EventPublisher) -> None:
        self._publisher = publisher
        self._committed = False
        self._announced: list[NewEvent] = []

    async def __aenter__(self) -> Self:
        self._committed = False
        self._announced = []
        await self._begin()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            if not self._committed:
                await self._rollback()
        finally:
            await self._close()

    async def commit(self) -> None:
        events = self._pull_events()
        await self._end_sessions_after(events)
        await self._commit(events)
        self._committed = True
        if events:
            await self._publisher.publish([new.event for new in events])

    def announce(self, aggregate_id: UUID, event: DomainEvent) -> None:
        """Write ``event`` to the outbox with this commit, though no stored aggregate records
        it (a message queued for delivery, say); ``aggregate_id`` orders it like one."""
        self._announced.append(NewEvent(uuid4(), aggregate_id, event))

    def _pull_events(self) -> list[NewEvent]:
        aggregates: list[Aggregate] = [
            *self.users.seen.values(),
            *self.posts.seen.values(),
            *self.follows.seen.values(),
            *self.favorites.seen.values(),
            *self.comments.seen.values(),
            *self.notifications.seen.values(),
        ]
        aggregates += self.sessions.seen.values()
        recorded = [
            NewEvent(uuid4(), aggregate.id, event)
            for aggregate in aggregates
            for event in aggregate.pull_events()
        ]
        announced, self._announced = self._announced, []
        return recorded + announced

    async def _end_sessions_after(self, events: Sequence[NewEvent]) -> None:
        for new in events:
            event = new.event
            if isinstance(event, EndsUserSessions):
                await self.sessions.end_all_of(
                    event.user_id,
                    EndReason.CREDENTIALS_CHANGED,
                    event.occurred_at,
                    keep=event.keep_session,
                )

    @abstractmethod
    async def _begin(self) -> None:
        """Open the transaction and set up the repositories and ``read``."""

    @abstractmethod
    async def _commit(self, events: Sequence[NewEvent]) -> None:
        """Write every staged change and the events to the outbox atomically."""

    @abstractmethod
    async def _rollback(self) -> None: ...

    @abstractmethod
    async def _close(self) -> None:
        """Release the connection; called once on every exit."""
