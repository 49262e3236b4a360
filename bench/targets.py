"""Issue 10's targets, judged on one run's record: each a ratio of medians, met or not."""

from dataclasses import dataclass
from typing import Any

READS = ("get_by_id", "list_first", "list_deep", "list_deep_cursor")
RPS, CPU = "requests_per_second", "server_cpu_ms_per_request"
RSS_GROWTH = 1.05  # a worker's RSS in its last round's reads within 5% of round 2's


@dataclass(frozen=True, slots=True)
class Target:
    """Folio's median req/s in ``scenario`` over ``against``'s (a baseline in the same
    scenario, or Folio in another scenario when ``own``), at least or at most ``bound``."""

    scenario: str
    against: str
    bound: float
    at_least: bool = True
    backends: tuple[str, ...] = ("sqlite", "postgresql")
    own: bool = False

    @property
    def text(self) -> str:
        if self.own:  # a request's cost is the inverse of req/s: page 1's req/s over the deep's
            return f"a `{self.scenario}` request costs ≤ {self.bound}x a `{self.against}` one"
        sign = "≥" if self.at_least else "≤"
        return f"`{self.scenario}`: Folio {sign} {self.bound}x `{self.against}`"


TARGETS = (
    Target("get_by_id", "core", 1.1),
    Target("get_by_id", "orm", 1.3),
    Target("get_by_id", "asyncpg", 0.6, backends=("postgresql",)),
    Target("list_first", "orm", 2.0),
    Target("list_first", "core", 1.1),
    Target("list_deep_cursor", "list_first", 1.2, at_least=False, own=True),
)


def _rows(record: dict[str, Any], backend: str) -> dict[str, dict[str, Any]]:
    return {row["scenario"]: row for row in record["results"] if row["backend"] == backend}


def _median(rows: dict[str, dict[str, Any]], scenario: str, who: str, key: str) -> float | None:
    row = rows.get(scenario)
    found = row and row["contenders"].get(who)
    return found[key] if found else None


def _ratio(target: Target, rows: dict[str, dict[str, Any]]) -> float | None:
    """The verdict's figure: Folio's median req/s over the other's (page 1's over the deep
    page's for ``own``: how many times a deep request's time is page 1's)."""
    if not target.own:
        row = rows.get(target.scenario)
        return row["folio_ratio"].get(target.against) if row else None
    deep = _median(rows, target.scenario, "folio", RPS)
    first = _median(rows, target.against, "folio", RPS)
    return round(first / deep, 2) if deep and first else None


def _cpu_ratio(target: Target, rows: dict[str, dict[str, Any]]) -> float | None:
    """The same comparison by the servers' median CPU time a request (shown, not judged)."""
    folio = _median(rows, target.scenario, "folio", CPU)
    if target.own:
        first = _median(rows, target.against, "folio", CPU)
        return round(folio / first, 2) if folio and first else None
    other = _median(rows, target.scenario, target.against, CPU)
    return round(other / folio, 2) if folio and other else None


def _rss_by_round(record: dict[str, Any], backend: str) -> list[float]:
    """Folio's largest RSS after a read scenario, round by round."""
    by_round: dict[int, float] = {}
    for run in record["runs"]:
        if run["backend"] == backend and run["contender"] == "folio" and run["scenario"] in READS:
            rss = run["rss_mb"] or 0.0
            by_round[run["round"]] = max(by_round.get(run["round"], 0.0), rss)
    return [by_round[r] for r in sorted(by_round)]


def _steady(rss: list[float]) -> int:
    """The round growth is measured from: round 2 when there are three or more. Round 1's
    reads come before the run's first logins (argon2's memory) and writes, whose one-time
    growth is no leak; a repeated pass through the same scenarios must not grow."""
    return 1 if len(rss) >= 3 else 0


def judge(record: dict[str, Any]) -> list[dict[str, Any]]:
    """One verdict per target and backend the run measured, then the RSS per round."""
    verdicts = []
    backends = list(dict.fromkeys(row["backend"] for row in record["results"]))
    for backend in backends:
        rows = _rows(record, backend)
        for target in TARGETS:
            if backend not in target.backends:
                continue
            ratio = _ratio(target, rows)
            met = None
            if ratio is not None:
                met = ratio >= target.bound if target.at_least else ratio <= target.bound
            verdicts.append(
                {
                    "backend": backend,
                    "target": target.text,
                    "measured": ratio,
                    "by_cpu": _cpu_ratio(target, rows),
                    "met": met,
                }
            )
        rss = _rss_by_round(record, backend)
        if rss:
            verdicts.append(
                {
                    "backend": backend,
                    "target": "Folio's RSS after the reads by round, none grows from round 2",
                    "measured": rss,
                    "by_cpu": None,
                    "met": rss[-1] <= rss[_steady(rss)] * RSS_GROWTH,
                }
            )
    return verdicts


def table(record: dict[str, Any]) -> str:
    lines = [
        "| backend | target | this run (req/s medians) | by CPU a request | met |",
        "|---|---|---:|---:|---|",
    ]
    for verdict in judge(record):
        measured = verdict["measured"]
        shown = (
            "-" if measured is None
            else ", ".join(f"{v:.1f}" for v in measured) if isinstance(measured, list)
            else f"{measured:.2f}"
        )  # fmt: skip
        met = {True: "yes", False: "**no**", None: "not measured"}[verdict["met"]]
        by_cpu = "" if verdict["by_cpu"] is None else f"{verdict['by_cpu']:.2f}"
        cells = [verdict["backend"], verdict["target"], shown, by_cpu, met]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)
