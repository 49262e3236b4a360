"""Every setting of Folio, from FOLIO_* environment variables or a .env file."""

import os
import re
import secrets
from functools import cached_property
from ipaddress import ip_network
from pathlib import Path
from typing import Annotated, Literal

from limits import parse
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    Field,
    SecretStr,
    field_validator,
    model_validator,
)
from pydantic_settings import BaseSettings, SettingsConfigDict

from adapters.security.argon2_hasher import (
    OWASP_MIN_MEMORY_COST,
    OWASP_MIN_PARALLELISM,
    OWASP_MIN_TIME_COST,
)
from adapters.security.key_strength import STRONG_BITS, estimated_bits
from adapters.security.keys import HMAC_ALGORITHMS, InvalidKey, KeyRing, key_from
from adapters.security.keys import generate as generate_key
from domain.posts.policy import DEFAULT_BANNED_WORDS
from entrypoints.database_url import checked_database_url

MIN_SECRET_LEN = 32
# RFC 7518 asks for an HMAC key at least as long as the hash output.
MIN_SECRET_LEN_BY_ALGORITHM = {"HS256": MIN_SECRET_LEN, "HS384": 48, "HS512": 64}
WELL_KNOWN_SECRETS = frozenset(
    {"secret", "changeme", "change-me", "your-secret-key", "supersecret", "jwt-secret", "folio"}
)
_ORIGIN = re.compile(r"^https?://[^/\s?#]+$")


GENERATE_HINT = "generate one with `folio keys generate`"
JwtAlgorithm = Literal["HS256", "HS384", "HS512", "EdDSA", "ES256"]


def _rate(text: str) -> str:
    """A rate as ``limits`` reads it: "10/minute", "5 per 15 minutes"."""
    try:
        parse(text)
    except ValueError as error:
        raise ValueError(f"{text!r} is not a rate like 10/minute or 5 per 15 minutes") from error
    return text


def _networks(values: list[str]) -> list[str]:
    for value in values:
        ip_network(value, strict=False)  # ValueError names the bad one
    return values


RateText = Annotated[str, AfterValidator(_rate)]


class InsecureSettings(RuntimeError):
    """Production settings that must not be served with."""


class VerificationKey(BaseModel):
    """An older key whose tokens are still accepted: an HMAC secret, or a PEM key (public or
    private) for EdDSA and ES256."""

    alg: JwtAlgorithm
    key: SecretStr


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="FOLIO_", env_file=".env", extra="ignore")

    env: Literal["development", "production"] = "development"
    storage: Literal["memory", "sql"] = "sql"
    database_url: str = "sqlite+aiosqlite:///./folio.db"
    db_pool_size: int = Field(default=10, ge=1, le=200)
    db_pool_timeout: float = Field(
        default=10.0, gt=0, description="seconds to wait for a pool slot"
    )
    db_connect_timeout: float = Field(
        default=5.0, gt=0, le=300, description="seconds to wait for a new database connection"
    )
    db_statement_timeout: float = Field(
        default=15.0, gt=0, le=3600, description="seconds a database statement may run"
    )
    jwt_secret: SecretStr | None = None
    jwt_secret_file: Path = Path(".folio-secret")
    jwt_algorithm: JwtAlgorithm = "HS256"
    jwt_private_key: SecretStr | None = Field(
        default=None, description="PEM private key signing tokens with EdDSA or ES256"
    )
    jwt_private_key_file: Path = Path(".folio-jwt-key.pem")
    jwt_verification_keys: list[VerificationKey] = Field(
        default_factory=list, description="older keys still accepted, for rotation"
    )
    jwt_issuer: str = "folio"
    jwt_audience: str = "folio-api"
    access_token_minutes: int = Field(default=15, ge=1, le=24 * 60)
    cookie_secure: bool = Field(
        default=True,
        description="false only for plain-HTTP development: session cookies without Secure",
    )
    refresh_token_days: int = Field(
        default=14, ge=1, le=365, description="a session ends after this long unused (sliding)"
    )
    session_max_days: int = Field(
        default=30, ge=1, le=3650, description="a session ends this long after login, whatever"
    )
    argon2_time_cost: int = Field(default=3, ge=1)
    argon2_memory_cost: int = Field(default=65536, ge=8, description="KiB")
    argon2_parallelism: int = Field(default=4, ge=1)
    password_min_length: int = Field(default=10, ge=8, le=128)
    password_hash_workers: int = Field(
        default_factory=lambda: os.cpu_count() or 1,
        ge=1,
        le=256,
        description="threads hashing passwords at once (each holds argon2_memory_cost KiB)",
    )
    password_hash_queue: int = Field(
        default=64, ge=0, le=10_000, description="logins waiting for a hashing thread; then 503"
    )
    redis_url: str | None = Field(
        default=None, description="redis://host:port/db; shared state across workers and hosts"
    )
    redis_timeout: float = Field(
        default=2.0, gt=0, le=60, description="seconds to connect to Redis and for each command"
    )
    http_cache_max_age: int = Field(
        default=5, ge=0, le=86_400, description="seconds caches may keep public lists and posts"
    )
    ws_auth_timeout: float = Field(
        default=5.0, gt=0, le=60, description="seconds a new WebSocket has to authenticate"
    )
    ws_auth_recheck_interval: float = Field(
        default=30.0, gt=0, description="seconds between re-checks of a connected WebSocket's token"
    )
    ws_queue_size: int = Field(
        default=256, ge=1, le=100_000, description="messages a WebSocket may fall behind"
    )
    ws_max_connections_per_user: int = Field(default=5, ge=1, le=1000)
    ws_ping_interval: float = Field(
        default=20.0, gt=0, description="seconds of silence before the server pings a WebSocket"
    )
    ws_ping_timeout: float = Field(
        default=20.0, gt=0, description="seconds a WebSocket has to answer a ping"
    )
    max_body_bytes: int = Field(
        default=1024 * 1024, ge=1024, description="largest request body; larger is a 413"
    )
    max_json_depth: int = Field(default=32, ge=2, le=1000)
    max_json_array_items: int = Field(default=1000, ge=10, le=1_000_000)
    trusted_hosts: list[str] = Field(
        default_factory=lambda: ["*"],
        description='Host names served: "api.example.com", "*.example.com", or "*" for any',
    )
    rate_limit_enabled: bool = Field(
        default=True, description="false turns every rate limit off (load tests, benchmarks)"
    )
    allow_no_rate_limit: bool = Field(
        default=False, description="lets production start with FOLIO_RATE_LIMIT_ENABLED=false"
    )
    rate_limit_default: RateText = "600/minute"
    rate_limit_login_account: RateText = "10/15 minutes"
    rate_limit_login_address: RateText = "100/15 minutes"
    rate_limit_login_delay_after: int = Field(default=10, ge=0)
    rate_limit_register: RateText = "20/hour"
    rate_limit_password: RateText = "20/hour"  # noqa: S105 - a rate, not a password
    rate_limit_refresh: RateText = "120/minute"
    rate_limit_websocket: RateText = "60/minute"
    trusted_proxies: Annotated[list[str], AfterValidator(_networks)] = Field(
        default_factory=list,
        description="addresses or networks of proxies whose X-Forwarded-For is believed",
    )
    banned_words: list[str] = Field(default_factory=lambda: list(DEFAULT_BANNED_WORDS))
    cors_origins: list[str] = Field(
        default_factory=list, description="origins browsers may call the API from (JSON list)"
    )
    outbox_relay_in_app: bool = Field(
        default=True, description="run the outbox relay inside each app process"
    )
    outbox_poll_seconds: float = Field(default=1.0, gt=0, le=300)
    outbox_batch_size: int = Field(default=100, ge=1, le=1000)
    outbox_max_attempts: int = Field(default=10, ge=1, le=1000)
    outbox_backoff_seconds: float = Field(default=1.0, gt=0, le=3600)
    outbox_backoff_max_seconds: float = Field(default=600.0, gt=0, le=7 * 24 * 3600)
    outbox_lease_seconds: float = Field(default=60.0, ge=1, le=3600)
    site_name: str = Field(default="Folio", min_length=1, max_length=100)
    base_url: str = Field(
        default="http://127.0.0.1:8000",
        pattern=r"^https?://[^\s/]+(/[^\s]*)?$",
        description="the public address of the API, for links in e-mails",
    )
    email_backend: Literal["console", "memory", "smtp"] = "console"
    email_from: str = Field(default="Folio <folio@localhost>", pattern=r"^[^\r\n]+$")
    smtp_host: str = "localhost"
    smtp_port: int = Field(default=587, ge=1, le=65535)
    smtp_security: Literal["starttls", "tls", "none"] = "starttls"
    smtp_user: str | None = None
    smtp_password: SecretStr | None = None
    smtp_timeout: float = Field(default=10.0, gt=0, le=300)
    require_verified_email: bool = Field(
        default=False,
        description="only accounts with a verified e-mail address may publish and comment",
    )
    username_reservation_days: int = Field(
        default=30,
        ge=0,
        le=3650,
        description="days a username a user left stays theirs (0: free at once)",
    )
    deleted_user_content: Literal["remove", "keep"] = Field(
        default="remove",
        description="what DELETE /me does to the account's posts and comments",
    )
    log_level: Annotated[
        Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"], BeforeValidator(str.upper)
    ] = "INFO"
    shutdown_timeout: int = Field(
        default=20, ge=1, le=600, description="seconds in-flight requests get to finish on stop"
    )
    metrics_enabled: bool = Field(default=True, description="serve Prometheus metrics")
    metrics_port: int | None = Field(
        default=None, ge=1, le=65535, description="serve /metrics on this port instead of the API's"
    )
    metrics_host: str = Field(default="127.0.0.1", description="interface of FOLIO_METRICS_PORT")
    metrics_token: SecretStr | None = Field(
        default=None, description="bearer token /metrics requires when set"
    )
    oidc_issuer: str | None = Field(
        default=None,
        pattern=r"^https?://[^\s]+$",
        description="issuer URL of the OpenID Connect provider (discovery); unset: no social login",
    )
    oidc_client_id: str | None = None
    oidc_client_secret: SecretStr | None = None
    oidc_redirect_url: str | None = Field(
        default=None,
        pattern=r"^https?://[^\s]+$",
        description="the callback registered at the provider; default FOLIO_BASE_URL + "
        "/auth/oidc/callback",
    )
    oidc_scopes: str = Field(default="openid email profile", pattern=r"(^|\s)openid(\s|$)")
    oidc_frontend_url: str | None = Field(
        default=None,
        pattern=r"^https?://[^\s]+$",
        description="where a browser goes after a social login (session in cookies)",
    )
    log_format: Literal["json", "text"] | None = Field(
        default=None, description="json (one object a line) or text; default: json in production"
    )

    @field_validator("cors_origins")
    @classmethod
    def _origins_are_origins(cls, origins: list[str]) -> list[str]:
        """Origins as browsers send them: scheme and host, maybe a port, no path; or ``*``."""
        normalised = [origin.strip().removesuffix("/") for origin in origins]
        for origin in normalised:
            if origin != "*" and not _ORIGIN.match(origin):
                raise ValueError(f"{origin!r} is not an origin like https://example.com:8080")
        return normalised

    @field_validator("database_url")
    @classmethod
    def _async_driver(cls, url: str) -> str:
        return checked_database_url(url)

    @model_validator(mode="after")
    def _oidc_client_complete(self) -> "Settings":
        if self.oidc_issuer is not None and not (self.oidc_client_id and self.oidc_client_secret):
            raise ValueError("FOLIO_OIDC_ISSUER needs FOLIO_OIDC_CLIENT_ID and _CLIENT_SECRET")
        if self.env == "production" and (self.oidc_issuer or "").startswith("http://"):
            raise ValueError("FOLIO_OIDC_ISSUER must be an https:// URL in production")
        return self

    @property
    def oidc_callback_url(self) -> str:
        return self.oidc_redirect_url or self.base_url.rstrip("/") + "/auth/oidc/callback"

    @property
    def effective_log_format(self) -> Literal["json", "text"]:
        if self.log_format is not None:
            return self.log_format
        return "json" if self.env == "production" else "text"

    def refuse_insecure(self) -> None:
        """Raise InsecureSettings for settings production must not be served with (a weak
        secret, argon2 below OWASP's minimum); in development, make the secret if needed."""
        _ = self.signing_secret, self.key_ring
        if self.env == "production":
            _check_production_argon2(self)
            if not self.rate_limit_enabled and not self.allow_no_rate_limit:
                raise InsecureSettings(
                    "FOLIO_RATE_LIMIT_ENABLED=false in production needs "
                    "FOLIO_ALLOW_NO_RATE_LIMIT=true"
                )

    @cached_property
    def signing_secret(self) -> str:
        """The JWT secret. Production refuses a missing, short or well-known one; development
        makes one up the first time and keeps it in ``jwt_secret_file`` (git-ignored)."""
        given = None if self.jwt_secret is None else self.jwt_secret.get_secret_value()
        if self.env == "production":
            return _checked_production_secret(given, self.jwt_algorithm)
        return given or _local_development_secret(self.jwt_secret_file)

    @cached_property
    def key_ring(self) -> KeyRing:
        """The key that signs access tokens (its ``kid`` in every token) and the older keys
        still accepted. Production refuses a weak current or older HMAC key."""
        try:
            current = key_from(self._current_key_material(), self.jwt_algorithm)
            older = [key_from(k.key.get_secret_value(), k.alg) for k in self.jwt_verification_keys]
        except InvalidKey as error:
            raise InsecureSettings(f"JWT keys: {error}") from error
        if self.env == "production":
            for key in self.jwt_verification_keys:
                if key.alg in HMAC_ALGORITHMS:
                    _checked_production_secret(key.key.get_secret_value(), key.alg, "an older key")
        return KeyRing(current, tuple(k for k in older if k.kid != current.kid))

    def _current_key_material(self) -> str:
        if self.jwt_algorithm in HMAC_ALGORITHMS:
            return self.signing_secret
        if self.jwt_private_key is not None:
            return self.jwt_private_key.get_secret_value()
        path = self.jwt_private_key_file
        if path.exists():
            return path.read_text()
        if self.env == "production":
            raise InsecureSettings(
                f"{self.jwt_algorithm} needs FOLIO_JWT_PRIVATE_KEY or FOLIO_JWT_PRIVATE_KEY_FILE; "
                f"generate one with `folio keys generate --algorithm {self.jwt_algorithm}`"
            )
        return _write_owner_only(path, generate_key(self.jwt_algorithm))


def _checked_production_secret(
    secret: str | None, algorithm: str, what: str = "FOLIO_JWT_SECRET"
) -> str:
    if not secret:
        raise InsecureSettings(f"FOLIO_JWT_SECRET must be set in production; {GENERATE_HINT}")
    min_len = MIN_SECRET_LEN_BY_ALGORITHM.get(algorithm, MIN_SECRET_LEN)
    if len(secret) < min_len:
        raise InsecureSettings(
            f"{what} must be at least {min_len} characters for {algorithm}; {GENERATE_HINT}"
        )
    if secret.lower() in WELL_KNOWN_SECRETS or len(set(secret)) < 8:
        raise InsecureSettings(f"{what} is a well-known or trivial value; {GENERATE_HINT}")
    bits = estimated_bits(secret)
    if bits < STRONG_BITS:
        raise InsecureSettings(
            f"{what} is guessable (about {bits:.0f} bits of entropy, {STRONG_BITS} needed: "
            f"words and patterns are cheap to guess offline from any token); {GENERATE_HINT}"
        )
    return secret


def _check_production_argon2(settings: Settings) -> None:
    minimum = (OWASP_MIN_MEMORY_COST, OWASP_MIN_TIME_COST, OWASP_MIN_PARALLELISM)
    given = (settings.argon2_memory_cost, settings.argon2_time_cost, settings.argon2_parallelism)
    if any(value < floor for value, floor in zip(given, minimum, strict=True)):
        raise InsecureSettings(
            "argon2 parameters below OWASP's minimum (FOLIO_ARGON2_MEMORY_COST >= "
            f"{OWASP_MIN_MEMORY_COST} KiB, FOLIO_ARGON2_TIME_COST >= {OWASP_MIN_TIME_COST}, "
            f"FOLIO_ARGON2_PARALLELISM >= {OWASP_MIN_PARALLELISM}); got m={given[0]}, "
            f"t={given[1]}, p={given[2]}"
        )


def _local_development_secret(path: Path) -> str:
    """The secret kept in ``path``; a missing or blank file gets a new one, readable by the
    owner only from the moment it exists."""
    kept = path.read_text().strip() if path.exists() else ""
    if kept:
        return kept
    return _write_owner_only(path, secrets.token_urlsafe(64)).strip()


def _write_owner_only(path: Path, content: str) -> str:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as file:
        file.write(content.rstrip("\n") + "\n")
    return content
