"""The servers compared on each backend: the one-file baselines and Folio, one uvicorn worker
each, on the same database."""

import secrets
from pathlib import Path

from bench.servers import ServerSpec

BASELINES = {
    "orm": ("bench.baseline_app:app", "flat ORM app (bench/baseline_app.py)"),
    "core": ("bench.core_app:app", "flat Core app (bench/core_app.py)"),
    "asyncpg": ("bench.asyncpg_app:app", "raw asyncpg app (bench/asyncpg_app.py)"),
    "rw_flat": ("bench.realworld_app:app", "flat RealWorld app (bench/realworld_app.py)"),
}
BY_BACKEND = {
    "sqlite": ("orm", "core", "rw_flat", "folio"),
    "postgresql": ("orm", "core", "asyncpg", "rw_flat", "folio"),
}
# Baselines of the RealWorld API only: they serve /api, not /posts, and read Folio's tokens.
REALWORLD_BASELINES = frozenset({"rw_flat"})


def folio_env(url: str, workdir: Path, secret: str | None = None) -> dict[str, str]:
    return {
        "FOLIO_ENV": "development",
        "FOLIO_STORAGE": "sql",
        "FOLIO_DATABASE_URL": url,
        "FOLIO_JWT_SECRET": secret or secrets.token_urlsafe(36),  # 48 characters
        "FOLIO_JWT_SECRET_FILE": str(workdir / ".folio-secret"),
        "FOLIO_LOG_LEVEL": "WARNING",
        "FOLIO_RATE_LIMIT_ENABLED": "false",  # one client address makes every request
    }


def contenders(backend: str, url: str, workdir: Path, cpu: int | None) -> list[ServerSpec]:
    specs = []
    secret = secrets.token_urlsafe(36)
    for name in BY_BACKEND[backend]:
        if name == "folio":
            app, env = "entrypoints.http.app:create_app", folio_env(url, workdir, secret)
            specs.append(ServerSpec(name, app, factory=True, env=env, cpu=cpu))
        else:
            env = {"BENCH_DATABASE_URL": url, "BENCH_JWT_SECRET": secret}
            specs.append(ServerSpec(name, BASELINES[name][0], env=env, cpu=cpu))
    return specs
