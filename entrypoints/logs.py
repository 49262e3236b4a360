"""One logging configuration for Folio's loggers ("folio.*") and uvicorn's: JSON lines in
production, readable lines in development, to stderr."""

import logging
import logging.config
from typing import Any, Literal

LogFormat = Literal["json", "text"]
FORMATTERS = {
    "json": "entrypoints.log_format.JsonFormatter",
    "text": "entrypoints.log_format.TextFormatter",
}


# Loggers of libraries that print statement arguments or result rows (e-mails, hashes) at
# DEBUG. SQLAlchemy's statements at INFO are safe: engines hide their parameters.
QUIET_AT_DEBUG = ("aiosqlite", "asyncpg", "python_multipart", "multipart", "sqlalchemy.engine")


def _quiet(level: str) -> int:
    named: int = logging.getLevelNamesMapping()[level.upper()]
    return max(named, logging.INFO)


def logging_config(level: str, log_format: LogFormat) -> dict[str, Any]:
    """A ``logging.config.dictConfig`` document (also handed to uvicorn as its log_config)."""
    handler = {"class": "logging.StreamHandler", "formatter": "folio", "stream": "ext://sys.stderr"}
    logger = {"handlers": ["stderr"], "level": level.upper(), "propagate": False}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"folio": {"()": FORMATTERS[log_format]}},
        "handlers": {"stderr": handler},
        "loggers": {
            **{name: {"level": _quiet(level)} for name in QUIET_AT_DEBUG},
            "folio": logger,
            "uvicorn": logger,
            "uvicorn.error": {"level": level.upper()},
            # Folio logs every request itself (folio.access), with its request id and route.
            "uvicorn.access": {**logger, "level": "WARNING"},
        },
    }


def configure_logging(level: str, log_format: LogFormat = "text") -> None:
    """Folio's loggers log at ``level``. Unless the host process (``folio serve``'s uvicorn, a
    test runner) configured logging already, apply the whole configuration here. Libraries
    that would log bound values at DEBUG are held at INFO whatever the level."""
    for name in QUIET_AT_DEBUG:
        logging.getLogger(name).setLevel(_quiet(level))
    folio = logging.getLogger("folio")
    if folio.handlers or logging.getLogger().handlers:
        folio.setLevel(level.upper())
        return
    logging.config.dictConfig(logging_config(level, log_format))
