"""The abuse-resistance providers (issue 9), a sub-container of the composition root."""

from dependency_injector import containers, providers

from adapters.limits.limiter import Limiter, Rule, make_storage
from adapters.limits.login_attempts import LimitsLoginAttempts, UnlimitedLoginAttempts
from adapters.security.common_passwords import ZxcvbnCommonPasswords
from adapters.security.hashing_pool import HashingPool
from application.users.password_rules import PasswordRules
from domain.users.password_policy import PasswordPolicy
from entrypoints.http.client_address import ClientAddresses
from entrypoints.settings import Settings


def _on_or_off(enabled: bool) -> str:
    return "on" if enabled else "off"


class Hardening(containers.DeclarativeContainer):
    """Password rules, the bounded hashing pool and the rate limiter (in memory, or in Redis
    when FOLIO_REDIS_URL is set); given the root's settings."""

    settings: providers.Dependency[Settings] = providers.Dependency(instance_of=Settings)

    common_passwords = providers.Singleton(ZxcvbnCommonPasswords)
    password_rules = providers.Singleton(
        PasswordRules,
        providers.Singleton(PasswordPolicy, min_length=settings.provided.password_min_length),
        common_passwords,
    )
    limiter = providers.Singleton(
        Limiter,
        providers.Singleton(
            make_storage, settings.provided.redis_url, settings.provided.redis_timeout
        ),
    )
    login_attempts = providers.Selector(
        providers.Callable(_on_or_off, settings.provided.rate_limit_enabled),
        on=providers.Singleton(
            LimitsLoginAttempts,
            limiter,
            providers.Callable(
                Rule.of, "login-account", settings.provided.rate_limit_login_account
            ),
        ),
        off=providers.Singleton(UnlimitedLoginAttempts),
    )
    client_addresses = providers.Singleton(ClientAddresses, settings.provided.trusted_proxies)
    hashing_pool = providers.Singleton(
        HashingPool,
        workers=settings.provided.password_hash_workers,
        queue=settings.provided.password_hash_queue,
    )
