from application.errors import SocialLoginNotConfigured
from application.ports.identity_provider import (
    AuthorizationStart,
    ExternalIdentity,
    IdentityProvider,
    PendingLogin,
)


class NoIdentityProvider(IdentityProvider):
    """No provider is configured: every social login is SocialLoginNotConfigured."""

    async def start(self) -> AuthorizationStart:
        raise SocialLoginNotConfigured()

    async def identity(self, pending: PendingLogin, code: str) -> ExternalIdentity:
        raise SocialLoginNotConfigured()
