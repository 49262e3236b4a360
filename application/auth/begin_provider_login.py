from application.ports.identity_provider import AuthorizationStart, IdentityProvider


class BeginProviderLogin:
    """Start a login at the external OpenID Connect provider: where to send the browser, and
    what it must keep until the provider sends it back (see LogInWithProvider)."""

    def __init__(self, provider: IdentityProvider) -> None:
        self._provider = provider

    async def __call__(self) -> AuthorizationStart:
        return await self._provider.start()
