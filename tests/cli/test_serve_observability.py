"""A real ``folio serve``: logs are JSON lines in production (uvicorn's too), an unexpected
error's traceback appears once, and /metrics adds up every worker on its own port."""

import json
import sqlite3
import time
from pathlib import Path

import httpx
from prometheus_client.parser import text_string_to_metric_families

from tests.processes import Server, folio_serve, free_port

PRODUCTION_SECRET = "Zq8-rT5vW2xY7_kL9mN3pB6cD1fG4hJ0-production"
OWASP_MINIMUM_ARGON2 = {"FOLIO_ARGON2_MEMORY_COST": "19456", "FOLIO_ARGON2_TIME_COST": "2"}
REQUESTS = 24


def count_of(text: str, route: str) -> float:
    return sum(
        sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
        if sample.name == "folio_http_requests_total" and sample.labels.get("route") == route
    )


def wait_for_line(server: Server, text: str, count: int, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while server.output().count(text) < count:
        assert time.monotonic() < deadline, server.output()
        time.sleep(0.2)


def test_metrics_add_up_every_worker_on_their_own_port(tmp_path: Path) -> None:
    metrics_port = free_port()
    with folio_serve(
        tmp_path,
        "--workers",
        "2",
        FOLIO_STORAGE="sql",
        FOLIO_DATABASE_URL=f"sqlite+aiosqlite:///{tmp_path / 'folio.db'}",
        FOLIO_METRICS_PORT=str(metrics_port),
        FOLIO_ENV="production",
        FOLIO_JWT_SECRET=PRODUCTION_SECRET,
        **OWASP_MINIMUM_ARGON2,  # production refuses less
    ) as server:
        wait_for_line(server, "Application startup complete", count=2)
        for _ in range(REQUESTS):  # a new connection each: the kernel spreads them
            assert httpx.get(f"{server.url}/posts", timeout=5).status_code == 200
        scraped = httpx.get(f"http://127.0.0.1:{metrics_port}/metrics", timeout=5).text
        on_api_port = httpx.get(f"{server.url}/metrics", timeout=5)

    assert count_of(scraped, "/posts") == REQUESTS
    assert on_api_port.status_code == 404
    lines = [line for line in server.output().splitlines() if line.strip()]
    records = [json.loads(line) for line in lines]  # every line is one JSON object
    loggers = {record["logger"] for record in records}
    assert {"folio.access", "uvicorn.error"} <= loggers
    workers = {r["message"] for r in records if r["message"].startswith("Started server process")}
    assert len(workers) == 2


def test_an_unexpected_error_is_logged_once_by_a_real_server(tmp_path: Path) -> None:
    database = tmp_path / "folio.db"
    with folio_serve(
        tmp_path,
        FOLIO_STORAGE="sql",
        FOLIO_DATABASE_URL=f"sqlite+aiosqlite:///{database}",
        FOLIO_LOG_FORMAT="json",
    ) as server:
        with sqlite3.connect(database) as connection:  # the schema breaks behind its back
            connection.execute("ALTER TABLE posts RENAME TO posts_gone")
        response = httpx.get(f"{server.url}/posts", headers={"X-Request-ID": "req-real-0001"})

    assert response.status_code == 500
    output = server.output()
    # One record (one line) carries the traceback, its chained causes included.
    (failure,) = [json.loads(line) for line in output.splitlines() if "Traceback" in line]
    assert "req-real-0001" in failure["message"]
    assert failure["logger"] == "folio.http"
