"""``folio outbox``: see undelivered and dead entries, and replay dead ones."""

import asyncio
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Annotated, TypeVar
from uuid import UUID

import typer
from dependency_injector import providers

from adapters.sqlalchemy.errors import StorageError
from application.ports.outbox import Outbox, OutboxEntry
from entrypoints.cli.console import fail, load_settings, warn
from entrypoints.container import Container, close

app = typer.Typer(help="Inspect and replay the outbox of events.", no_args_is_help=True)
T = TypeVar("T")


@app.command("list")
def list_entries(
    dead: Annotated[bool, typer.Option("--dead", help="Show dead letters instead.")] = False,
    limit: Annotated[int, typer.Option(min=1, max=10_000, help="Most entries shown.")] = 100,
) -> None:
    """Entries waiting for delivery (or, with --dead, given up on), oldest first."""
    entries = _run(lambda outbox: outbox.entries(dead=dead, limit=limit))
    if not entries:
        typer.echo("No dead entries." if dead else "No pending entries.")
        return
    typer.echo("EVENT ID                              EVENT                 ATTEMPTS  DUE / ERROR")
    for entry in entries:
        typer.echo(_line(entry, dead))


@app.command()
def retry(
    event_id: Annotated[
        UUID | None, typer.Argument(metavar="ID", help="The event id of a dead entry.")
    ] = None,
    all_dead: Annotated[bool, typer.Option("--all-dead", help="Retry every dead entry.")] = False,
) -> None:
    """Make a dead entry (or every one) pending again, with its attempts reset."""
    if (event_id is None) == (not all_dead):
        fail("give either an event id or --all-dead")
    now = datetime.now(UTC)
    changed = _run(lambda outbox: outbox.retry(event_id, now=now))
    if event_id is not None and not changed:
        fail(f"no dead entry has the event id {event_id}")
    typer.echo(f"{changed} dead {'entry' if changed == 1 else 'entries'} queued again.")


def _line(entry: OutboxEntry, dead: bool) -> str:
    detail = entry.last_error or "" if dead else entry.available_at.isoformat(timespec="seconds")
    if not dead and entry.last_error:
        detail += f" (last error: {entry.last_error})"
    return f"{entry.event_id}  {entry.event_name:<20}  {entry.attempts:>8}  {detail}"


def _run(action: Callable[[Outbox], Awaitable[T]]) -> T:
    settings = load_settings()
    if settings.storage == "memory":
        warn("FOLIO_STORAGE is memory: this process's outbox is empty by construction")

    async def run() -> T:
        container = Container(settings=providers.Object(settings))
        try:
            return await action(container.notifications.outbox())
        finally:
            await close(container)

    try:
        return asyncio.run(run())
    except StorageError as error:
        fail(f"{error} (is the database migrated? run `folio db upgrade`)")
