"""CPU time of a process (all its threads), read from Linux's /proc; None elsewhere."""

import os
from pathlib import Path

_TICKS_PER_SECOND = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def cpu_seconds(pid: int | None) -> float | None:
    """User plus system CPU seconds used so far by process ``pid``, or None if unknown."""
    if pid is None:
        return None
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = stat.rsplit(")", 1)[1].split()
    utime, stime = int(fields[11]), int(fields[12])
    return (utime + stime) / _TICKS_PER_SECOND


def machine_busy_seconds() -> float | None:
    """CPU seconds all processors have spent busy since boot (idle and iowait excluded)."""
    try:
        first = Path("/proc/stat").read_text().splitlines()[0].split()
    except (OSError, IndexError):
        return None
    user, nice, system, _idle, _iowait, irq, softirq, steal = map(int, first[1:9])
    return (user + nice + system + irq + softirq + steal) / _TICKS_PER_SECOND


def memory_mb(pid: int | None) -> tuple[float | None, float | None]:
    """Resident memory of process ``pid`` now and at its peak (VmRSS, VmHWM), in MiB."""
    if pid is None:
        return None, None
    try:
        lines = Path(f"/proc/{pid}/status").read_text().splitlines()
    except OSError:
        return None, None
    found = {}
    for line in lines:
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            found[key] = int(value.split()[0]) / 1024  # kB
    return found.get("VmRSS"), found.get("VmHWM")
