"""Application errors: a use case cannot go on. Entrypoints map each to an HTTP status."""


class ApplicationError(Exception):
    """Base of every error a use case raises on purpose."""


class NotFound(ApplicationError):
    """The thing asked for does not exist, or the caller may not know that it does."""


class UserNotFound(NotFound):
    def __init__(self) -> None:
        super().__init__("user not found")


class PostNotFound(NotFound):
    def __init__(self) -> None:
        super().__init__("post not found")


class CommentNotFound(NotFound):
    def __init__(self) -> None:
        super().__init__("comment not found")


class AuthenticationFailed(ApplicationError):
    """The caller could not be identified."""


class InvalidCredentials(AuthenticationFailed):
    def __init__(self) -> None:
        super().__init__("incorrect username or password")


class InvalidToken(AuthenticationFailed):
    def __init__(self, reason: str = "invalid or expired token") -> None:
        super().__init__(reason)


class InvalidUnsubscribeLink(ApplicationError):
    def __init__(self) -> None:
        super().__init__("this unsubscribe link is not valid")


class ServiceUnavailable(ApplicationError):
    """A backing service is out of reach or out of capacity for now; retrying may succeed."""

    def __init__(
        self, reason: str = "the service is busy or unreachable; try again shortly"
    ) -> None:
        super().__init__(reason)


class InvalidRefreshToken(AuthenticationFailed):
    def __init__(self) -> None:
        super().__init__("invalid or expired refresh token")


class SessionNotFound(NotFound):
    def __init__(self) -> None:
        super().__init__("session not found")


class InvalidOneTimeCode(AuthenticationFailed):
    def __init__(self) -> None:
        super().__init__("wrong, expired or already used one-time code")


class TwoFactorNotEnrolled(ApplicationError):
    def __init__(self) -> None:
        super().__init__("no two-factor enrolment in this state; enrol first at POST /me/totp")


class ExternalLoginFailed(AuthenticationFailed):
    """A login through the external provider could not be completed (state, code, ID token)."""

    def __init__(self, reason: str) -> None:
        super().__init__(f"social login failed: {reason}")


class SocialLoginNotConfigured(NotFound):
    def __init__(self) -> None:
        super().__init__("social login is not configured on this server (FOLIO_OIDC_ISSUER)")


class ExternalIdentityIncomplete(ApplicationError):
    """The provider did not tell what an account needs (an e-mail address)."""


class TooManyRequests(ApplicationError):
    """A rate limit was met: ``retry_after`` seconds until one more request is allowed, out
    of ``limit`` per ``window`` seconds under the policy named ``policy``."""

    def __init__(
        self, reason: str, *, retry_after: int, limit: int, window: int, policy: str
    ) -> None:
        super().__init__(reason)
        self.retry_after = retry_after
        self.limit = limit
        self.window = window
        self.policy = policy


class IdempotencyKeyInUse(ApplicationError):
    """Another request with the same Idempotency-Key is being served (or just took effect)."""

    def __init__(self) -> None:
        super().__init__(
            "a request with this Idempotency-Key is already being processed; retry later"
        )
