"""Repositories over one AsyncSession, one per aggregate. Each remembers the row of every entity
it loaded, so ``save_changes()`` (called by the unit of work inside its transaction) writes only
what differs, and ``mark_saved()`` (after commit) makes the written state the new baseline."""

from adapters.sqlalchemy.repositories.posts import SqlAlchemyPostRepository
from adapters.sqlalchemy.repositories.sessions import SqlAlchemySessionRepository
from adapters.sqlalchemy.repositories.social import (
    SqlAlchemyCommentRepository,
    SqlAlchemyFavoriteRepository,
    SqlAlchemyFollowRepository,
)
from adapters.sqlalchemy.repositories.users import SqlAlchemyUserRepository

__all__ = [
    "SqlAlchemyCommentRepository",
    "SqlAlchemyFavoriteRepository",
    "SqlAlchemyFollowRepository",
    "SqlAlchemyPostRepository",
    "SqlAlchemySessionRepository",
    "SqlAlchemyUserRepository",
]
