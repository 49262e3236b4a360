"""Write a run's results into docs/performance.md, between two markers, keeping the prose around
them; the chart goes next to it as docs/performance.png."""

from pathlib import Path
from typing import Any

from bench import chart, targets
from bench.report import table

START = "<!-- bench:results:start (written by make bench; edit the prose outside) -->"
END = "<!-- bench:results:end -->"


def _conditions(record: dict[str, Any]) -> str:
    machine, config = record["machine"], record["config"]
    packages = ", ".join(f"{k} {v}" for k, v in machine["packages"].items() if v)
    other = max(
        (s["other_cpu_max"] for row in record["results"] for s in row["contenders"].values()),
        default=0.0,
    )
    return "\n".join(
        [
            f"- Run: {record['date']}, `{config['command']}` (commit {config['commit']}).",
            f"- Machine: {machine['cpus']} CPUs ({machine['cpu']}), {machine['platform']}; "
            f"Python {machine['python']}; {packages}; {machine['wrk']}.",
            f"- Load: {config['rounds']} rounds, each contender {config['duration']} s measured "
            f"per scenario ({config.get('slices', 1)} alternating slices of 1 s in `get_by_id`, "
            f"`list_first` and `list_deep_cursor`), after a {config['warmup']} s warm-up the "
            "first time (round 1); "
            f"servers on CPU {config['server_cpu']}, wrk (1 thread) on CPU {config['client_cpu']}; "
            f"data: {config['users']:,} users, "
            f"{config['posts']:,} posts ({config['published']:,} published).",
            f"- Other processes used up to {other:.2f} cores during a measured window "
            "(0 means a quiet machine; above about 0.2 the req/s figures are noisy).",
        ]
    )


def write(record: dict[str, Any], markdown: Path, image: Path) -> None:
    chart.draw(record, image)
    section = "\n\n".join(
        [
            START,
            _conditions(record),
            "Issue 10's targets, judged on this run's medians:",
            targets.table(record),
            table(record),
            f"![requests per second]({image.name})",
            END,
        ]
    )
    text = markdown.read_text() if markdown.exists() else f"# Performance\n\n{START}\n{END}\n"
    if START not in text or END not in text:
        text = text.rstrip() + f"\n\n{START}\n{END}\n"
    before, rest = text.split(START, 1)
    after = rest.split(END, 1)[1]
    markdown.write_text(before + section + after)
