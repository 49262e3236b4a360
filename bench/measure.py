"""One backend's measurement: start every contender once, check they answer alike, then round by
round load them one at a time through every scenario (contenders interleaved, order rotated; the
scenarios a target rests on in alternating slices, bench/schedule.py)."""

import resource
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

import httpx

from bench import wrk
from bench.clock import CLOCK
from bench.contenders import REALWORLD_BASELINES, contenders
from bench.procstat import cpu_seconds, machine_busy_seconds, memory_mb
from bench.runs import Run, Window, merge
from bench.scenarios import (
    PAGE,
    Scenario,
    deep_skips,
    realworld_verification_paths,
    scenarios_for,
    verification_paths,
)
from bench.schedule import round_windows
from bench.seed import PASSWORD, Dataset
from bench.servers import Server, pin, running
from bench.verify import check_same, fetch

READY_PATH = "/posts?limit=1"
SLICE_SECONDS = 1
REALWORLD_READY_PATH = "/api/tags"
TOKENS = 20
SETTLE_POLL, SETTLE_SAMPLES, SETTLE_QUIET = 0.05, 4, 0.011  # quiet: <= 1 tick in 3 polls


class RunFailed(RuntimeError):
    """A request failed under load: the figures would be meaningless."""


@dataclass(frozen=True, slots=True)
class Settings:
    rounds: int
    duration: int
    warmup: int
    slices: int
    server_cpu: int | None
    client_cpu: int | None
    only: frozenset[str] | None = None


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _settle(server: Server, limit: float = 30.0) -> None:
    """Wait (at most ``limit`` seconds) until the server has finished what the last load left
    queued (a login flood leaves argon2 work behind), so it does not cost the next run: until
    it has used at most one clock tick (10 ms) of CPU in the last 0.15 s."""
    deadline = time.monotonic() + limit
    first = cpu_seconds(server.pid)
    if first is None:
        return
    samples = [first]
    while time.monotonic() < deadline:
        time.sleep(SETTLE_POLL)
        now = cpu_seconds(server.pid)
        if now is None:
            return
        samples = [*samples[-SETTLE_SAMPLES + 1 :], now]
        if len(samples) == SETTLE_SAMPLES and now - samples[0] <= SETTLE_QUIET:
            return


def _cursors(server: Server, data: Dataset) -> list[str]:
    """Folio's cursors for the deep pages (each from the page before it), if it gives any."""
    cursors = []
    with httpx.Client(base_url=server.base_url, timeout=30.0) as client:
        for skip in deep_skips(data):
            answer = client.get("/posts", params={"skip": max(0, skip - PAGE), "limit": PAGE})
            answer.raise_for_status()
            cursor = answer.json().get("next_cursor")
            if cursor:
                cursors.append(cursor)
    return cursors


def _tokens(server: Server, data: Dataset) -> list[str]:
    """Log the first TOKENS users in, two at a time (before the server is pinned, its two
    hashing threads use both cores)."""
    with httpx.Client(base_url=server.base_url, timeout=30.0) as client:

        def login(name: str) -> str:
            answer = client.post("/token", data={"username": name, "password": PASSWORD})
            answer.raise_for_status()
            return str(answer.json()["access_token"])

        with ThreadPoolExecutor(max_workers=2) as pool:
            return list(pool.map(login, data.usernames[:TOKENS]))


class Bench:
    def __init__(self, settings: Settings, workdir: Path) -> None:
        self._settings = settings
        self._workdir = workdir
        self._count = 0

    def _script(self, requests: Sequence[wrk.Request], *, count_shed: bool = False) -> Path:
        self._count += 1
        path = self._workdir / f"load-{self._count}.lua"
        path.write_text(wrk.script(requests, seed=self._count, count_shed=count_shed))
        return path

    def _wrk(self, server: Server, script: Path, connections: int, seconds: int) -> list[str]:
        return wrk.command(
            server.base_url,
            script,
            connections=connections,
            seconds=seconds,
            cpu=self._settings.client_cpu,
        )

    def _window(self, backend: str, scenario: Scenario, server: Server, *, warm: bool) -> Window:
        """One measured window; after a warm-up when ``warm`` (a server's first meeting with
        the scenario: later rounds find its paths, caches and statements already warm)."""
        s = self._settings
        seconds = SLICE_SECONDS if scenario.sliced else max(s.duration, scenario.min_seconds)
        script = self._script(scenario.requests)
        warmup_rps = warmup_cpu = None
        if s.warmup and warm:
            with CLOCK.phase("warm-up"):
                start = cpu_seconds(server.pid)
                argv = self._wrk(server, script, scenario.connections, s.warmup)
                warmed = wrk.finish(wrk.start(argv), 60)
                end = cpu_seconds(server.pid)
            warmup_rps = round(warmed.requests_per_second, 1)
            if start is not None and end is not None and warmed.requests:
                warmup_cpu = round((end - start) * 1000 / warmed.requests, 3)
            if scenario.min_seconds > 1:  # slow requests queued by the warm-up
                with CLOCK.phase("settle after warm-up"):
                    _settle(server)
        background = None
        if scenario.background is not None:
            flood = self._script(scenario.background.requests, count_shed=True)
            argv = self._wrk(server, flood, scenario.background.connections, seconds + 1)
            background = wrk.start(argv)
            with CLOCK.phase("flood lead-in"):
                time.sleep(0.5)
        before = (cpu_seconds(server.pid), machine_busy_seconds(), _children_cpu())
        with CLOCK.phase("measured"):
            result = wrk.finish(
                wrk.start(self._wrk(server, script, scenario.connections, seconds)), 60 + seconds
            )
        after = (cpu_seconds(server.pid), machine_busy_seconds(), _children_cpu())
        if background is not None:
            with CLOCK.phase("flood tail"):
                flood_result = wrk.finish(background, 60 + seconds)
            _check(f"{scenario.name} background", flood_result, allow_none=True, shed_ok=True)
            print(
                f"  {scenario.name}: the flood made {flood_result.requests} logins, "
                f"{flood_result.shed} refused at once with 503 (hashing queue full)",
                flush=True,
            )
        _check(f"{backend} {scenario.name} {server.name}", result, scenario.may_starve)
        server_cpu = None if None in (before[0], after[0]) else after[0] - before[0]  # type: ignore[operator]
        machine = None if None in (before[1], after[1]) else after[1] - before[1]  # type: ignore[operator]
        client = after[2] - before[2]
        other = None
        if machine is not None and server_cpu is not None and background is None:
            other = max(0.0, machine - server_cpu - client)
        rss, peak = memory_mb(server.pid)
        settle_started = time.monotonic()
        with CLOCK.phase("settle"):
            _settle(server)
        answered = bool(result.requests)
        return Window(
            result.requests, result.seconds,
            round(result.p50_ms, 2) if answered else None,
            round(result.p99_ms, 2) if answered else None,
            server_cpu, client, other,
            None if rss is None else round(rss, 1), None if peak is None else round(peak, 1),
            time.monotonic() - settle_started, warmup_rps, warmup_cpu,
        )  # fmt: skip

    def backend(self, data: Dataset) -> list[Run]:
        """Every round of every scenario for every contender serving ``data``."""
        specs = contenders(data.backend, data.url, self._workdir, self._settings.server_cpu)
        runs: list[Run] = []
        with ExitStack() as stack:
            with CLOCK.phase("server starts"):
                servers = stack.enter_context(running(specs, self._workdir, _ready_path))
            with CLOCK.phase("tokens, verify, cursors"):
                tokens = _tokens(servers["folio"], data)
                _verify_all(data, servers, tokens)
                cursors = _cursors(servers["folio"], data)
            for server in servers.values():
                pin(server)
            scenarios = [
                s for s in scenarios_for(data, tokens, cursors)
                if s.runs(data.backend, self._settings.only)
            ]  # fmt: skip
            for round_ in range(1, self._settings.rounds + 1):
                runs += self._round(data.backend, round_, scenarios, servers)
            with CLOCK.phase("server stops"):
                stack.close()
        return runs

    def _round(
        self, backend: str, round_: int, scenarios: list[Scenario], servers: dict[str, Server]
    ) -> list[Run]:
        """One round's windows in schedule order, each contender's merged into its Run."""
        windows: dict[tuple[str, str], list[Window]] = {}
        for slot in round_windows(scenarios, list(servers), round_, self._settings.slices):
            server, scenario = servers[slot.contender], slot.scenario
            warm = round_ == 1 and slot.slice == 0
            window = self._window(backend, scenario, server, warm=warm)
            windows.setdefault((scenario.name, server.name), []).append(window)
        runs = [
            merge(backend, scenario, contender, round_, found)
            for (scenario, contender), found in windows.items()
        ]
        for run in runs:
            _progress(run)
        return runs


def _ready_path(name: str) -> str:
    return REALWORLD_READY_PATH if name in REALWORLD_BASELINES else READY_PATH


def _verify_all(data: Dataset, servers: dict[str, Server], tokens: list[str]) -> None:
    """Every baseline answers its API's verification requests as Folio does."""
    native = verification_paths(data)
    realworld, headers = realworld_verification_paths(data), {"Authorization": f"Token {tokens[0]}"}
    folio = servers["folio"].base_url
    folio_native, folio_realworld = fetch(folio, native), fetch(folio, realworld, headers)
    for name, server in servers.items():
        if name in REALWORLD_BASELINES:
            check_same(fetch(server.base_url, realworld, headers), folio_realworld, name)
        elif name != "folio":
            check_same(fetch(server.base_url, native), folio_native, name)
    count = len(native) + len(realworld)
    print(f"{data.backend}: {', '.join(servers)} agree on {count} requests", flush=True)


def _check(
    what: str, result: wrk.WrkResult, allow_none: bool = False, shed_ok: bool = False
) -> None:
    """Any error fails the run; so does no answer at all, unless the scenario may starve. A
    login flood (``shed_ok``) may meet 503s: refusing what the hashing queue cannot hold is
    what Folio is meant to do; any other refusal still fails."""
    refused = result.status_errors - (result.shed if shed_ok else 0)
    if result.errors or refused or not (result.requests or allow_none):
        raise RunFailed(
            f"{what}: {result.errors} socket errors, {result.status_errors} non-2xx/3xx answers, "
            f"{result.requests} requests"
        )


def _progress(run: Run) -> None:
    cpu = "-" if run.server_cpu_ms_per_request is None else f"{run.server_cpu_ms_per_request:.2f}"
    print(
        f"  round {run.round} {run.backend:<10} {run.scenario:<12} {run.contender:<8}"
        f"{run.requests_per_second:9.1f} req/s  p50 {run.p50_ms}  p99 {run.p99_ms} ms"
        f"  CPU {cpu} ms/req  RSS {run.rss_mb} MiB  other {run.other_cpu}{_slices(run)}",
        flush=True,
    )


def _slices(run: Run) -> str:
    return f"  slices {run.slice_requests_per_second}" if run.slice_requests_per_second else ""
