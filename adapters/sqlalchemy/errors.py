"""Database errors translated at the adapter's boundary (ADR 001).

A unique violation of a known constraint becomes the domain's Conflict; anything else the
database says becomes a StorageError whose message holds no SQL and no parameters; a pool that
stays exhausted for the configured wait, a database that cannot be reached, is shutting down or
starting up, a statement cancelled by its timeout, or a SQLite database still busy or locked
after the busy timeout, is ServiceUnavailable (retrying may work).
"""

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.exc import DBAPIError, IntegrityError, SQLAlchemyError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from application.errors import ServiceUnavailable
from domain.errors import (
    AlreadyFavorited,
    AlreadyFollowing,
    Conflict,
    EmailAlreadyRegistered,
    SlugAlreadyTaken,
    UsernameAlreadyTaken,
)
from domain.sessions.errors import RefreshTokenReused
from domain.users.identities import IdentityAlreadyLinked


class StorageError(Exception):
    """The database failed or refused a statement for a reason the domain does not name."""


# Constraint name (PostgreSQL reports it) and "table.column" (SQLite's message names it).
_UNIQUE_RULES: tuple[tuple[str, str, type[Conflict]], ...] = (
    ("uq_users_email", "users.email", EmailAlreadyRegistered),
    ("uq_users_username_key", "users.username_key", UsernameAlreadyTaken),
    ("uq_posts_slug", "posts.slug", SlugAlreadyTaken),
    ("pk_follows", "follows.follower_id", AlreadyFollowing),
    ("pk_favorites", "favorites.user_id", AlreadyFavorited),
    ("pk_user_identities", "user_identities.issuer", IdentityAlreadyLinked),
    # Two transactions rotated one refresh token at once: the later one is a reuse.
    ("pk_retired_refresh_tokens", "retired_refresh_tokens.token_hash", RefreshTokenReused),
)
_SQLITE_UNIQUE = "UNIQUE constraint failed: "
# SQLSTATEs of a database that is out of reach for now: connection exceptions (class 08), too
# many connections, an administrator's or a crash's shutdown, a server still starting, and a
# statement cancelled (here, by statement_timeout).
_UNAVAILABLE_CLASSES = ("08",)
_UNAVAILABLE_STATES = frozenset({"53300", "57P01", "57P02", "57P03", "57014"})
# SQLite's primary result codes (an extended code's low byte) of a database busy or locked
# past the busy timeout: another writer held it.
_SQLITE_UNAVAILABLE_CODES = frozenset({5, 6})  # SQLITE_BUSY, SQLITE_LOCKED
UNAVAILABLE_MESSAGE = "the database is unavailable; try again shortly"
LOST_MESSAGE = "the database connection was lost; try again"


def conflict_for(error: IntegrityError) -> Conflict | None:
    """The domain conflict a unique violation stands for, if it is one of ours."""
    names = _violated_names(error)
    for constraint, column, conflict in _UNIQUE_RULES:
        if constraint in names or column in names:
            return conflict()
    return None


def _violated_names(error: IntegrityError) -> set[str]:
    """Constraint and "table.column" names the driver says were violated."""
    driver_error = error.orig
    names: set[str] = set()
    constraint = getattr(getattr(driver_error, "__cause__", None), "constraint_name", None)
    if isinstance(constraint, str):  # asyncpg
        names.add(constraint)
    message = str(driver_error)
    if message.startswith(_SQLITE_UNIQUE):  # "UNIQUE constraint failed: users.email"
        names.update(part.strip() for part in message.removeprefix(_SQLITE_UNIQUE).split(","))
    return names


def translate(error: SQLAlchemyError | OSError) -> Exception:
    """The exception to raise instead of ``error``: a domain Conflict, ServiceUnavailable when
    no pooled connection freed up in time, or a StorageError."""
    if isinstance(error, IntegrityError):
        conflict = conflict_for(error)
        if conflict is not None:
            return conflict
        return StorageError("the database refused the change (integrity constraint)")
    if isinstance(error, PoolTimeout):
        return ServiceUnavailable("every database connection is busy; try again shortly")
    if isinstance(error, DBAPIError) and error.connection_invalidated:
        return ServiceUnavailable(LOST_MESSAGE)
    return database_failure(error)


def database_failure(error: BaseException) -> Exception:
    """What the database answering ``error`` means: ServiceUnavailable when it says it is out
    of reach for now (is_unavailable), else a StorageError naming no SQL and no parameters."""
    if is_unavailable(error):
        return ServiceUnavailable(UNAVAILABLE_MESSAGE)
    return StorageError(f"the database failed ({type(error).__name__})")


def is_unavailable(error: BaseException) -> bool:
    """Whether ``error`` (or what it wraps) says the database is out of reach for now."""
    seen: set[int] = set()
    pending: list[BaseException | None] = [error]
    while pending:
        current = pending.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, OSError):  # refused, reset, unreachable, timed out
            return True
        if isinstance(current, DBAPIError) and current.connection_invalidated:
            return True
        state = getattr(current, "sqlstate", None)
        if isinstance(state, str) and (
            state.startswith(_UNAVAILABLE_CLASSES) or state in _UNAVAILABLE_STATES
        ):
            return True
        code = getattr(current, "sqlite_errorcode", None)
        if isinstance(code, int) and code & 0xFF in _SQLITE_UNAVAILABLE_CODES:
            return True
        orig = current.orig if isinstance(current, DBAPIError) else None
        pending.extend([orig, current.__cause__, current.__context__])
    return False


@contextmanager
def translated_errors() -> Iterator[None]:
    """Re-raise database errors raised inside the block as domain conflicts or StorageError."""
    try:
        yield
    except (SQLAlchemyError, OSError) as error:
        raise translate(error) from error
