import asyncio

import pytest

from application.health.check_readiness import CheckReadiness
from application.ports.health import ReadinessProbe


class Probe(ReadinessProbe):
    def __init__(self, name: str, problem: str | None = None, *, delay: float = 0.0) -> None:
        self.name = name
        self._problem = problem
        self._delay = delay

    async def problem(self) -> str | None:
        await asyncio.sleep(self._delay)
        return self._problem


class Crashing(ReadinessProbe):
    name = "crashing"

    async def problem(self) -> str | None:
        raise ConnectionResetError("secret-host:5432 password=hunter2")


async def test_ready_when_every_probe_is_happy() -> None:
    readiness = await CheckReadiness([Probe("database"), Probe("redis")], timeout=1)()

    assert readiness.ready
    assert readiness.checks == {"database": "ok", "redis": "ok"}
    assert readiness.problems == []


async def test_ready_with_no_probes() -> None:
    assert (await CheckReadiness([], timeout=1)()).ready


async def test_each_problem_is_named() -> None:
    probes = [Probe("database", "not migrated"), Probe("redis")]

    readiness = await CheckReadiness(probes, timeout=1)()

    assert not readiness.ready
    assert readiness.problems == ["database: not migrated"]


async def test_a_hung_probe_is_cut_off_at_the_timeout() -> None:
    loop = asyncio.get_running_loop()
    started = loop.time()

    readiness = await CheckReadiness([Probe("database", delay=30)], timeout=0.2)()

    assert loop.time() - started < 2
    assert readiness.checks["database"] == "no answer within 0.2 s"


async def test_a_crashing_probe_reports_only_the_error_type() -> None:
    readiness = await CheckReadiness([Crashing()], timeout=1)()

    assert readiness.checks == {"crashing": "unreachable (ConnectionResetError)"}


@pytest.mark.parametrize("count", [2, 5])
async def test_probes_run_concurrently(count: int) -> None:
    loop = asyncio.get_running_loop()
    started = loop.time()

    await CheckReadiness([Probe(str(n), delay=0.3) for n in range(count)], timeout=5)()

    assert loop.time() - started < 0.3 * count
