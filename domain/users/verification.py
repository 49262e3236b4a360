"""Who may publish and comment: with verification required, only verified addresses."""

from dataclasses import dataclass

from domain.errors import PermissionDenied
from domain.roles import Actor


class EmailNotVerified(PermissionDenied):
    def __init__(self) -> None:
        super().__init__(
            "verify your e-mail address first: publishing and commenting need a verified "
            "address (follow the link e-mailed to you, or ask for a new one at "
            "POST /verify-email/resend)"
        )


@dataclass(frozen=True, slots=True)
class ContributionPolicy:
    """``require_verified_email``: an account whose address is unverified may log in, read
    and write drafts, but not publish or comment (EmailNotVerified)."""

    require_verified_email: bool = False

    def ensure_may_contribute(self, actor: Actor) -> None:
        if self.require_verified_email and not actor.email_verified:
            raise EmailNotVerified()
