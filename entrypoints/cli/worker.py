"""``folio worker``: the outbox relay as a process of its own."""

import asyncio
import signal

import typer
from dependency_injector import providers

from entrypoints.cli.console import fail, is_sqlite, load_settings
from entrypoints.cli.db import migrate_database
from entrypoints.container import Container, close
from entrypoints.logs import configure_logging
from entrypoints.settings import Settings


def worker() -> None:
    """Deliver outbox entries (e-mails, notifications) until SIGINT or SIGTERM.

    Runs beside `folio serve` (set FOLIO_OUTBOX_RELAY_IN_APP=false there to leave delivery to
    workers). Several workers may run at once on PostgreSQL; on SQLite one delivers at a time.
    """
    settings = load_settings()
    if settings.storage == "memory":
        fail("FOLIO_STORAGE is memory: a worker cannot see another process's outbox")
    if is_sqlite(settings.database_url):
        migrate_database(settings.database_url)
    configure_logging(settings.log_level)
    asyncio.run(run_relay(settings))


async def run_relay(settings: Settings) -> None:
    container = Container(settings=providers.Object(settings))
    relay = container.outbox_relay()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for number in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(number, stop.set)
    await relay.start()
    typer.echo("Outbox relay running; stop it with Ctrl-C or SIGTERM.", err=True)
    try:
        await stop.wait()
    finally:
        await relay.stop()
        await close(container)
        typer.echo("Outbox relay stopped.", err=True)
