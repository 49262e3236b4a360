"""Medians over rounds, the printed table and the JSON record of a run."""

import json
import os
import platform
import statistics
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.load import LoadResult

CONTENDERS = ("baseline", "folio")
CLIENT_BOUND = 0.9
BUSY_MACHINE = 0.25


def _median(values: list[float | None]) -> float | None:
    known = [value for value in values if value is not None]
    return round(statistics.median(known), 3) if known else None


def summarise(runs: list[LoadResult]) -> dict[str, Any]:
    return {
        "requests_per_second": _median([run.requests_per_second for run in runs]),
        "p50_ms": _median([run.p50_ms for run in runs]),
        "p95_ms": _median([run.p95_ms for run in runs]),
        "p99_ms": _median([run.p99_ms for run in runs]),
        "server_cpu_ms_per_request": _median([run.server_cpu_ms_per_request for run in runs]),
        "client_cpu_max": max(run.client_cpu for run in runs),
        "other_cpu_max": max((run.other_cpu or 0.0) for run in runs),
        "errors": sum(run.errors for run in runs),
        "rounds": [{**asdict(run), "requests_per_second": run.requests_per_second} for run in runs],
    }


def _ratio(folio: float | None, baseline: float | None) -> float | None:
    return round(folio / baseline, 3) if folio and baseline else None


def build(
    results: dict[str, dict[str, list[LoadResult]]],
    descriptions: dict[str, str],
    config: dict[str, Any],
) -> dict[str, Any]:
    """The whole run as a JSON-ready dict: one entry per scenario, medians over rounds."""
    scenarios = []
    for name, by_contender in results.items():
        entry: dict[str, Any] = {"name": name, "description": descriptions[name]}
        entry.update({who: summarise(by_contender[who]) for who in CONTENDERS})
        base, folio = entry["baseline"], entry["folio"]
        entry["ratio_rps"] = _ratio(folio["requests_per_second"], base["requests_per_second"])
        entry["ratio_cpu_per_request"] = _ratio(
            folio["server_cpu_ms_per_request"], base["server_cpu_ms_per_request"]
        )
        entry["ratio_rps_by_round"] = [
            _ratio(f.requests_per_second, b.requests_per_second)
            for b, f in zip(by_contender["baseline"], by_contender["folio"], strict=True)
        ]
        scenarios.append(entry)
    return {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "config": config,
        "scenarios": scenarios,
    }


def _cell(value: float | None, digits: int = 1) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def table(record: dict[str, Any]) -> str:
    header = (
        f"{'scenario':<13}{'baseline req/s':>15}{'folio req/s':>13}{'folio/base':>12}"
        f"{'p95 ms base/folio':>20}{'CPU ms/req base/folio':>24}"
    )
    lines = [header, "-" * len(header)]
    for entry in record["scenarios"]:
        base, folio = entry["baseline"], entry["folio"]
        p95 = f"{_cell(base['p95_ms'])} / {_cell(folio['p95_ms'])}"
        cpu = (
            f"{_cell(base['server_cpu_ms_per_request'], 2)} / "
            f"{_cell(folio['server_cpu_ms_per_request'], 2)}"
        )
        lines.append(
            f"{entry['name']:<13}{_cell(base['requests_per_second']):>15}"
            f"{_cell(folio['requests_per_second']):>13}{_cell(entry['ratio_rps'], 2):>12}"
            f"{p95:>20}{cpu:>24}"
        )
    lines.append("")
    lines.append("each round (noise check):")
    for entry in record["scenarios"]:
        for who in CONTENDERS:
            rounds = ", ".join(_cell(run["requests_per_second"]) for run in entry[who]["rounds"])
            lines.append(f"  {entry['name']:<13}{who + ' req/s':<16}{rounds}")
        ratios = ", ".join(_cell(ratio, 2) for ratio in entry["ratio_rps_by_round"])
        lines.append(f"  {entry['name']:<13}{'folio/base':<16}{ratios}")
    lines += _warnings(record)
    return "\n".join(lines)


def _warnings(record: dict[str, Any]) -> list[str]:
    def most(key: str) -> float:
        return max(float(e[w][key]) for e in record["scenarios"] for w in CONTENDERS)

    notes = []
    if most("client_cpu_max") >= CLIENT_BOUND:
        notes.append(
            f"note: the load generator used up to {most('client_cpu_max'):.0%} of a core; "
            "figures may be capped by the client, not the server"
        )
    if most("other_cpu_max") >= BUSY_MACHINE:
        notes.append(
            f"note: other processes used up to {most('other_cpu_max'):.2f} cores during a run; "
            "req/s are noisy, CPU ms/req less so"
        )
    return notes


def write(record: dict[str, Any], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(record, indent=2) + "\n")
