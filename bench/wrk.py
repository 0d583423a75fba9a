"""Optional: the same phases driven by wrk (`python -m bench --loadgen wrk`), the tool the
issue's numbers were taken with. Used only when `wrk` is on PATH (Debian: `apt-get install
-y wrk`); `make bench` itself needs nothing beyond the venv.

wrk has no warm-up, so a phase is two runs: warm-up, then the measured run. Requests are
built by a generated Lua script: the same lookup body as bench.workload, codes taken in
turn (cold: each code once, threads on disjoint strides), X-Forwarded-For over 1,024
addresses."""

from __future__ import annotations

import asyncio
import json
import shutil
import tempfile
from pathlib import Path

from bench import loadgen, workload

LUA = r"""
local codes = {%(codes)s}
local cold = %(cold)s
local head = %(head)s
local threads = %(threads)d
local n = #codes
local counter = 0
local thread_no = 0
local offset = %(offset)d

function setup(thread)
  thread:set("tid", counter)
  counter = counter + 1
end

function init(args)
  i = 0
end

function request()
  local k
  if cold then
    k = offset + i * threads + tid
  else
    k = i * threads + tid
  end
  i = i + 1
  local code = codes[(k %% n) + 1]
  local variables
  if cold and k >= n then
    variables = '{"uscc":"' .. code .. '","nonce":' .. math.floor(k / n) .. '}'
  else
    variables = '{"uscc":"' .. code .. '"}'
  end
  local a = k %% 1024
  local headers = {
    ["Content-Type"] = "application/json",
    ["X-Forwarded-For"] = "10.0." .. math.floor(a / 256) .. "." .. (a %% 256),
  }
  return wrk.format("POST", "/graphql", headers, head .. ',"variables":' .. variables .. '}')
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '\nBENCH_JSON {"requests":%%d,"duration_us":%%d,"bytes":%%d,"p50_us":%%d,"p90_us":%%d,' ..
    '"p99_us":%%d,"max_us":%%d,"mean_us":%%f,"connect":%%d,"read":%%d,"write":%%d,' ..
    '"status":%%d,"timeout":%%d}\n',
    summary.requests, summary.duration, summary.bytes, latency:percentile(50),
    latency:percentile(90), latency:percentile(99), latency.max, latency.mean,
    e.connect, e.read, e.write, e.status, e.timeout))
end
"""


def available() -> str | None:
    return shutil.which("wrk")


def script(codes: list[str], cold: bool, threads: int, offset: int) -> str:
    head = workload.body("X").decode()
    head = head[: head.index(',"variables":')]
    return LUA % {
        "codes": ",".join(json.dumps(c) for c in codes),
        "cold": "true" if cold else "false",
        "head": json.dumps(head),  # a JSON string literal is a valid Lua string literal here
        "threads": threads,
        "offset": offset,
    }


async def _wrk(url: str, lua: Path, connections: int, threads: int, seconds: float) -> dict:
    proc = await asyncio.create_subprocess_exec(
        "wrk",
        "-t",
        str(threads),
        "-c",
        str(connections),
        "-d",
        f"{max(1, round(seconds))}s",
        "--latency",
        "--timeout",
        "10s",
        "-s",
        str(lua),
        url,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    try:
        async with asyncio.timeout(seconds + 30):
            out, _ = await proc.communicate()
    except TimeoutError:
        proc.kill()
        raise
    text = out.decode(errors="replace")
    for line in text.splitlines():
        if line.startswith("BENCH_JSON "):
            return json.loads(line.removeprefix("BENCH_JSON "))
    raise RuntimeError(f"wrk gave no result:\n{text[-2000:]}")


async def run(
    name: str,
    host: str,
    port: int,
    codes: list[str],
    *,
    cold: bool,
    connections: int,
    warmup: float,
    duration: float,
    threads: int = 2,
    on_measure_start=None,
    on_measure_end=None,  # type: ignore[no-untyped-def]
) -> loadgen.PhaseResult:
    url = f"http://{host}:{port}/graphql"
    with tempfile.TemporaryDirectory(prefix="bench-wrk-") as tmp:
        warm_lua, main_lua = Path(tmp) / "warmup.lua", Path(tmp) / "main.lua"
        # Cold: the warm-up takes codes from the end of the list, the measured run from the
        # start, so that no body repeats unless the run outlasts the codes.
        warm_lua.write_text(script(codes, cold, threads, offset=len(codes) // 2 if cold else 0))
        main_lua.write_text(script(codes, cold, threads, offset=0))
        if warmup > 0:
            await _wrk(url, warm_lua, connections, threads, warmup)
        if on_measure_start:
            on_measure_start()
        r = await _wrk(url, main_lua, connections, threads, duration)
        if on_measure_end:
            on_measure_end()
    seconds = r["duration_us"] / 1e6
    errors = r["connect"] + r["read"] + r["write"] + r["timeout"]
    return loadgen.PhaseResult(
        name=name,
        connections=connections,
        seconds=round(seconds, 3),
        requests=r["requests"],
        rps=round(r["requests"] / seconds, 1) if seconds else 0.0,
        p50_ms=round(r["p50_us"] / 1000, 2),
        p90_ms=round(r["p90_us"] / 1000, 2),
        p99_ms=round(r["p99_us"] / 1000, 2),
        max_ms=round(r["max_us"] / 1000, 2),
        mean_ms=round(r["mean_us"] / 1000, 2),
        statuses={"non-2xx": r["status"]} if r["status"] else {"200": r["requests"]},
        errors=errors,
        graphql_errors=0,  # wrk does not read bodies
        cache_hits=-1,  # nor this header
        bytes_per_response=round(r["bytes"] / r["requests"], 1) if r["requests"] else 0.0,
        extra={"load_generator": "wrk", "threads": threads},
    )
