"""``folio serve``: the HTTP API under uvicorn."""

import logging
from typing import Annotated

import typer
import uvicorn

from entrypoints.cli.console import fail, is_sqlite, load_settings
from entrypoints.cli.db import migrate_database
from entrypoints.cli.metrics_port import prepare_metrics
from entrypoints.cli.startup import check_schema
from entrypoints.logs import configure_logging, logging_config
from entrypoints.settings import InsecureSettings

APP_FACTORY = "entrypoints.http.app:create_app"
logger = logging.getLogger("folio.serve")
WORKER_HEALTHCHECK_SECONDS = 30


def serve(
    host: Annotated[str, typer.Option(help="Interface to bind.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port to bind.")] = 8000,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes.")] = 1,
    reload: Annotated[
        bool, typer.Option("--reload", help="Restart on code changes (development).")
    ] = False,
) -> None:
    """Serve the HTTP API.

    Insecure production settings are refused before anything starts.
    With SQL storage on SQLite the database is migrated first; any other database must be at
    the latest revision already (`folio db upgrade`).
    """
    settings = load_settings()
    try:
        # Checked once here rather than in every worker; in development this also creates the
        # secret file before several workers could race to create different ones.
        settings.refuse_insecure()
    except InsecureSettings as error:
        fail(str(error))
    if settings.storage == "sql" and is_sqlite(settings.database_url):
        migrate_database(settings.database_url)
    elif settings.storage == "sql":
        check_schema(settings)
    # Logged, not printed: with FOLIO_LOG_FORMAT=json every line on stderr is a JSON record.
    configure_logging(settings.log_level, settings.effective_log_format)
    if settings.storage == "memory" and workers > 1:
        logger.warning("memory storage is per process: each worker keeps its own users and posts")
    if workers > 1 and not settings.redis_url:
        logger.warning(
            "without FOLIO_REDIS_URL each worker keeps its own rate-limit counters, live events "
            "and WebSocket cap: a client gets the limits once per worker and hears only its "
            "worker's events (docs/deployment.md)"
        )
    prepare_metrics(settings, workers)
    uvicorn.run(
        APP_FACTORY,
        factory=True,
        host=host,
        port=port,
        workers=workers,
        reload=reload,
        log_level=settings.log_level.lower(),
        ws_ping_interval=settings.ws_ping_interval,
        ws_ping_timeout=settings.ws_ping_timeout,
        log_config=logging_config(settings.log_level, settings.effective_log_format),
        access_log=False,  # Folio logs each request itself (folio.access), with its request id
        timeout_graceful_shutdown=settings.shutdown_timeout,
        # A worker that is still importing on a busy machine is not a dead one.
        timeout_worker_healthcheck=WORKER_HEALTHCHECK_SECONDS,
        server_header=False,  # no "server: uvicorn" banner
        proxy_headers=False,  # the client address is Folio's to find (FOLIO_TRUSTED_PROXIES)
    )
