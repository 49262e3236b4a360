"""The chart of a run: requests per second of every contender, scenario by scenario, one panel
per backend (PNG, matplotlib without a display)."""

from pathlib import Path
from typing import Any

COLOURS = {"orm": "#9e9e9e", "core": "#5c7cfa", "asyncpg": "#f08c00", "folio": "#2b8a3e"}


def draw(record: dict[str, Any], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    backends = list(dict.fromkeys(row["backend"] for row in record["results"]))
    figure, axes = plt.subplots(len(backends), 1, figsize=(11, 4.2 * len(backends)), squeeze=False)
    for axis, backend in zip(axes[:, 0], backends, strict=True):
        rows = [row for row in record["results"] if row["backend"] == backend]
        names = list(dict.fromkeys(who for row in rows for who in row["contenders"]))
        width = 0.8 / len(names)
        for index, who in enumerate(names):
            xs, heights = [], []
            for position, row in enumerate(rows):
                summary = row["contenders"].get(who)
                if summary and summary["requests_per_second"]:
                    xs.append(position + (index - (len(names) - 1) / 2) * width)
                    heights.append(summary["requests_per_second"])
            axis.bar(xs, heights, width, label=who, color=COLOURS.get(who))
        axis.set_xticks(range(len(rows)), [row["scenario"] for row in rows], rotation=20)
        axis.set_ylabel("requests/s (median)")
        axis.set_title(f"{backend}: one uvicorn worker on one core, wrk on the other")
        axis.legend()
        axis.grid(axis="y", alpha=0.3)
    figure.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, dpi=90)
    plt.close(figure)
