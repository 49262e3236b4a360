"""wrk as the load generator: a Lua script that picks each request at random from a scenario's
list, run on its own core, its figures read back as JSON from the script's ``done`` hook."""

import json
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

MARKER = "BENCH-JSON "

LUA = """
local requests = {%(requests)s}
local prepared = {}
local counter = 0
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end
%(shed_hook)s

function init(args)
  math.randomseed(%(seed)d)
  for i, r in ipairs(requests) do
    if not string.find(r[4], "{n}", 1, true) then
      prepared[i] = wrk.format(r[1], r[2], r[3], r[4] ~= "" and r[4] or nil)
    end
  end
end

function request()
  local i = math.random(#requests)
  if prepared[i] then return prepared[i] end
  counter = counter + 1
  local r = requests[i]
  local body = string.gsub(r[4], "{n}", tostring(math.random(1, 1000000000)) .. "-" .. counter)
  return wrk.format(r[1], r[2], r[3], body)
end

function done(summary, latency, requests)
  local e = summary.errors
  local shed = 0
  for _, thread in ipairs(threads) do shed = shed + (thread:get("shed") or 0) end
  io.write(string.format(
    "%(marker)s{\\"requests\\": %%d, \\"duration_us\\": %%d, \\"p50_us\\": %%d, \\"p99_us\\": %%d, "
    .. "\\"errors\\": %%d, \\"status_errors\\": %%d, \\"shed\\": %%d}\\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.connect + e.read + e.write + e.timeout, e.status, shed))
end
"""

# Counts the 503s a server sheds load with (a full hashing queue); only in the scripts that
# expect them, since a response hook makes wrk hand every response to Lua.
SHED_HOOK = """
shed = 0

function response(status, headers, body)
  if status == 503 then shed = shed + 1 end
end
"""


@dataclass(frozen=True, slots=True)
class Request:
    """One request wrk may send; ``{n}`` in the body becomes a fresh unique token each time."""

    path: str
    method: str = "GET"
    headers: dict[str, str] = field(default_factory=dict)
    body: str = ""


@dataclass(frozen=True, slots=True)
class WrkResult:
    requests: int
    seconds: float
    p50_ms: float
    p99_ms: float
    errors: int
    status_errors: int
    shed: int = 0  # 503 answers, counted only by scripts made with ``count_shed``

    @property
    def requests_per_second(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def _lua_string(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def _lua_request(request: Request) -> str:
    headers = ", ".join(
        f"[{_lua_string(k)}] = {_lua_string(v)}" for k, v in request.headers.items()
    )
    parts = [_lua_string(request.method), _lua_string(request.path), f"{{{headers}}}"]
    return "{" + ", ".join([*parts, _lua_string(request.body)]) + "}"


def script(requests: Sequence[Request], seed: int = 1843, *, count_shed: bool = False) -> str:
    """The Lua script for ``requests``; exposed for tests. With ``count_shed`` it also counts
    the 503 answers (``WrkResult.shed``)."""
    listed = ",\n  ".join(_lua_request(r) for r in requests)
    return LUA % {
        "requests": "\n  " + listed + "\n",
        "seed": seed,
        "marker": MARKER,
        "shed_hook": SHED_HOOK if count_shed else "",
    }


def parse(output: str) -> WrkResult:
    """wrk's figures from its output (the line the script's ``done`` printed)."""
    for line in output.splitlines():
        if line.startswith(MARKER):
            data = json.loads(line[len(MARKER) :])
            return WrkResult(
                requests=data["requests"],
                seconds=data["duration_us"] / 1e6,
                p50_ms=data["p50_us"] / 1000,
                p99_ms=data["p99_us"] / 1000,
                errors=data["errors"],
                status_errors=data["status_errors"],
                shed=data.get("shed", 0),
            )
    raise ValueError(f"no figures in wrk's output:\n{output[-2000:]}")


def command(
    base_url: str, script_path: Path, *, connections: int, seconds: float, cpu: int | None
) -> list[str]:
    """wrk with one thread (on ``cpu`` when given), keeping ``connections`` open."""
    wrk = ["wrk", "-t1", f"-c{connections}", f"-d{max(1, round(seconds))}s", "--timeout", "30s"]
    wrk += ["-s", str(script_path), base_url]
    return ["taskset", "-c", str(cpu), *wrk] if cpu is not None else wrk


def start(argv: list[str]) -> "subprocess.Popen[str]":
    return subprocess.Popen(  # noqa: S603 - wrk with our own arguments
        argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )


def finish(process: "subprocess.Popen[str]", timeout: float) -> WrkResult:
    output, _ = process.communicate(timeout=timeout)
    if process.returncode != 0:
        raise RuntimeError(f"wrk exited with {process.returncode}:\n{output[-2000:]}")
    return parse(output)
