"""FOLIO_DATABASE_URL: only the two async drivers Folio runs on, said in one line otherwise."""

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

SUPPORTED_DRIVERS = {"sqlite": "aiosqlite", "postgresql": "asyncpg"}
EXAMPLES = "sqlite+aiosqlite:///./folio.db or postgresql+asyncpg://user@host:5432/db"


def checked_database_url(url: str) -> str:
    """``url`` itself if it names a supported database with its async driver; otherwise a
    ValueError whose message fits on one line and never repeats a password."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise ValueError(f"is not a database URL; use {EXAMPLES}") from None
    backend, driver = parsed.get_backend_name(), parsed.get_driver_name()
    expected = SUPPORTED_DRIVERS.get(backend)
    if expected is None:
        raise ValueError(f"names an unsupported database {backend!r}; use {EXAMPLES}")
    if "+" not in parsed.drivername or driver != expected:
        given = "no driver" if "+" not in parsed.drivername else f"the driver {driver!r}"
        raise ValueError(
            f"has {given}; Folio needs {backend}+{expected}:// (for example {EXAMPLES})"
        )
    return url
