"""A small closed-loop load generator: C connections, each sending its next GET as soon as the
previous answer is read, for a warm-up and then a measured window.

Only answers that arrive inside the window count towards throughput and latency; any non-2xx
answer or transport error, warm-up included, is an error."""

import asyncio
import itertools
import statistics
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

import httpx

from bench.procstat import cpu_seconds, machine_busy_seconds


@dataclass(frozen=True, slots=True)
class LoadResult:
    requests: int
    seconds: float
    errors: int
    p50_ms: float
    p95_ms: float
    p99_ms: float
    client_cpu: float
    other_cpu: float | None
    server_cpu_ms_per_request: float | None
    first_errors: tuple[str, ...] = ()

    @property
    def requests_per_second(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


@dataclass(slots=True)
class _Tally:
    window_start: float
    window_end: float
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def record(self, started: float, finished: float, error: str | None) -> None:
        if error is not None:
            self.errors.append(error)
        elif self.window_start <= finished <= self.window_end:
            self.latencies.append(finished - started)


async def _one(client: httpx.AsyncClient, path: str) -> str | None:
    try:
        response = await client.get(path)
    except httpx.HTTPError as exc:
        return f"{type(exc).__name__} on GET {path}: {exc}"
    if 200 <= response.status_code < 300:
        return None
    return f"{response.status_code} on GET {path}: {response.text[:300]}"


async def _worker(base_url: str, paths: "itertools.cycle[str]", tally: _Tally) -> None:
    # A client of its own per connection: one shared pool of C connections costs the client
    # far more CPU per request (httpcore scans its pool on every request).
    limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)
    async with httpx.AsyncClient(base_url=base_url, limits=limits, timeout=30.0) as client:
        while time.perf_counter() < tally.window_end:
            path = next(paths)
            started = time.perf_counter()
            error = await _one(client, path)
            tally.record(started, time.perf_counter(), error)


@dataclass(frozen=True, slots=True)
class _CpuClock:
    """CPU seconds used so far by this process, the server, and the whole machine."""

    client: float
    server: float | None
    machine: float | None

    @classmethod
    def read(cls, server_pid: int | None) -> "_CpuClock":
        return cls(time.process_time(), cpu_seconds(server_pid), machine_busy_seconds())


def _difference(after: float | None, before: float | None) -> float | None:
    return None if after is None or before is None else after - before


def _per_request_ms(seconds: float | None, requests: int) -> float | None:
    return round(seconds * 1000 / requests, 3) if seconds is not None and requests else None


def _percentile_ms(cuts: Sequence[float], index: int) -> float:
    return round(cuts[index] * 1000, 2) if cuts else 0.0


async def run_load(
    base_url: str,
    paths: Sequence[str],
    *,
    concurrency: int,
    duration: float,
    warmup: float,
    server_pid: int | None = None,
) -> LoadResult:
    """Load ``base_url`` with GETs of ``paths`` (round robin) from ``concurrency`` connections."""
    start = time.perf_counter()
    tally = _Tally(window_start=start + warmup, window_end=start + warmup + duration)
    cycle = itertools.cycle(paths)
    workers = [asyncio.create_task(_worker(base_url, cycle, tally)) for _ in range(concurrency)]
    await asyncio.sleep(max(0.0, tally.window_start - time.perf_counter()))
    before = _CpuClock.read(server_pid)
    await asyncio.sleep(max(0.0, tally.window_end - time.perf_counter()))
    after = _CpuClock.read(server_pid)
    await asyncio.gather(*workers)
    done = len(tally.latencies)
    cuts = statistics.quantiles(tally.latencies, n=100, method="inclusive") if done > 1 else []
    client_cpu = after.client - before.client
    server_cpu = _difference(after.server, before.server)
    machine_cpu = _difference(after.machine, before.machine)
    other_cpu = None
    if machine_cpu is not None and server_cpu is not None:
        other_cpu = round(max(0.0, machine_cpu - server_cpu - client_cpu) / duration, 3)
    return LoadResult(
        requests=done,
        seconds=duration,
        errors=len(tally.errors),
        p50_ms=_percentile_ms(cuts, 49),
        p95_ms=_percentile_ms(cuts, 94),
        p99_ms=_percentile_ms(cuts, 98),
        client_cpu=round(client_cpu / duration, 3),
        other_cpu=other_cpu,
        server_cpu_ms_per_request=_per_request_ms(server_cpu, done),
        first_errors=tuple(tally.errors[:3]),
    )
