"""The providers of social login (OpenID Connect), as a sub-container of the root one."""

from dependency_injector import containers, providers

from adapters.oidc.authlib_provider import AuthlibIdentityProvider, OidcClientSettings
from adapters.oidc.unconfigured import NoIdentityProvider
from application.auth.begin_provider_login import BeginProviderLogin
from application.auth.log_in_with_provider import LogInWithProvider
from application.ports.audit import AuditTrail
from application.ports.clock import IdGenerator
from application.ports.identity_provider import IdentityProvider
from application.ports.unit_of_work import UnitOfWork
from application.sessions.tokens import SessionIssuer
from entrypoints.http.provider_login_cookie import ProviderLoginCookie
from entrypoints.settings import Settings


def identity_provider(settings: Settings) -> IdentityProvider:
    """The configured provider, or one that says social login is not configured."""
    if settings.oidc_issuer is None or settings.oidc_client_secret is None:
        return NoIdentityProvider()
    return AuthlibIdentityProvider(
        OidcClientSettings(
            issuer=settings.oidc_issuer,
            client_id=settings.oidc_client_id or "",
            client_secret=settings.oidc_client_secret.get_secret_value(),
            redirect_uri=settings.oidc_callback_url,
            scopes=settings.oidc_scopes,
        )
    )


class OidcContainer(containers.DeclarativeContainer):
    settings: providers.Dependency[Settings] = providers.Dependency()
    unit_of_work: providers.Dependency[UnitOfWork] = providers.Dependency()
    ids: providers.Dependency[IdGenerator] = providers.Dependency()
    issuer: providers.Dependency[SessionIssuer] = providers.Dependency()
    audit: providers.Dependency[AuditTrail] = providers.Dependency()

    provider = providers.Singleton(identity_provider, settings)
    cookie = providers.Singleton(
        ProviderLoginCookie,
        secret=settings.provided.signing_secret,
        secure=settings.provided.cookie_secure,
    )
    begin_login = providers.Factory(BeginProviderLogin, provider=provider)
    log_in = providers.Factory(
        LogInWithProvider,
        uow=unit_of_work,
        provider=provider,
        sessions=issuer,
        ids=ids,
        audit=audit,
    )
