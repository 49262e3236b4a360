"""The one log line of an unexpected error: where it happened, never what it said."""

import contextlib
import logging

logger = logging.getLogger("folio.http")
MAX_CHAIN = 10


def log_unexpected(request_id: str, method: str, path: str, error: BaseException) -> None:
    """One ERROR record: the request id, the route, the exception classes of the chain and
    the traceback. Exception messages are left out: a database's may quote a row (an e-mail,
    a password hash) and SQLAlchemy's its bound parameters."""
    chain: list[str] = []
    current: BaseException | None = error
    while current is not None and len(chain) < MAX_CHAIN:
        chain.append(f"{type(current).__module__}.{type(current).__qualname__}")
        current = current.__cause__ or current.__context__
    silent = without_messages(error)
    logger.error(
        "unhandled error, request id %s, %s %s: %s",
        request_id,
        method,
        path,
        " <- ".join(chain),
        exc_info=(type(silent), silent, error.__traceback__),
        extra={"request_id": request_id, "method": method},
    )


def without_messages(error: BaseException, depth: int = 0) -> BaseException:
    """A copy of ``error`` and of the errors it chains to, with their tracebacks and classes
    but no arguments, so a formatted traceback names where and what, but says nothing else."""
    try:
        copy = type(error).__new__(type(error))
    except Exception:  # a class that cannot be made without arguments: name it instead
        copy = RuntimeError(f"{type(error).__module__}.{type(error).__qualname__}")
    copy.__traceback__ = error.__traceback__
    copy.__suppress_context__ = error.__suppress_context__
    if depth < MAX_CHAIN:
        with contextlib.suppress(Exception):
            if error.__cause__ is not None:
                copy.__cause__ = without_messages(error.__cause__, depth + 1)
            if error.__context__ is not None:
                copy.__context__ = without_messages(error.__context__, depth + 1)
    return copy
