"""The text /metrics serves: this process's registry, or every worker's when several share
PROMETHEUS_MULTIPROC_DIR."""

import asyncio
import os
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    generate_latest,
    multiprocess,
)

MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"
CONTENT_TYPE = CONTENT_TYPE_LATEST


def multiprocess_dir() -> Path | None:
    value = os.environ.get(MULTIPROC_ENV)
    return Path(value) if value else None


def registry() -> CollectorRegistry:
    """The registry to expose: a collector over every worker's files in multiprocess mode."""
    if multiprocess_dir() is None:
        return REGISTRY
    collecting = CollectorRegistry()
    multiprocess.MultiProcessCollector(collecting)  # type: ignore[no-untyped-call]
    return collecting


def exposition() -> bytes:
    return generate_latest(registry())


def forget_process(pid: int) -> None:
    """A worker that stops no longer counts in live gauges (``livesum``, ``livemax``)."""
    if multiprocess_dir() is not None:
        multiprocess.mark_process_dead(pid)  # type: ignore[no-untyped-call]


def prepare_multiprocess_dir(path: Path) -> None:
    """An empty directory for the workers' files: values of a previous run must not count."""
    path.mkdir(parents=True, exist_ok=True)
    for stale in path.glob("*.db"):
        stale.unlink()


Sampler = Callable[[], Awaitable[None]]


class Exposition:
    """What the /metrics route renders (the route may not import adapters): the samplers
    (gauges read from elsewhere, like the outbox's backlog) run first."""

    content_type = CONTENT_TYPE

    def __init__(self, samplers: Sequence[Sampler] = ()) -> None:
        self._samplers = list(samplers)

    async def render(self) -> bytes:
        for sample in self._samplers:
            await sample()
        return exposition()


async def sample_every(samplers: Sequence[Sampler], seconds: float) -> None:
    """Run the samplers every ``seconds`` until cancelled: when /metrics is served on a port of
    its own, no scrape reaches the workers to sample for it."""
    while True:
        for sample in samplers:
            await sample()
        await asyncio.sleep(seconds)
