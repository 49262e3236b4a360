"""Where a run's wall-clock time goes: seconds spent per phase (seeding, server starts, warm-ups,
measured windows, waiting for servers to settle...), printed at the end of every run."""

import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager


class PhaseClock:
    def __init__(self) -> None:
        self._started = time.monotonic()
        self._seconds: defaultdict[str, float] = defaultdict(float)
        self._counts: Counter[str] = Counter()

    @contextmanager
    def phase(self, name: str) -> Iterator[None]:
        """Time the block and add it to ``name``'s total."""
        start = time.monotonic()
        try:
            yield
        finally:
            self._seconds[name] += time.monotonic() - start
            self._counts[name] += 1

    def summary(self) -> str:
        """One line per phase, longest first, then what no phase accounts for."""
        total = time.monotonic() - self._started
        lines = [f"wall clock {total:.0f} s:"]
        for name, seconds in sorted(self._seconds.items(), key=lambda item: -item[1]):
            lines.append(f"  {name:<22}{seconds:7.1f} s  ({self._counts[name]}x)")
        lines.append(f"  {'(the rest)':<22}{total - sum(self._seconds.values()):7.1f} s")
        return "\n".join(lines)


CLOCK = PhaseClock()
