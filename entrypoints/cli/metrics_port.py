"""FOLIO_METRICS_PORT: /metrics on a port of its own, served by the ``folio serve`` process
itself (with several workers, it adds up every worker's files), never by the API's port."""

import os
import tempfile
from pathlib import Path

from entrypoints.cli.console import fail
from entrypoints.settings import Settings

MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"


def prepare_metrics(settings: Settings, workers: int) -> None:
    """Before uvicorn starts: with several workers, give them a shared, empty directory for
    their metric files (unless the operator named one); then open the metrics port if asked.
    Called before anything imports prometheus_client, which reads the directory at import."""
    if not settings.metrics_enabled:
        return
    if workers > 1:
        directory = os.environ.get(MULTIPROC_ENV) or tempfile.mkdtemp(prefix="folio-metrics-")
        os.environ[MULTIPROC_ENV] = directory
        from adapters.metrics.exposition import prepare_multiprocess_dir

        prepare_multiprocess_dir(Path(directory))
    if settings.metrics_port is not None:
        _serve_metrics_port(settings)


def _serve_metrics_port(settings: Settings) -> None:
    from prometheus_client import start_http_server

    from adapters.metrics.exposition import registry

    try:
        start_http_server(settings.metrics_port or 0, settings.metrics_host, registry())
    except OSError as error:
        fail(f"cannot serve metrics on {settings.metrics_host}:{settings.metrics_port}: {error}")
