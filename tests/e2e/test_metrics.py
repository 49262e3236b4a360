"""/metrics: Prometheus text with request counts and latencies by route template and status,
database pool gauges, login failures; protected by a token or moved to a port of its own by
settings."""

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from httpx import AsyncClient
from prometheus_client.parser import text_string_to_metric_families

from entrypoints.container import Container
from entrypoints.http.app import create_app
from tests.e2e.conftest import make_container, serve, storage_settings
from tests.e2e.helpers import assert_problem, register


def samples(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


def value(text: str, name: str, **labels: str) -> float:
    return samples(text).get((name, tuple(sorted(labels.items()))), 0.0)


@pytest.fixture
def sqlite_container(tmp_path: Path) -> Container:
    # No relay in the app: its polling would hold connections and drain the outbox meanwhile.
    return make_container(**storage_settings("sqlite", tmp_path), outbox_relay_in_app=False)


@pytest.fixture
async def api(sqlite_container: Container) -> AsyncIterator[AsyncClient]:
    async with serve(create_app(sqlite_container)) as client:
        yield client


async def scrape(client: AsyncClient, **headers: Any) -> str:
    response = await client.get("/metrics", headers=headers)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/plain")
    return response.text


async def test_requests_are_counted_by_route_template_and_status(api: AsyncClient) -> None:
    missing = "/posts/0b6c3a1e-7f9b-4a55-8d64-1f2e3d4c5b6a"
    labels = {"method": "GET", "route": "/posts/{post_id}", "status": "404"}
    before = await scrape(api)

    for _ in range(3):
        assert (await api.get(missing)).status_code == 404
    after = await scrape(api)

    counted = "folio_http_requests_total"
    assert value(after, counted, **labels) - value(before, counted, **labels) == 3
    timed = "folio_http_request_duration_seconds_count"
    assert value(after, timed, **labels) - value(before, timed, **labels) == 3
    assert value(after, "folio_http_request_duration_seconds_bucket", le="+Inf", **labels) >= 3
    assert missing not in after  # ids never become labels


async def test_login_failures_are_counted(api: AsyncClient) -> None:
    user = await register(api)
    before = value(await scrape(api), "folio_login_failures_total")

    await api.post("/token", data={"username": user["email"], "password": "not the password"})
    await api.post("/token", data={"username": "nobody@example.com", "password": "whatever1"})

    assert value(await scrape(api), "folio_login_failures_total") - before == 2


async def test_the_database_pool_is_reported(api: AsyncClient) -> None:
    await api.get("/posts")
    text = await scrape(api)

    assert value(text, "folio_db_pool_size") == 10
    for gauge in ("folio_db_pool_connections_in_use", "folio_db_pool_waiting"):
        assert f"# TYPE {gauge} gauge" in text  # counted in tests/integration/test_pool_metrics
    for hook in (
        "folio_outbox_backlog",
        "folio_outbox_oldest_age_seconds",
        "folio_websocket_connections",
        "folio_http_requests_in_progress",
    ):
        assert f"# TYPE {hook} gauge" in text
    assert "# TYPE folio_rate_limit_rejections_total counter" in text


async def test_a_metrics_token_is_required_when_set() -> None:
    app = create_app(make_container(metrics_token="metrics-token-0123456789"))
    async with serve(app) as client:
        refused = await client.get("/metrics")
        wrong = await client.get("/metrics", headers={"Authorization": "Bearer nope"})
        allowed = await client.get(
            "/metrics", headers={"Authorization": "Bearer metrics-token-0123456789"}
        )

    assert assert_problem(refused, 401)["type"] == "urn:folio:problem:authentication-failed"
    assert wrong.status_code == 401
    assert allowed.status_code == 200
    assert "folio_http_requests_total" in allowed.text


@pytest.mark.parametrize(
    "settings",
    [
        pytest.param({"metrics_enabled": False}, id="disabled"),
        pytest.param({"metrics_port": 9}, id="on-its-own-port"),
    ],
)
async def test_metrics_can_be_taken_off_the_api_port(settings: dict[str, Any]) -> None:
    async with serve(create_app(make_container(**settings))) as client:
        assert_problem(await client.get("/metrics"), 404)


async def test_the_outbox_backlog_is_sampled_at_each_scrape(api: AsyncClient) -> None:
    await register(api)  # its UserRegistered event waits in the outbox (no relay here)

    text = await scrape(api)

    assert value(text, "folio_outbox_backlog") >= 1
    assert value(text, "folio_outbox_oldest_age_seconds") >= 0
