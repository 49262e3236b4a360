"""The console and memory senders: development and tests need no mail server."""

import logging

from application.ports.email import EmailMessage, EmailSender

logger = logging.getLogger("folio.email")


class ConsoleEmailSender(EmailSender):
    """Writes each message, both parts and its headers, to the log (``make run``'s default).
    The recipient's address shows only its domain: no log line holds an e-mail address."""

    async def send(self, message: EmailMessage) -> None:
        headers = "".join(f"{name}: {value}\n" for name, value in message.headers)
        logger.info(
            "e-mail (not sent: FOLIO_EMAIL_BACKEND=console)\nTo: %s\nSubject: %s\n%s\n%s\n"
            "--- HTML ---\n%s",
            "***@" + message.to.rpartition("@")[2],
            message.subject,
            headers,
            message.text,
            message.html,
        )


class MemoryEmailSender(EmailSender):
    """Keeps what it was given, in order; ``failures`` makes the next sends raise."""

    def __init__(self) -> None:
        self.sent: list[EmailMessage] = []
        self.failures = 0

    async def send(self, message: EmailMessage) -> None:
        if self.failures:
            self.failures -= 1
            raise ConnectionError("the memory mail server is down")
        self.sent.append(message)

    def to(self, address: str) -> list[EmailMessage]:
        return [message for message in self.sent if message.to == address]
