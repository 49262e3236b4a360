"""A real SMTP server (aiosmtpd) on 127.0.0.1 for the e-mail suites: it keeps every message
it accepts, and can refuse (451) or be stopped and started again on its port."""

import email
import email.policy
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from email.message import EmailMessage
from typing import Any

from aiosmtpd.controller import Controller


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Mailbox:
    """The aiosmtpd handler: what arrived, in order."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.refusing = False
        self._lock = threading.Lock()

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.refusing:
            return "451 4.3.0 try again later"
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self._lock:
            self.messages.append(message)  # type: ignore[arg-type]
        return "250 OK"

    def to(self, address: str, subject: str = "") -> list[EmailMessage]:
        """The messages to ``address`` whose subject holds ``subject`` (all by default)."""
        with self._lock:
            return [m for m in self.messages if m["To"] == address and subject in str(m["Subject"])]

    def wait_for(
        self, address: str, count: int = 1, seconds: float = 20, subject: str = ""
    ) -> list[EmailMessage]:
        deadline = time.monotonic() + seconds
        while len(self.to(address, subject)) < count and time.monotonic() < deadline:
            time.sleep(0.05)
        return self.to(address, subject)


class SmtpServer:
    def __init__(self) -> None:
        self.mailbox = Mailbox()
        self.port = free_port()
        self._controller: Controller | None = None

    def start(self) -> None:
        self._controller = Controller(self.mailbox, hostname="127.0.0.1", port=self.port)
        self._controller.start()

    def stop(self) -> None:
        controller, self._controller = self._controller, None
        if controller is not None:
            controller.stop()


@contextmanager
def smtp_server(*, running: bool = True) -> Iterator[SmtpServer]:
    server = SmtpServer()
    if running:
        server.start()
    try:
        yield server
    finally:
        server.stop()
