"""The external OpenID Connect provider people may log in with."""

from abc import abstractmethod
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True, slots=True)
class PendingLogin:
    """What a login begun at the provider must be completed with: the ``state`` the callback
    must return, the ``nonce`` the ID token must hold, and the PKCE ``code_verifier``. Kept by
    the browser that began the login (tamper-proof), never by the provider."""

    state: str
    nonce: str
    code_verifier: str


@dataclass(frozen=True, slots=True)
class AuthorizationStart:
    """Where to send the browser (the provider's authorization URL, with the state, nonce and
    PKCE challenge in it), and what to keep until it comes back."""

    url: str
    pending: PendingLogin


@dataclass(frozen=True, slots=True)
class ExternalIdentity:
    """What a verified ID token says about the person."""

    issuer: str
    subject: str
    email: str | None = None
    email_verified: bool = False
    name: str | None = None
    preferred_username: str | None = None


class IdentityProvider(Protocol):
    """One OpenID Connect provider, found by discovery from its issuer URL."""

    @abstractmethod
    async def start(self) -> AuthorizationStart:
        """Begin an authorization code flow with PKCE (S256), a fresh state and nonce."""

    @abstractmethod
    async def identity(self, pending: PendingLogin, code: str) -> ExternalIdentity:
        """Exchange ``code`` (with the PKCE verifier) for tokens and verify the ID token: its
        signature against the provider's keys, its issuer, audience (this client), expiry
        and nonce. Raises ExternalLoginFailed if any of it fails or the provider is out of
        reach."""
