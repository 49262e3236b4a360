"""Column types that make every backend hand back the same Python values."""

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware timestamp, stored as UTC and always read back as UTC-aware.

    PostgreSQL stores ``timestamptz``, which asyncpg reads as UTC-aware datetimes already
    (whatever the session's time zone), so its values are not processed at all; SQLite has no
    time zones, so the value is written as naive UTC and marked as UTC when read. Naive
    datetimes are refused on the way in.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError("naive datetimes cannot be stored; pass a timezone-aware one")
        in_utc = value.astimezone(UTC)
        return in_utc.replace(tzinfo=None) if dialect.name == "sqlite" else in_utc

    def result_processor(
        self, dialect: Dialect, coltype: object
    ) -> Callable[[Any], datetime | None] | None:
        if dialect.driver == "asyncpg":  # a per-value call saved on every timestamp read
            return None
        general = super().result_processor(dialect, coltype)
        if dialect.name == "sqlite" and general is not None:
            return _sqlite_utc(general)
        return general

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if not isinstance(value, datetime):
            raise TypeError(f"expected a datetime from the database, got {type(value).__name__}")
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


# How SQLAlchemy's SQLite DATETIME writes a timestamp: "2024-01-01 12:00:00.000000".
_SQLITE_TIMESTAMP_LENGTH = 26
_AS_UTC = "+00:00"


def _sqlite_utc(general: Callable[[Any], datetime | None]) -> Callable[[Any], datetime | None]:
    """``general`` (the dialect's parse, then ``process_result_value``), with the values
    SQLAlchemy writes parsed as UTC in one call instead: the same datetimes, five to ten
    times cheaper (sixty of them on a page of posts). Anything else goes to ``general``."""
    parse = datetime.fromisoformat

    def process(value: Any) -> datetime | None:
        if type(value) is str and len(value) == _SQLITE_TIMESTAMP_LENGTH and value[10] == " ":
            try:
                return parse(value + _AS_UTC)
            except ValueError:
                pass  # ``general`` raises its own error
        return general(value)

    return process
