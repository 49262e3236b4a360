"""The command line of `python -m bench`."""

import argparse
import os
from pathlib import Path

DOCS = Path(__file__).resolve().parent.parent / "docs"
RESULTS = Path(__file__).resolve().parent / "results" / "latest.json"
QUICK = {"duration": 2, "warmup": 1, "rounds": 1, "slices": 2, "posts": 2000, "users": 100}
FULL = {"duration": 2, "warmup": 1, "rounds": 3, "slices": 3, "posts": 10_000, "users": 1000}


def parse(argv: list[str] | None, description: str | None = None) -> argparse.Namespace:
    """The command line, with --quick's or the full run's defaults for what was not given."""
    parser = argparse.ArgumentParser(prog="python -m bench", description=description)
    parser.add_argument("--duration", type=int, help="measured seconds per run (2)")
    parser.add_argument("--warmup", type=int, help="unmeasured seconds before each run (1)")
    parser.add_argument("--rounds", type=int, help="interleaved rounds; medians are reported (3)")
    parser.add_argument(
        "--slices", type=int, help="1 s slices a round for the scenarios targets rest on (3)"
    )
    parser.add_argument("--posts", type=int, help="posts to seed (10,000)")
    parser.add_argument("--users", type=int, help="users to seed (1,000)")
    parser.add_argument(
        "--backends", default="sqlite,postgresql", help="comma-separated (sqlite,postgresql)"
    )
    parser.add_argument(
        "--only", help="comma-separated scenario names to run (all but the opt-in `tags`)"
    )
    parser.add_argument("--server-cpu", type=int, default=0, help="core the servers run on (0)")
    parser.add_argument("--client-cpu", type=int, default=1, help="core wrk runs on (1)")
    parser.add_argument("--quick", action="store_true", help="a smoke run: 1 round of 2 s")
    parser.add_argument("--output", type=Path, default=RESULTS, help="where the JSON goes")
    parser.add_argument(
        "--docs", action=argparse.BooleanOptionalAction, default=None,
        help="write the table and chart into docs/performance.md (default: not with --quick)",
    )  # fmt: skip
    options = parser.parse_args(argv)
    for key, value in (QUICK if options.quick else FULL).items():
        if getattr(options, key) is None:
            setattr(options, key, value)
    if options.docs is None:
        options.docs = not options.quick
    if min(options.rounds, options.duration, options.slices, options.posts, options.users) < 1:
        parser.error("--rounds, --duration, --slices, --posts and --users must be positive")
    if (os.cpu_count() or 1) < 2:
        options.server_cpu = options.client_cpu = None
    options.backends = [b.strip() for b in options.backends.split(",") if b.strip()]
    if not set(options.backends) <= {"sqlite", "postgresql"}:
        parser.error("--backends takes sqlite and/or postgresql")
    options.only = None if not options.only else set(options.only.split(","))
    return options
