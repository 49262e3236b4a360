"""`python -m bench`: Folio's read paths against a flat FastAPI + SQLAlchemy baseline.

Seeds one SQLite file; checks that both servers give the same answers; then, round after round,
loads the baseline and Folio (one uvicorn worker each, on 127.0.0.1) one at a time through every
scenario; prints medians over the rounds and writes them to bench/results/latest.json. Exits
non-zero on any failed request or any difference in the answers."""

import argparse
import asyncio
import secrets
import signal
import sys
import tempfile
from collections.abc import Callable, Sequence
from contextlib import ExitStack, suppress
from pathlib import Path
from typing import Any

from bench import report
from bench.load import LoadResult, run_load
from bench.options import parse
from bench.scenarios import scenarios_for, verification_paths
from bench.seed import Dataset, seed
from bench.servers import Server, ServerFailed, ServerSpec, running
from bench.verify import DifferentAnswers, check_same, fetch

READY_PATH = "/posts?limit=1"


class RunFailed(RuntimeError):
    """A request failed under load: the figures would be meaningless."""


def _contenders(data: Dataset, workdir: Path) -> list[ServerSpec]:
    folio_env = {
        "FOLIO_ENV": "development",
        "FOLIO_STORAGE": "sql",
        "FOLIO_DATABASE_URL": data.url,
        "FOLIO_JWT_SECRET": secrets.token_urlsafe(36),  # 48 characters
        "FOLIO_JWT_SECRET_FILE": str(workdir / ".folio-secret"),
        "FOLIO_LOG_LEVEL": "WARNING",
    }
    return [
        ServerSpec("baseline", "bench.baseline_app:app", env={"BENCH_DATABASE_URL": data.url}),
        ServerSpec("folio", "entrypoints.http.app:create_app", factory=True, env=folio_env),
    ]


def _loop_factory() -> Callable[[], asyncio.AbstractEventLoop] | None:
    with suppress(ImportError):
        import uvloop

        return uvloop.new_event_loop
    return None


def _check_same_answers(servers: dict[str, Server], data: Dataset) -> None:
    paths = verification_paths(data)
    answers = {name: fetch(server.base_url, paths) for name, server in servers.items()}
    check_same(answers["baseline"], answers["folio"])
    print(f"answers checked: baseline and folio agree on {len(paths)} requests", flush=True)


def _load(
    runner: asyncio.Runner, options: argparse.Namespace, server: Server, paths: Sequence[str]
) -> LoadResult:
    return runner.run(
        run_load(
            server.base_url,
            paths,
            concurrency=options.concurrency,
            duration=options.duration,
            warmup=options.warmup,
            server_pid=server.pid,
        )
    )


def _measure(options: argparse.Namespace, data: Dataset, workdir: Path) -> dict[str, Any]:
    """Each round starts both servers (one after the other) and, scenario by scenario, loads
    one and then the other, never both at once; the order flips every round (ABBA)."""
    scenarios = scenarios_for(data)
    results: dict[str, dict[str, list[LoadResult]]] = {
        s.name: {who: [] for who in report.CONTENDERS} for s in scenarios
    }
    with asyncio.Runner(loop_factory=_loop_factory()) as runner:
        for round_number in range(1, options.rounds + 1):
            with ExitStack() as stack:
                servers = {
                    spec.name: stack.enter_context(running(spec, workdir, READY_PATH))
                    for spec in _contenders(data, workdir)
                }
                if round_number == 1:
                    _check_same_answers(servers, data)
                order = report.CONTENDERS[:: 1 if round_number % 2 else -1]
                for scenario in scenarios:
                    for name in order:
                        result = _load(runner, options, servers[name], scenario.paths)
                        _progress(round_number, name, scenario.name, result)
                        if result.errors:
                            raise RunFailed("\n".join(result.first_errors))
                        results[scenario.name][name].append(result)
    config = {key: getattr(options, key) for key in ("duration", "warmup", "rounds", "concurrency")}
    config |= {"users": data.users, "posts": data.posts, "published": len(data.published_ids)}
    config["server"] = "uvicorn, 1 worker, --no-access-log, 127.0.0.1"
    config["order"] = "per scenario, baseline and folio back to back, order flipped each round"
    descriptions = {s.name: s.description for s in scenarios}
    return report.build(results, descriptions, config)


def _progress(round_number: int, name: str, scenario: str, result: LoadResult) -> None:
    print(
        f"round {round_number} {name:<9}{scenario:<13}{result.requests_per_second:8.1f} req/s"
        f"  p95 {result.p95_ms:7.1f} ms  CPU {_or_dash(result.server_cpu_ms_per_request)} ms/req"
        f"  other load {_or_dash(result.other_cpu)} cores  errors {result.errors}",
        flush=True,
    )


def _or_dash(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    options = parse(argv, __doc__)
    signal.signal(signal.SIGTERM, _interrupt)  # `kill` unwinds like Ctrl-C: servers are stopped
    try:
        with tempfile.TemporaryDirectory(prefix="folio-bench-") as directory:
            workdir = Path(directory)
            data = seed(workdir, users=options.users, posts=options.posts)
            print(f"seeded {data.posts} posts ({len(data.published_ids)} published)", flush=True)
            record = _measure(options, data, workdir)
    except KeyboardInterrupt:
        print("interrupted; servers stopped", file=sys.stderr)
        return 130
    except (RunFailed, ServerFailed, DifferentAnswers) as failure:
        print(f"bench failed: {type(failure).__name__}: {failure}", file=sys.stderr)
        return 1
    print()
    print(report.table(record))
    report.write(record, options.output)
    print(f"\nwritten to {options.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
