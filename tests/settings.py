"""Settings for tests: fast argon2, a fixed secret, nothing read from the environment."""

from typing import Any

from entrypoints.settings import Settings

TEST_SECRET = "test-secret-that-is-long-enough-for-hs256-0123456789"


GENEROUS_LIMITS = {
    "rate_limit_default": "100000/minute",
    "rate_limit_login_account": "10000/minute",
    "rate_limit_login_address": "100000/minute",
    "rate_limit_login_delay_after": 100000,
    "rate_limit_register": "100000/minute",
    "rate_limit_password": "100000/minute",
    "rate_limit_refresh": "100000/minute",
    "rate_limit_websocket": "100000/minute",
}


def make_settings(**overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "env": "development",
        "storage": "memory",
        "jwt_secret": TEST_SECRET,
        "argon2_time_cost": 1,
        "argon2_memory_cost": 8,
        "argon2_parallelism": 1,
        # Limits stay on, but far above what any suite does; the rate-limit suites lower them.
        **GENEROUS_LIMITS,
    }
    values.update(overrides)
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]
