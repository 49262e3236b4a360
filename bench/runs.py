"""What one measured window gives (a Window) and what a contender's round reports (a Run): the
sum of its windows in that round, one window for most scenarios, several slices for those a
target rests on (bench/schedule.py)."""

import statistics
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Window:
    """One wrk run against one contender: raw counts, not yet rates."""

    requests: int
    seconds: float
    p50_ms: float | None  # None: no answer came back within the window (a starved flood)
    p99_ms: float | None
    server_cpu_seconds: float | None  # None: the server's /proc entry could not be read
    client_cpu_seconds: float
    other_cpu_seconds: float | None  # None: unknown, or a background load ran alongside
    rss_mb: float | None
    peak_rss_mb: float | None
    settle_seconds: float
    warmup_requests_per_second: float | None = None  # the unmeasured window before, if any
    warmup_cpu_ms_per_request: float | None = None


@dataclass(frozen=True, slots=True)
class Run:
    """One contender through one scenario in one round."""

    backend: str
    scenario: str
    contender: str
    round: int
    requests_per_second: float
    p50_ms: float | None  # None: no answer came back within the window (a starved flood)
    p99_ms: float | None
    server_cpu_ms_per_request: float | None
    rss_mb: float | None
    peak_rss_mb: float | None
    client_cpu: float
    other_cpu: float | None
    warmup_requests_per_second: float | None = None  # the unmeasured window before, if any
    warmup_cpu_ms_per_request: float | None = None
    settle_seconds: float | None = None  # waiting for the queue the window left to drain
    slice_requests_per_second: tuple[float, ...] = ()  # each slice's, when there were several


def _known(values: Sequence[float | None]) -> list[float]:
    return [value for value in values if value is not None]


def _median(values: Sequence[float | None]) -> float | None:
    known = _known(values)
    return round(statistics.median(known), 2) if known else None


def _total(values: Sequence[float | None]) -> float | None:
    return None if None in values else sum(_known(values))


def merge(backend: str, scenario: str, contender: str, round_: int, windows: list[Window]) -> Run:
    """A contender's round from its windows, taken as one: requests over seconds, CPU over
    requests, summed over the slices; p50 and p99 are the slices' medians (wrk gives
    percentiles, not histograms, so they cannot be merged exactly)."""
    requests = sum(w.requests for w in windows)
    seconds = sum(w.seconds for w in windows)
    server_cpu = _total([w.server_cpu_seconds for w in windows])
    other_cpu = _total([w.other_cpu_seconds for w in windows])
    first, last = windows[0], windows[-1]
    per_request = server_cpu * 1000 / requests if server_cpu and requests else None
    return Run(
        backend, scenario, contender, round_,
        round(requests / seconds, 1) if seconds else 0.0,
        _median([w.p50_ms for w in windows]), _median([w.p99_ms for w in windows]),
        None if per_request is None else round(per_request, 3),
        last.rss_mb, max(_known([w.peak_rss_mb for w in windows]), default=None),
        round(sum(w.client_cpu_seconds for w in windows) / seconds, 2) if seconds else 0.0,
        None if other_cpu is None or not seconds else round(other_cpu / seconds, 2),
        first.warmup_requests_per_second, first.warmup_cpu_ms_per_request,
        round(sum(w.settle_seconds for w in windows), 2),
        tuple(round(w.requests / w.seconds, 1) for w in windows if w.seconds)
        if len(windows) > 1 else (),
    )  # fmt: skip
