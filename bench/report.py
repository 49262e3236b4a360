"""Medians over rounds, ratios of Folio to each baseline, the Markdown table and the JSON record."""

import json
import os
import platform
import statistics
import subprocess
from dataclasses import asdict
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

from bench import targets
from bench.runs import Run

PACKAGES = ("fastapi", "pydantic", "sqlalchemy", "asyncpg", "aiosqlite", "uvicorn", "uvloop")


def _median(values: list[float | None]) -> float | None:
    known = [value for value in values if value is not None]
    return round(statistics.median(known), 2) if known else None


def _summary(runs: list[Run]) -> dict[str, Any]:
    return {
        "requests_per_second": _median([r.requests_per_second for r in runs]),
        "p50_ms": _median([r.p50_ms for r in runs]),
        "p99_ms": _median([r.p99_ms for r in runs]),
        "server_cpu_ms_per_request": _median([r.server_cpu_ms_per_request for r in runs]),
        "peak_rss_mb": max((r.peak_rss_mb or 0.0) for r in runs) or None,
        "rss_mb_by_round": [r.rss_mb for r in runs],
        "rps_by_round": [r.requests_per_second for r in runs],
        "other_cpu_max": max((r.other_cpu or 0.0) for r in runs),
    }


def _machine() -> dict[str, Any]:
    versions = {}
    for name in PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    wrk = subprocess.run(["wrk", "--version"], capture_output=True, text=True, check=False)  # noqa: S607
    cpu = next(
        (line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
         if line.startswith("model name")),
        platform.processor(),
    ) if Path("/proc/cpuinfo").exists() else platform.processor()  # fmt: skip
    return {
        "cpus": os.cpu_count(),
        "cpu": cpu,
        "platform": platform.platform(),
        "python": platform.python_version(),
        "wrk": (wrk.stdout or wrk.stderr).split("Copyright")[0].strip(),
        "packages": versions,
    }


def build(runs: list[Run], config: dict[str, Any]) -> dict[str, Any]:
    """The run as a JSON-ready dict: medians per backend, scenario and contender."""
    grouped: dict[tuple[str, str], dict[str, list[Run]]] = {}
    for run in runs:
        grouped.setdefault((run.backend, run.scenario), {}).setdefault(run.contender, []).append(
            run
        )
    rows = []
    for (backend, scenario), by_contender in grouped.items():
        summaries = {who: _summary(found) for who, found in by_contender.items()}
        folio = summaries.get("folio", {}).get("requests_per_second")
        ratios = {
            who: round(folio / s["requests_per_second"], 2)
            for who, s in summaries.items()
            if who != "folio" and folio and s["requests_per_second"]
        }
        rows.append(
            {
                "backend": backend,
                "scenario": scenario,
                "contenders": summaries,
                "folio_ratio": ratios,
            }
        )
    record = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": _machine(),
        "config": config,
        "results": rows,
        "runs": [asdict(run) for run in runs],
    }
    record["targets"] = targets.judge(record)
    return record


def _cell(value: float | None, digits: int = 1) -> str:
    return "-" if value is None else f"{value:,.{digits}f}"


def table(record: dict[str, Any]) -> str:
    """One Markdown row per backend, scenario and contender."""
    lines = [
        "| backend | scenario | app | req/s | Folio ÷ app | p50 ms | p99 ms "
        "| server CPU ms/req | peak RSS MiB |",
        "|---|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for row in record["results"]:
        for who, s in row["contenders"].items():
            ratio = row["folio_ratio"].get(who)
            cells = [
                row["backend"], row["scenario"], who, _cell(s["requests_per_second"]),
                _cell(ratio, 2) if ratio else "", _cell(s["p50_ms"], 2), _cell(s["p99_ms"], 2),
                _cell(s["server_cpu_ms_per_request"], 2), _cell(s["peak_rss_mb"]),
            ]  # fmt: skip
            lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def write(record: dict[str, Any], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(record, indent=2) + "\n")
