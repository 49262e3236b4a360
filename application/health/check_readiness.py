import asyncio
from collections.abc import Sequence
from dataclasses import dataclass

from application.ports.health import ReadinessProbe

READY = "ok"


@dataclass(frozen=True, slots=True)
class Readiness:
    """Each probe's verdict by name: ``"ok"`` or the problem found."""

    checks: dict[str, str]

    @property
    def ready(self) -> bool:
        return all(verdict == READY for verdict in self.checks.values())

    @property
    def problems(self) -> list[str]:
        return [f"{name}: {verdict}" for name, verdict in self.checks.items() if verdict != READY]


class CheckReadiness:
    """Whether every backing service is usable now. Probes run concurrently and each gets at
    most ``timeout`` seconds, so the answer comes within that bound even when a service hangs."""

    def __init__(self, probes: Sequence[ReadinessProbe], timeout: float) -> None:
        self._probes = probes
        self._timeout = timeout

    async def __call__(self) -> Readiness:
        verdicts = await asyncio.gather(*(self._verdict(probe) for probe in self._probes))
        return Readiness(dict(zip((p.name for p in self._probes), verdicts, strict=True)))

    async def _verdict(self, probe: ReadinessProbe) -> str:
        try:
            async with asyncio.timeout(self._timeout):
                problem = await probe.problem()
        except TimeoutError:
            return f"no answer within {self._timeout:g} s"
        except Exception as error:  # any failure is the verdict, not a crash
            return f"unreachable ({type(error).__name__})"
        return READY if problem is None else problem
