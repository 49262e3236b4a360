"""Helpers of the account-flow HTTP tests: an app whose e-mails land in memory, a clock that
can be moved forward, and the tokens read from the e-mails."""

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from dependency_injector import providers

from adapters.email.senders import MemoryEmailSender
from application.ports.clock import Clock
from entrypoints.container import Container
from tests.e2e.conftest import make_container, storage_settings
from tests.e2e.test_notifications import eventually

TOKEN_LINE = re.compile(r"^token: (\S+)$", re.MULTILINE)


class ShiftedClock(Clock):
    """The system's time, plus however far a test moved it."""

    def __init__(self) -> None:
        self.offset = timedelta()

    def now(self) -> datetime:
        return datetime.now(UTC) + self.offset


def accounts_container(backend: str, tmp_path: Path, **settings: Any) -> Container:
    container = make_container(
        email_backend="memory",
        outbox_poll_seconds=0.1,
        **storage_settings(backend, tmp_path),
        **settings,
    )
    container.clock.override(providers.Singleton(ShiftedClock))
    return container


def mailbox(container: Container) -> MemoryEmailSender:
    sender = container.notifications.email_sender()
    assert isinstance(sender, MemoryEmailSender)
    return sender


def tokens_in_mail(sender: MemoryEmailSender, address: str, subject: str) -> list[str]:
    return [
        match.group(1)
        for message in sender.to(address)
        if subject.lower() in message.subject.lower()
        for match in [TOKEN_LINE.search(message.text)]
        if match is not None
    ]


async def token_in_mail(
    sender: MemoryEmailSender, address: str, subject: str, count: int = 1
) -> str:
    """The token of the ``count``-th e-mail to ``address`` whose subject holds ``subject``,
    once the relay has sent it."""

    async def check() -> list[str]:
        found = tokens_in_mail(sender, address, subject)
        return found if len(found) >= count else []

    return str((await eventually(check))[count - 1])
