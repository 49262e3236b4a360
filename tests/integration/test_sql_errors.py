"""Database errors are translated at the adapter's boundary: unique violations into domain
conflicts, anything else into a StorageError that shows no SQL."""

import sqlite3

import pytest
from sqlalchemy.exc import IntegrityError, OperationalError

from adapters.sqlalchemy.errors import StorageError, translate
from application.errors import ServiceUnavailable
from domain.errors import EmailAlreadyRegistered, SlugAlreadyTaken, UsernameAlreadyTaken
from tests.builders import make_post, make_user
from tests.integration.backends import UowFactory

SQL = "INSERT INTO users (id, email) VALUES ($1, $2)"


class UniqueViolation(Exception):
    """Stands in for asyncpg's UniqueViolationError, which names the constraint."""

    def __init__(self, constraint_name: str) -> None:
        super().__init__(f'duplicate key value violates unique constraint "{constraint_name}"')
        self.constraint_name = constraint_name


class PgError(Exception):
    """Stands in for a driver error that carries its SQLSTATE."""

    def __init__(self, sqlstate: str, message: str) -> None:
        super().__init__(message)
        self.sqlstate = sqlstate


def asyncpg_style(constraint: str) -> IntegrityError:
    driver_error = Exception("<class 'asyncpg.exceptions.UniqueViolationError'>: duplicate key")
    driver_error.__cause__ = UniqueViolation(constraint)
    return IntegrityError(SQL, {"email": "a@b.c"}, driver_error)


def sqlite_busy(code: int, message: str) -> sqlite3.OperationalError:
    """sqlite3's error as it raises it, with its (extended) result code."""
    error = sqlite3.OperationalError(message)
    error.sqlite_errorcode = code  # type: ignore[attr-defined]
    return error


def sqlite_style(message: str) -> IntegrityError:
    return IntegrityError(SQL, ("a@b.c",), Exception(message))


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        pytest.param(asyncpg_style("uq_users_email"), EmailAlreadyRegistered, id="pg-email"),
        pytest.param(
            asyncpg_style("uq_users_username_key"), UsernameAlreadyTaken, id="pg-username"
        ),
        pytest.param(asyncpg_style("uq_posts_slug"), SlugAlreadyTaken, id="pg-slug"),
        pytest.param(asyncpg_style("pk_users"), StorageError, id="pg-other-constraint"),
        pytest.param(
            sqlite_style("UNIQUE constraint failed: users.email"),
            EmailAlreadyRegistered,
            id="sqlite-email",
        ),
        pytest.param(
            sqlite_style("UNIQUE constraint failed: users.username_key"),
            UsernameAlreadyTaken,
            id="sqlite-username",
        ),
        pytest.param(
            sqlite_style("UNIQUE constraint failed: posts.slug"), SlugAlreadyTaken, id="sqlite-slug"
        ),
        pytest.param(
            sqlite_style("UNIQUE constraint failed: users.id"),
            StorageError,
            id="sqlite-primary-key",
        ),
        pytest.param(
            sqlite_style("FOREIGN KEY constraint failed"), StorageError, id="sqlite-foreign-key"
        ),
        pytest.param(
            OperationalError(SQL, {}, Exception("database is locked")),
            StorageError,
            id="operational",
        ),
        pytest.param(
            OperationalError(SQL, {}, sqlite_busy(5, "database is locked")),
            ServiceUnavailable,
            id="sqlite-busy",
        ),
        pytest.param(
            OperationalError(SQL, {}, sqlite_busy(517, "database is locked")),
            ServiceUnavailable,
            id="sqlite-busy-snapshot",
        ),
        pytest.param(
            OperationalError(SQL, {}, sqlite_busy(6, "database table is locked")),
            ServiceUnavailable,
            id="sqlite-locked",
        ),
        pytest.param(
            OperationalError(SQL, {}, sqlite_busy(1, "no such table: posts")),
            StorageError,
            id="sqlite-error",
        ),
        pytest.param(ConnectionRefusedError(111, "refused"), ServiceUnavailable, id="unreachable"),
        pytest.param(TimeoutError(), ServiceUnavailable, id="connect-timeout"),
        pytest.param(
            OperationalError(SQL, {}, PgError("57P01", "terminating connection")),
            ServiceUnavailable,
            id="admin-shutdown",
        ),
        pytest.param(
            OperationalError(SQL, {}, PgError("57014", "canceling statement due to timeout")),
            ServiceUnavailable,
            id="statement-timeout",
        ),
        pytest.param(
            OperationalError(SQL, {}, PgError("08006", "connection failure")),
            ServiceUnavailable,
            id="connection-failure",
        ),
        pytest.param(
            OperationalError(SQL, {}, Exception("gone"), connection_invalidated=True),
            ServiceUnavailable,
            id="invalidated",
        ),
        pytest.param(
            OperationalError(SQL, {}, PgError("42P01", "relation does not exist")),
            StorageError,
            id="undefined-table",
        ),
    ],
)
def test_driver_errors_are_translated(error: Exception, expected: type[Exception]) -> None:
    translated = translate(error)  # type: ignore[arg-type]

    assert type(translated) is expected
    assert "INSERT" not in str(translated)
    assert "a@b.c" not in str(translated)


async def test_a_refused_write_is_a_storage_error_without_sql(new_sql_uow: UowFactory) -> None:
    orphan = make_post(author_id=make_user().id)  # its author does not exist

    async with new_sql_uow() as uow:
        uow.posts.add(orphan)
        with pytest.raises(StorageError) as raised:
            await uow.commit()

    message = str(raised.value)
    assert "INSERT" not in message.upper()
    assert orphan.slug.value not in message
    assert list(new_sql_uow.publisher.recent) == []
    async with new_sql_uow() as uow:
        assert await uow.posts.get(orphan.id) is None
