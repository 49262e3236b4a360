"""The command line of `python -m bench`."""

import argparse
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results" / "latest.json"
QUICK = {"duration": 2.0, "warmup": 0.5, "rounds": 2}
FULL = {"duration": 5.0, "warmup": 1.0, "rounds": 6}


def parse(argv: list[str] | None, description: str | None = None) -> argparse.Namespace:
    """The command line, with --quick's or the full run's defaults for what was not given."""
    parser = argparse.ArgumentParser(prog="python -m bench", description=description)
    parser.add_argument("--duration", type=float, help="measured seconds per run (5)")
    parser.add_argument("--warmup", type=float, help="unmeasured seconds before each run (1)")
    parser.add_argument("--rounds", type=int, help="A/B rounds; medians are reported (6)")
    parser.add_argument("--concurrency", type=int, default=32, help="open connections (32)")
    parser.add_argument("--posts", type=int, default=2000, help="posts to seed (2000)")
    parser.add_argument("--users", type=int, default=50, help="users to seed (50)")
    parser.add_argument("--quick", action="store_true", help="a smoke run of well under 60 s")
    parser.add_argument("--output", type=Path, default=RESULTS, help="where the JSON goes")
    options = parser.parse_args(argv)
    for key, value in (QUICK if options.quick else FULL).items():
        if getattr(options, key) is None:
            setattr(options, key, value)
    if options.rounds < 1 or options.concurrency < 1 or options.duration <= 0:
        parser.error("--rounds, --concurrency and --duration must be positive")
    return options
