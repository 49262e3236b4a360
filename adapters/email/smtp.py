"""Sending over SMTP with aiosmtplib: STARTTLS, implicit TLS or (on loopback) plain."""

import email.message
import email.utils
from dataclasses import dataclass
from typing import Literal

import aiosmtplib

from application.ports.email import EmailMessage, EmailSender

Security = Literal["starttls", "tls", "none"]


@dataclass(frozen=True, slots=True)
class SmtpParameters:
    host: str
    port: int
    sender: str
    security: Security = "starttls"
    user: str | None = None
    password: str | None = None
    timeout: float = 10.0


class SmtpEmailSender(EmailSender):
    """One connection per message: the relay sends few, and a broken connection is never
    reused. Any SMTP or network error propagates, so the outbox retries the message."""

    def __init__(self, parameters: SmtpParameters) -> None:
        self._parameters = parameters

    async def send(self, message: EmailMessage) -> None:
        p = self._parameters
        await aiosmtplib.send(
            mime_of(message, p.sender),
            hostname=p.host,
            port=p.port,
            username=p.user or None,
            password=p.password or None,
            use_tls=p.security == "tls",
            start_tls=p.security == "starttls",
            timeout=p.timeout,
        )


def mime_of(message: EmailMessage, sender: str) -> email.message.EmailMessage:
    """multipart/alternative: the plain text first, the HTML as the preferred rendering."""
    mime = email.message.EmailMessage()
    mime["From"] = sender
    mime["To"] = message.to
    mime["Subject"] = message.subject
    mime["Date"] = email.utils.formatdate(usegmt=True)
    domain = sender.rpartition("@")[2].strip("> ") or None
    if message.key is None:
        mime["Message-ID"] = email.utils.make_msgid(domain=domain)
    else:  # the same e-mail sent again carries the same id
        mime["Message-ID"] = f"<{message.key.hex}@{domain or 'folio.invalid'}>"
    for name, value in message.headers:
        mime[name] = value
    mime.set_content(message.text)
    mime.add_alternative(message.html, subtype="html")
    return mime
