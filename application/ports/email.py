"""E-mail: composing messages from templates, sending them, and one-click unsubscribe links."""

from abc import abstractmethod
from dataclasses import dataclass
from typing import Protocol
from uuid import UUID


@dataclass(frozen=True, slots=True)
class EmailMessage:
    """A multipart message: ``text`` and ``html`` are two renderings of one content.
    ``headers`` are extra header pairs (List-Unsubscribe...); none may hold CR or LF.
    ``key``, when given, is the message's stable identity: every attempt to send the same
    e-mail (a redelivered event) carries the same key, and the SMTP adapter makes the
    ``Message-ID`` of it, so mail systems take a resend after a crash as the same message."""

    to: str
    subject: str
    text: str
    html: str
    headers: tuple[tuple[str, str], ...] = ()
    key: UUID | None = None

    def __post_init__(self) -> None:
        for value in (self.to, self.subject, *(part for pair in self.headers for part in pair)):
            if "\r" in value or "\n" in value:
                raise ValueError("e-mail headers must not contain line breaks")


class EmailSender(Protocol):
    """Hands messages to a mail system."""

    @abstractmethod
    async def send(self, message: EmailMessage) -> None:
        """Send ``message``, or raise (the outbox then retries it later)."""


@dataclass(frozen=True, slots=True)
class RenderedEmail:
    subject: str
    text: str
    html: str


class EmailTemplates(Protocol):
    """The wording of e-mails, kept out of the code; the site's name and address are known
    to every template."""

    @abstractmethod
    def render(self, template: str, **context: object) -> RenderedEmail:
        """Subject, plain text and HTML of ``template`` with ``context`` (escaped in HTML)."""


class UnsubscribeLinks(Protocol):
    """Signed one-click unsubscribe links (RFC 8058)."""

    @abstractmethod
    def link_for(self, email: str) -> str:
        """The absolute URL that switches notification e-mails to ``email`` off."""

    @abstractmethod
    def email_of(self, token: str) -> str:
        """The address a token of such a link was made for; InvalidUnsubscribeLink if it
        was not made by us."""
