"""`python -m bench` (`make bench`): Folio against one-file baselines on SQLite and PostgreSQL.

For each backend: seed a throwaway database, start every contender (one uvicorn worker each,
pinned to one core), check that they give the same answers, then round by round load them one at
a time with wrk (pinned to the other core) through every scenario. Prints every run, writes the
medians to bench/results/latest.json and, unless --quick, the table and the chart into
docs/performance.md. Exits non-zero on any failed request or any difference in the answers."""

import shlex
import signal
import subprocess
import sys
import tempfile
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

from bench import docs, report, targets
from bench.clock import CLOCK
from bench.databases import (
    postgres_database,
    postgres_server,
    postgres_unavailable,
    sqlite_database,
)
from bench.measure import Bench, RunFailed, Settings
from bench.options import DOCS, parse
from bench.seed import seed
from bench.servers import ServerFailed
from bench.verify import DifferentAnswers


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _commit() -> str:
    found = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"],  # noqa: S607
        capture_output=True,
        text=True,
        check=False,
    )
    return found.stdout.strip() or "unknown"


def _database(backend: str, workdir: Path) -> AbstractContextManager[str] | None:
    if backend == "sqlite":
        return sqlite_database(workdir)
    server = postgres_server()
    reason = postgres_unavailable(server)
    if reason:
        print(f"postgresql skipped: no server at {server} ({reason})", file=sys.stderr)
        return None
    return postgres_database(server)


def _run(options: Any, workdir: Path) -> dict[str, Any]:
    settings = Settings(
        options.rounds, options.duration, options.warmup, options.slices,
        options.server_cpu, options.client_cpu,
        None if options.only is None else frozenset(options.only),
    )  # fmt: skip
    bench, runs, published = Bench(settings, workdir), [], 0
    for backend in options.backends:
        database = _database(backend, workdir)
        if database is None:
            continue
        with database as url:
            data = seed(backend, url, users=options.users, posts=options.posts)
            published = len(data.published_ids)
            print(f"{backend}: seeded {data.users} users, {data.posts} posts", flush=True)
            runs += bench.backend(data)
    config = {
        key: getattr(options, key)
        for key in ("rounds", "duration", "warmup", "slices", "users", "posts")
    }
    config |= {"server_cpu": options.server_cpu, "client_cpu": options.client_cpu}
    config |= {"published": published, "commit": _commit()}
    config["command"] = shlex.join(["python", "-m", "bench", *sys.argv[1:]])
    with CLOCK.phase("report"):
        return report.build(runs, config)


def main(argv: list[str] | None = None) -> int:
    options = parse(argv, __doc__)
    signal.signal(signal.SIGTERM, _interrupt)  # `kill` unwinds like Ctrl-C: servers are stopped
    try:
        with tempfile.TemporaryDirectory(prefix="folio-bench-") as directory:
            record = _run(options, Path(directory))
    except KeyboardInterrupt:
        print("interrupted; servers stopped, databases dropped", file=sys.stderr)
        return 130
    except (RunFailed, ServerFailed, DifferentAnswers) as failure:
        print(f"bench failed: {type(failure).__name__}: {failure}", file=sys.stderr)
        return 1
    print()
    print(report.table(record))
    print()
    print(targets.table(record))
    report.write(record, options.output)
    print(f"\nwritten to {options.output}")
    if options.docs:
        with CLOCK.phase("chart and docs"):
            docs.write(record, DOCS / "performance.md", DOCS / "performance.png")
        print(f"and to {DOCS / 'performance.md'}")
    print(CLOCK.summary())
    return 0


if __name__ == "__main__":
    sys.exit(main())
