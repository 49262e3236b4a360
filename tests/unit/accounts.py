"""The account use cases and their e-mail handlers on the memory backend, with a relay pass
that delivers the outbox and a memory mailbox to read the tokens from."""

import re
from dataclasses import dataclass, field

from adapters.email.senders import MemoryEmailSender
from adapters.email.templates import JinjaEmailTemplates
from adapters.memory.outbox import MemoryOutbox
from adapters.security.link_tokens import HmacLinkTokens
from adapters.security.unsubscribe_links import HmacUnsubscribeLinks
from application.accounts.account_emails import (
    EmailChangedNotice,
    PasswordResetEmail,
    VerificationEmail,
)
from application.accounts.confirm_password_reset import (
    ConfirmPasswordReset,
    ConfirmPasswordResetCommand,
)
from application.accounts.request_password_reset import RequestPasswordReset
from application.accounts.resend_verification import ResendVerification
from application.accounts.token_mail import TokenMail
from application.accounts.verify_email import VerifyEmail
from application.notifications.mailer import Mailer
from application.outbox.deliver_events import DeliverEvents
from application.outbox.retry_policy import RetryPolicy
from tests.unit.harness import Folio

SECRET = "unit-test-secret-0123456789-abcdefghijklmnop"
TOKEN_LINE = re.compile(r"^token: (\S+)$", re.MULTILINE)


@dataclass
class Accounts:
    folio: Folio
    mail: MemoryEmailSender = field(default_factory=MemoryEmailSender)

    def __post_init__(self) -> None:
        self.links = HmacLinkTokens(SECRET)
        mailer = Mailer(
            self.mail,
            JinjaEmailTemplates("Folio", "https://folio.example"),
            HmacUnsubscribeLinks(SECRET, "https://folio.example"),
        )
        tokens = TokenMail(self.folio.uow, self.links, mailer)
        self.handlers = [
            PasswordResetEmail(tokens),
            VerificationEmail(tokens),
            EmailChangedNotice(tokens),
        ]

    @property
    def request_reset(self) -> RequestPasswordReset:
        return RequestPasswordReset(self.folio.uow(), self.folio.clock, self.folio.ids)

    @property
    def confirm_reset(self) -> ConfirmPasswordReset:
        return ConfirmPasswordReset(
            self.folio.uow(), self.folio.hasher, self.links, self.folio.clock, self.folio.rules
        )

    async def reset(self, token: str, new_password: str) -> None:
        await self.confirm_reset(ConfirmPasswordResetCommand(token, new_password))

    @property
    def verify_email(self) -> VerifyEmail:
        return VerifyEmail(self.folio.uow(), self.links, self.folio.clock)

    @property
    def resend(self) -> ResendVerification:
        return ResendVerification(self.folio.uow(), self.folio.clock)

    async def deliver(self) -> None:
        """Hand every pending outbox entry to the handlers (the relay's pass)."""
        outbox = MemoryOutbox(self.folio.store)
        deliver = DeliverEvents(
            outbox, self.handlers, self.folio.clock, RetryPolicy(), owner="relay"
        )
        for _ in range(10):
            if not await deliver():
                return

    def tokens_to(self, address: str, subject_word: str = "") -> list[str]:
        return [
            match.group(1)
            for message in self.mail.to(address)
            if subject_word.lower() in message.subject.lower()
            for match in [TOKEN_LINE.search(message.text)]
            if match is not None
        ]
