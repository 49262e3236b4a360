from domain.errors import Conflict, DomainError


class SessionEnded(DomainError):
    """The session was ended or has expired; its tokens no longer work."""

    def __init__(self) -> None:
        super().__init__("the session has ended")


class RefreshTokenReused(Conflict):
    """A refresh token was presented after it had been exchanged: it may have been stolen,
    so the session it belonged to ends."""

    def __init__(self) -> None:
        super().__init__("this refresh token was already used; the session has ended")
