"""Readiness probes: one per backing service the process needs before it can serve."""

from abc import ABC, abstractmethod


class ReadinessProbe(ABC):
    """Checks one backing service (the database, Redis...).

    ``name`` identifies it in reports. ``problem()`` returns None when the service is usable and
    otherwise one short sentence an operator can act on (never a password, a query or a
    traceback). It may raise on failure: the caller reports the error's type as the problem.
    """

    name: str

    @abstractmethod
    async def problem(self) -> str | None: ...
