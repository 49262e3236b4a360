"""The IdentityProvider port on Authlib: discovery, the authorization code flow with PKCE
(S256), and the ID token checked by Authlib's OpenID Connect client (signature against the
provider's JWKS, fetched again once for an unknown key id; issuer, audience, expiry, issue
time and nonce)."""

import logging
import warnings
from dataclasses import dataclass
from typing import Any

import httpx
from authlib.common.errors import AuthlibBaseError
from authlib.common.security import generate_token
from authlib.integrations.base_client import BaseApp
from authlib.integrations.base_client.async_app import AsyncOAuth2Mixin
from authlib.integrations.base_client.async_openid import AsyncOpenIDMixin

with warnings.catch_warnings():  # Authlib 1.9 asks for the httpx2 package on import; httpx is
    warnings.simplefilter("ignore", DeprecationWarning)  # what Folio pins and tests
    from authlib.integrations.httpx_client import AsyncOAuth2Client
from joserfc.errors import JoseError

from application.errors import ExternalLoginFailed
from application.ports.identity_provider import (
    AuthorizationStart,
    ExternalIdentity,
    IdentityProvider,
    PendingLogin,
)

logger = logging.getLogger("folio.oidc")


def _http_errors() -> tuple[type[Exception], ...]:
    """Transport errors of httpx, and of httpx2 when installed (Authlib then uses it)."""
    try:
        import httpx2  # type: ignore[import-not-found]
    except ImportError:
        return (httpx.HTTPError,)
    return (httpx.HTTPError, httpx2.HTTPError)


HTTP_ERRORS = _http_errors()
UNREACHABLE: tuple[type[Exception], ...] = (*HTTP_ERRORS, ValueError)
REFUSED: tuple[type[Exception], ...] = (*UNREACHABLE, AuthlibBaseError, JoseError)
DISCOVERY_PATH = "/.well-known/openid-configuration"
CLOCK_LEEWAY_SECONDS = 60


@dataclass(frozen=True, slots=True)
class OidcClientSettings:
    issuer: str
    client_id: str
    client_secret: str
    redirect_uri: str
    scopes: str = "openid email profile"
    timeout: float = 10.0


class _OpenIdClient(AsyncOAuth2Mixin, AsyncOpenIDMixin, BaseApp):  # type: ignore[misc]
    """Authlib's framework-free asynchronous OpenID Connect client."""

    client_cls = AsyncOAuth2Client


class AuthlibIdentityProvider(IdentityProvider):
    def __init__(self, settings: OidcClientSettings) -> None:
        self._settings = settings
        self._client = _OpenIdClient(
            None,
            name="oidc",
            client_id=settings.client_id,
            client_secret=settings.client_secret,
            server_metadata_url=settings.issuer.rstrip("/") + DISCOVERY_PATH,
            client_kwargs={
                "scope": settings.scopes,
                "code_challenge_method": "S256",
                "timeout": settings.timeout,
            },
        )

    async def start(self) -> AuthorizationStart:
        await self._metadata()
        state, nonce, verifier = generate_token(32), generate_token(32), generate_token(64)
        try:
            found = await self._client.create_authorization_url(
                self._settings.redirect_uri, state=state, nonce=nonce, code_verifier=verifier
            )
        except REFUSED as error:
            raise _failed("the provider is out of reach", error) from error
        return AuthorizationStart(str(found["url"]), PendingLogin(state, nonce, verifier))

    async def identity(self, pending: PendingLogin, code: str) -> ExternalIdentity:
        await self._metadata()
        try:
            token = await self._client.fetch_access_token(
                redirect_uri=self._settings.redirect_uri,
                code=code,
                code_verifier=pending.code_verifier,
            )
            if "id_token" not in token:
                raise ExternalLoginFailed("the provider answered no ID token")
            claims = await self._client.parse_id_token(
                token, nonce=pending.nonce, leeway=CLOCK_LEEWAY_SECONDS
            )
        except REFUSED as error:
            raise _failed("the provider did not confirm the login", error) from error
        return _identity(dict(claims))

    async def _metadata(self) -> dict[str, Any]:
        """The discovery document (cached), whose issuer must be the one configured."""
        try:
            metadata: dict[str, Any] = await self._client.load_server_metadata()
        except UNREACHABLE as error:
            raise _failed("the provider's discovery document is out of reach", error) from error
        if metadata.get("issuer") != self._settings.issuer:
            self._client.server_metadata.clear()  # try discovery again next time
            raise ExternalLoginFailed("the provider's discovery names another issuer")
        return metadata


def _identity(claims: dict[str, Any]) -> ExternalIdentity:
    email, name = claims.get("email"), claims.get("name")
    preferred = claims.get("preferred_username")
    return ExternalIdentity(
        issuer=str(claims["iss"]),
        subject=str(claims["sub"]),
        email=email if isinstance(email, str) else None,
        # Some providers write the boolean as a string.
        email_verified=claims.get("email_verified") in (True, "true"),
        name=name if isinstance(name, str) else None,
        preferred_username=preferred if isinstance(preferred, str) else None,
    )


def _failed(reason: str, error: Exception) -> ExternalLoginFailed:
    logger.warning("social login failed: %s: %s", reason, error)
    return ExternalLoginFailed(reason)
