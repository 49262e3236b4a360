"""A PostgreSQL outage in the middle of a run of writes through a real ``folio serve``: while
the database is down requests get 503 problems with Retry-After, promptly; /readyz says why;
the client's keep-alive connection keeps working; service resumes by itself when the database
returns, and every acknowledged post is there. Then a graceful stop lets an in-flight request
finish."""

import asyncio
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import asyncpg
import httpx
import pytest

from adapters.sqlalchemy.migrate import upgrade
from tests.e2e.helpers import PASSWORD, post_body, user_body
from tests.pg_cluster import Cluster, throwaway_cluster
from tests.processes import Server, folio_serve

CONNECT_TIMEOUT = 2
STATEMENT_TIMEOUT = 4
MAX_WRITES = 600
RUN_SECONDS = 120


async def _create_database(cluster: Cluster) -> None:
    connection = await asyncpg.connect(cluster.admin_dsn)
    try:
        await connection.execute("CREATE DATABASE folio")
    finally:
        await connection.close()


@pytest.fixture(scope="module")
def cluster() -> Iterator[Cluster]:
    with throwaway_cluster() as made:
        asyncio.run(_create_database(made))
        upgrade(made.url)
        yield made


@pytest.fixture
def server(cluster: Cluster, tmp_path: Path) -> Iterator[Server]:
    with folio_serve(
        tmp_path,
        FOLIO_STORAGE="sql",
        FOLIO_DATABASE_URL=cluster.url,
        FOLIO_DB_CONNECT_TIMEOUT=str(CONNECT_TIMEOUT),
        FOLIO_DB_STATEMENT_TIMEOUT=str(STATEMENT_TIMEOUT),
        FOLIO_SHUTDOWN_TIMEOUT="10",
    ) as running:
        yield running


def sign_up(client: httpx.Client) -> dict[str, str]:
    body = user_body()
    assert client.post("/users", json=body).status_code == 201
    token = client.post("/token", data={"username": body["email"], "password": PASSWORD})
    return {"Authorization": f"Bearer {token.json()['access_token']}"}


@dataclass
class Writer:
    """Writes posts one after another on one keep-alive connection until told to stop."""

    client: httpx.Client
    headers: dict[str, str]
    acknowledged: list[str] = field(default_factory=list)
    refused: list[httpx.Response] = field(default_factory=list)
    slowest_refusal: float = 0.0
    failures: list[str] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)

    def run(self) -> None:
        deadline = time.monotonic() + RUN_SECONDS
        for n in range(MAX_WRITES):
            if self.stop.is_set() or time.monotonic() > deadline:
                return
            started = time.monotonic()
            try:
                response = self.client.post(
                    "/posts", json=post_body(title=f"Outage post {n}"), headers=self.headers
                )
            except httpx.TransportError as error:  # the connection itself failed
                self.failures.append(repr(error))
                continue
            if response.status_code == 201:
                self.acknowledged.append(response.json()["id"])
            elif response.status_code == 503:
                self.refused.append(response)
                self.slowest_refusal = max(self.slowest_refusal, time.monotonic() - started)
                time.sleep(0.1)
            else:
                self.failures.append(f"{response.status_code} {response.text[:200]}")

    def wait_for(self, acknowledged: int, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while len(self.acknowledged) < acknowledged:
            assert time.monotonic() < deadline, (len(self.acknowledged), self.failures[-3:])
            time.sleep(0.1)


async def _stored(cluster: Cluster, ids: list[str]) -> set[str]:
    connection = await asyncpg.connect(cluster.dsn("folio"))
    try:
        rows = await connection.fetch("SELECT id::text FROM posts WHERE id::text = ANY($1)", ids)
    finally:
        await connection.close()
    return {row[0] for row in rows}


@pytest.mark.postgres
def test_an_outage_loses_no_acknowledged_write(cluster: Cluster, server: Server) -> None:
    with httpx.Client(base_url=server.url, timeout=30) as client:
        writer = Writer(client, sign_up(client))
        thread = threading.Thread(target=writer.run)
        thread.start()
        try:
            writer.wait_for(10, seconds=60)
            cluster.stop("immediate")  # in the middle of the writes
            time.sleep(CONNECT_TIMEOUT + 1)
            readiness = httpx.get(f"{server.url}/readyz", timeout=30)
            liveness = httpx.get(f"{server.url}/healthz", timeout=30)
            cluster.start()
            before = len(writer.acknowledged)
            writer.wait_for(before + 10, seconds=60)  # resumes by itself
        finally:
            writer.stop.set()
            thread.join(timeout=60)

    assert writer.failures == []  # no 500, no broken connection
    assert writer.refused, "the outage was not seen by any write"
    for refused in writer.refused:
        assert refused.json()["type"] == "urn:folio:problem:service-unavailable"
        assert refused.headers["retry-after"].isdigit()
    assert writer.slowest_refusal < CONNECT_TIMEOUT + STATEMENT_TIMEOUT + 2
    assert readiness.status_code == 503
    assert readiness.json()["detail"].startswith("database: unreachable")
    assert liveness.status_code == 200
    stored = asyncio.run(_stored(cluster, writer.acknowledged))
    assert stored == set(writer.acknowledged)


async def _lock_posts(cluster: Cluster, locked: threading.Event, release: threading.Event) -> None:
    connection = await asyncpg.connect(cluster.dsn("folio"))
    try:
        async with connection.transaction():
            await connection.execute("LOCK TABLE posts IN ACCESS EXCLUSIVE MODE")
            locked.set()
            await asyncio.to_thread(release.wait, 30)
    finally:
        await connection.close()


@pytest.mark.postgres
def test_a_graceful_stop_lets_the_request_in_flight_finish(
    cluster: Cluster, server: Server
) -> None:
    with httpx.Client(base_url=server.url, timeout=30) as client:
        headers = sign_up(client)
    locked, release = threading.Event(), threading.Event()
    holder = threading.Thread(target=lambda: asyncio.run(_lock_posts(cluster, locked, release)))
    holder.start()
    assert locked.wait(30)
    replies: list[httpx.Response] = []
    request = threading.Thread(
        target=lambda: replies.append(
            httpx.post(f"{server.url}/posts", json=post_body(), headers=headers, timeout=30)
        )
    )
    request.start()
    time.sleep(1)  # the write now waits for the lock, inside the server
    stopped_at = time.monotonic()
    server.process.send_signal(15)  # SIGTERM
    time.sleep(1)
    release.set()
    request.join(timeout=30)
    holder.join(timeout=30)
    code = server.process.wait(timeout=30)

    assert [reply.status_code for reply in replies] == [201]
    assert code in (0, -15)  # uvicorn re-raises SIGTERM once it has shut down cleanly
    assert time.monotonic() - stopped_at < 15
    assert "Application shutdown complete" in server.output()
