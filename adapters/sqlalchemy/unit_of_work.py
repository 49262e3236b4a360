"""The SQL unit of work: one AsyncSession, so one connection and one transaction, per block;
opened when a repository is first used (a block that only reads views needs none)."""

from collections.abc import Sequence
from contextlib import suppress

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from adapters.sqlalchemy.audit import SqlAlchemyAuditLog
from adapters.sqlalchemy.errors import translated_errors
from adapters.sqlalchemy.idempotency import write_claim
from adapters.sqlalchemy.lazy_repositories import Lazy, forget, made
from adapters.sqlalchemy.outbox_rows import write_outbox
from adapters.sqlalchemy.read_model import SqlAlchemyReadModel
from adapters.sqlalchemy.read_model.reads import Reads
from adapters.sqlalchemy.repositories import (
    SqlAlchemyCommentRepository,
    SqlAlchemyFavoriteRepository,
    SqlAlchemyFollowRepository,
    SqlAlchemyPostRepository,
    SqlAlchemySessionRepository,
    SqlAlchemyUserRepository,
)
from adapters.sqlalchemy.repositories.account_tokens import SqlAlchemyAccountTokenRepository
from adapters.sqlalchemy.repositories.identities import SqlAlchemyIdentityRepository
from adapters.sqlalchemy.repositories.notifications import SqlAlchemyNotificationRepository
from adapters.sqlalchemy.repositories.two_factor import SqlAlchemyTwoFactorRepository
from application.ports.events import EventPublisher
from application.ports.idempotency import claim_to_write
from application.ports.outbox import NewEvent
from application.ports.unit_of_work import UnitOfWork
from domain.errors import EmailAlreadyRegistered, UsernameAlreadyTaken


class SqlAlchemyUnitOfWork(UnitOfWork):
    """A unit of work over a session from ``session_factory``, opened on entry, closed on exit.

    Promises, beyond the port's: the repositories' reads and writes of one block share one
    connection and transaction; ``read`` reads in that transaction once the block has one, and
    before (or after a commit) on a connection of its own outside any transaction, given back
    after each view, so a read-only block sends no BEGIN or ROLLBACK (so does
    ``sessions.caller``, the token check of every authenticated request); ``commit()``
    inserts added aggregates, updates only the columns (and tag lists) that changed since they
    were loaded, deletes removed ones and appends the events to the ``outbox`` table (waking
    PostgreSQL listeners at commit), in one transaction, which also claims the request's
    Idempotency-Key if it has one (IdempotencyKeyInUse when another request holds it). A
    unique violation is raised as the domain's Conflict (EmailAlreadyRegistered,
    UsernameAlreadyTaken, SlugAlreadyTaken, AlreadyFollowing, AlreadyFavorited,
    IdentityAlreadyLinked), any other database failure as StorageError; either way the
    transaction is rolled back first.
    """

    read: SqlAlchemyReadModel
    # Made on first use in a block, in this order (that of the writes at commit).
    users = Lazy(lambda uow: SqlAlchemyUserRepository(uow._active_session))
    posts = Lazy(lambda uow: SqlAlchemyPostRepository(uow._active_session))
    follows = Lazy(lambda uow: SqlAlchemyFollowRepository(uow._active_session))
    favorites = Lazy(lambda uow: SqlAlchemyFavoriteRepository(uow._active_session))
    comments = Lazy(lambda uow: SqlAlchemyCommentRepository(uow._active_session))
    notifications = Lazy(lambda uow: SqlAlchemyNotificationRepository(uow._active_session))
    sessions = Lazy(lambda uow: SqlAlchemySessionRepository(uow._active_session, uow._reads))
    two_factor = Lazy(lambda uow: SqlAlchemyTwoFactorRepository(uow._active_session))
    identities = Lazy(lambda uow: SqlAlchemyIdentityRepository(uow._active_session))
    account_tokens = Lazy(lambda uow: SqlAlchemyAccountTokenRepository(uow._active_session))
    audit = Lazy(lambda uow: SqlAlchemyAuditLog(uow._active_session))

    def __init__(
        self, session_factory: async_sessionmaker[AsyncSession], publisher: EventPublisher
    ) -> None:
        super().__init__(publisher)
        self._session_factory = session_factory
        self._session: AsyncSession | None = None
        self._open = False
        engine = session_factory.kw.get("bind")
        if not isinstance(engine, AsyncEngine):
            raise TypeError("the session factory must be bound to an AsyncEngine")
        self._engine = engine
        self._reads = Reads(engine, lambda: self._session)

    @property
    def _active_session(self) -> AsyncSession:
        """The block's session, opened when a repository is first used."""
        if not self._open:
            raise RuntimeError("the unit of work is used outside its `async with` block")
        if self._session is None:
            self._session = self._session_factory()
        return self._session

    async def _begin(self) -> None:
        self._open = True
        forget(self)
        self.read = SqlAlchemyReadModel(self._reads)

    async def _commit(self, events: Sequence[NewEvent]) -> None:
        pending = claim_to_write()
        try:
            with translated_errors():
                if pending is not None:  # first, so a concurrent twin fails before any effect
                    await write_claim(self._active_session, pending.claim)
                for repository in made(self):  # those used in the block
                    await repository.save_changes()
                # After the changes: their row locks order the events of one aggregate by commit.
                await write_outbox(self._active_session, events)
                await self._active_session.commit()
        except UsernameAlreadyTaken as clash:
            # A database reports one violated index, SQLite the username's before the e-mail's;
            # a taken e-mail is the conflict to report, as the memory adapter does.
            await self._rollback()
            if await self.users.added_email_taken():
                raise EmailAlreadyRegistered() from clash
            raise
        except BaseException:
            await self._rollback()
            raise
        if pending is not None:
            pending.claimed = True
        for repository in made(self):
            repository.mark_saved()

    async def _rollback(self) -> None:
        # A rollback that fails (the connection is gone) must not hide the error being handled;
        # closing the session then discards the connection.
        if self._session is None:  # no repository was used: nothing to undo
            return
        with suppress(SQLAlchemyError, OSError):
            await self._session.rollback()

    async def _close(self) -> None:
        self._open = False
        session, self._session = self._session, None
        if session is not None:
            with suppress(SQLAlchemyError, OSError):
                await session.close()
