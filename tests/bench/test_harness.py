"""The benchmark harness's own logic: wrk's Lua script against a real (tiny) server, the answer
check, medians and ratios, and the docs section it rewrites. No load test: wrk runs for 1 s."""

import os
import shutil
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

from bench import docs, report, wrk
from bench.clock import PhaseClock
from bench.measure import Run, _settle
from bench.scenarios import Scenario
from bench.servers import Server, pin
from bench.verify import DifferentAnswers, check_same
from tests.servers import missing


class _Recorder(BaseHTTPRequestHandler):
    seen: ClassVar[Counter[str]] = Counter()
    bodies: ClassVar[list[bytes]] = []

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        if self.command == "POST":
            type(self).bodies.append(body)
        type(self).seen[f"{self.command} {self.path} {self.headers.get('X-Who', '')}"] += 1
        status = {"/missing": 404, "/busy": 503}.get(self.path, 200)
        self.send_response(status)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    do_GET = do_POST = _answer

    def log_message(self, *args: object) -> None:
        pass


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        """wrk drops its connections when its time is up: not worth a traceback on stderr."""


@pytest.fixture
def tiny_server() -> Iterator[str]:
    if shutil.which("wrk") is None:
        missing("wrk skipped: the wrk binary is not installed (Debian package wrk)")
    _Recorder.seen = Counter()
    _Recorder.bodies = []
    server = _QuietServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def _run_wrk(
    base_url: str, requests: list[wrk.Request], tmp_path: Path, count_shed: bool = False
) -> wrk.WrkResult:
    script = tmp_path / "load.lua"
    script.write_text(wrk.script(requests, count_shed=count_shed))
    argv = wrk.command(base_url, script, connections=2, seconds=1, cpu=None)
    return wrk.finish(wrk.start(argv), timeout=30)


def test_wrk_picks_every_request_at_random_and_reports_its_figures(
    tiny_server: str, tmp_path: Path
) -> None:
    requests = [wrk.Request(f"/posts/{n}", headers={"X-Who": f"w{n}"}) for n in range(4)]
    requests.append(wrk.Request("/posts", "POST", {"X-Who": "poster"}, '{"title": "t {n}"}'))

    result = _run_wrk(tiny_server, requests, tmp_path)

    assert result.requests > 20
    assert result.errors == result.status_errors == 0
    assert 0 < result.p50_ms <= result.p99_ms
    expected = {f"GET /posts/{n} w{n}" for n in range(4)} | {"POST /posts poster"}
    assert set(_Recorder.seen) == expected  # every request, with its own headers
    assert max(_Recorder.seen.values()) < 0.6 * sum(_Recorder.seen.values())
    assert len(set(_Recorder.bodies)) == len(_Recorder.bodies) > 1  # {n}: a fresh body each time
    assert all(b.startswith(b'{"title": "t ') for b in _Recorder.bodies)


def test_wrk_counts_error_statuses(tiny_server: str, tmp_path: Path) -> None:
    result = _run_wrk(tiny_server, [wrk.Request("/missing")], tmp_path)

    assert result.status_errors == result.requests > 0


def test_a_flood_script_counts_the_503s_apart_from_other_refusals(
    tiny_server: str, tmp_path: Path
) -> None:
    requests = [wrk.Request("/busy"), wrk.Request("/missing"), wrk.Request("/posts/1")]

    result = _run_wrk(tiny_server, requests, tmp_path, count_shed=True)
    plain = _run_wrk(tiny_server, requests, tmp_path)

    busy, missing = _Recorder.seen["GET /busy "], _Recorder.seen["GET /missing "]
    assert 0 < result.shed < result.status_errors < result.requests
    assert busy + missing >= result.status_errors  # the server saw both runs' requests
    assert plain.shed == 0  # only counted when asked


def test_wrk_command_pins_to_a_core() -> None:
    argv = wrk.command("http://127.0.0.1:1", Path("x.lua"), connections=32, seconds=3, cpu=1)

    assert argv[:3] == ["taskset", "-c", "1"]
    assert "-c32" in argv
    assert "-d3s" in argv


def test_parse_refuses_output_without_figures() -> None:
    with pytest.raises(ValueError, match="no figures"):
        wrk.parse("Running 1s test\n")


def test_answers_must_match_on_every_field_the_baseline_serves() -> None:
    baseline = {"/posts": (200, {"items": [{"id": 1, "tags": ["a"]}], "total": 1})}
    folio_more = {"/posts": (200, {"items": [{"id": 1, "tags": ["a"]}], "total": 1, "next": "x"})}
    check_same(baseline, folio_more, "core")  # extra fields on Folio's side are fine

    folio_wrong = {"/posts": (200, {"items": [{"id": 1, "tags": ["b"]}], "total": 1})}
    with pytest.raises(DifferentAnswers, match=r"core and folio differ at \.items\[0\]\.tags"):
        check_same(baseline, folio_wrong, "core")
    with pytest.raises(DifferentAnswers, match="orm 200, folio 404"):
        check_same(baseline, {"/posts": (404, None)}, "orm")


def _run(contender: str, round_: int, rps: float, rss: float) -> Run:
    return Run("sqlite", "get_by_id", contender, round_, rps, 1.0, 2.0, 0.5, rss, rss, 0.3, 0.1)


def test_report_takes_medians_and_ratios_to_each_baseline(tmp_path: Path) -> None:
    runs = [_run("core", r, rps, 80) for r, rps in enumerate((100, 300, 200), 1)]
    runs += [_run("folio", r, rps, 90 + r) for r, rps in enumerate((250, 240, 900), 1)]
    record = report.build(runs, {"rounds": 3})

    (row,) = record["results"]
    assert row["contenders"]["core"]["requests_per_second"] == 200
    assert row["contenders"]["folio"]["requests_per_second"] == 250
    assert row["folio_ratio"] == {"core": 1.25}
    assert row["contenders"]["folio"]["rss_mb_by_round"] == [91, 92, 93]
    assert "| sqlite | get_by_id | core | 200.0 | 1.25 |" in report.table(record)


def test_docs_section_is_replaced_and_the_prose_kept(tmp_path: Path) -> None:
    runs = [_run("orm", 1, 100, 80), _run("folio", 1, 150, 90)]
    config = {"rounds": 1, "duration": 1, "warmup": 1, "users": 10, "posts": 20}
    config |= {"published": 18, "server_cpu": 0, "client_cpu": 1}
    config |= {"command": "python -m bench", "commit": "abc1234"}
    record = report.build(runs, config)
    page = tmp_path / "performance.md"
    page.write_text(f"# Performance\n\nIntro.\n\n{docs.START}\nold figures\n{docs.END}\n\nOutro.\n")

    docs.write(record, page, tmp_path / "performance.png")
    docs.write(record, page, tmp_path / "performance.png")

    text = page.read_text()
    assert text.startswith("# Performance\n\nIntro.\n\n")
    assert text.endswith("\n\nOutro.\n")
    assert "old figures" not in text
    assert text.count(docs.START) == 1
    assert "| sqlite | get_by_id | orm | 100.0 | 1.50 |" in text
    assert (tmp_path / "performance.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_bench_help_runs() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bench", "--help"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0
    assert "--backends" in done.stdout


def test_the_clock_adds_up_each_phase_and_names_the_rest() -> None:
    clock = PhaseClock()
    for _ in range(2):
        with clock.phase("measured"):
            time.sleep(0.02)

    summary = clock.summary()

    assert "measured" in summary
    assert "(2x)" in summary
    assert "(the rest)" in summary


@pytest.fixture
def sleeper(tmp_path: Path) -> Iterator[Server]:
    process = subprocess.Popen(["sleep", "30"])  # noqa: S607
    try:
        yield Server("sleeper", "http://127.0.0.1:1", process.pid, tmp_path / "log", cpu=0)
    finally:
        process.kill()
        process.wait()


def test_an_idle_server_settles_at_once(sleeper: Server) -> None:
    start = time.monotonic()
    _settle(sleeper, limit=5)

    assert time.monotonic() - start < 1


def test_a_busy_server_is_waited_for_up_to_the_limit(tmp_path: Path) -> None:
    process = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    try:
        busy = Server("busy", "http://127.0.0.1:1", process.pid, tmp_path / "log")
        start = time.monotonic()
        _settle(busy, limit=0.6)
        assert time.monotonic() - start >= 0.6
    finally:
        process.kill()
        process.wait()


@pytest.mark.skipif(not hasattr(os, "sched_getaffinity"), reason="Linux's CPU affinity")
def test_pin_keeps_a_server_on_its_core(sleeper: Server) -> None:
    pin(sleeper)

    assert os.sched_getaffinity(sleeper.pid) == {0}


def test_an_opt_in_scenario_runs_only_when_named() -> None:
    request = (wrk.Request("/tags"),)
    opt_in = Scenario("tags", "GET /tags", request, by_default=False)
    default = Scenario("get_by_id", "GET /posts/{id}", request, backends=("sqlite",))
    assert not opt_in.runs("sqlite", None)
    assert opt_in.runs("sqlite", frozenset({"tags"}))
    assert default.runs("sqlite", None)
    assert not default.runs("postgresql", None)  # not on a backend it does not name
    assert not default.runs("sqlite", frozenset({"tags"}))
