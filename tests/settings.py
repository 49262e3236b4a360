"""Settings for tests: fast argon2, a fixed secret, nothing read from the environment."""

from typing import Any

from entrypoints.settings import Settings

TEST_SECRET = "test-secret-that-is-long-enough-for-hs256-0123456789"


def make_settings(**overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "env": "development",
        "storage": "memory",
        "jwt_secret": TEST_SECRET,
        "argon2_time_cost": 1,
        "argon2_memory_cost": 8,
        "argon2_parallelism": 1,
    }
    values.update(overrides)
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]
