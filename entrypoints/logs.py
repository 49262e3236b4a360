"""Where Folio's own log records ("folio.*": events, unexpected errors) go."""

import logging

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def configure_logging(level: str) -> None:
    """Folio's loggers log at ``level``; to stderr unless the host process configured logging."""
    folio = logging.getLogger("folio")
    folio.setLevel(level.upper())
    if not folio.handlers and not logging.getLogger().handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter(FORMAT))
        folio.addHandler(handler)
