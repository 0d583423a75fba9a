"""Server subprocesses on free loopback ports, and CPU / memory accounting from /proc
(psutil is not in the venv, and nothing new is needed)."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import socket
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

CLK_TCK = os.sysconf("SC_CLK_TCK")
PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


# -- /proc helpers -------------------------------------------------------------------------
def _read(path: str) -> str | None:
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            return fh.read()
    except OSError:
        return None


def cpu_seconds(pid: int) -> float:
    """utime + stime of a live process (0 if it is gone)."""
    stat = _read(f"/proc/{pid}/stat")
    if stat is None:
        return 0.0
    fields = stat[stat.rindex(")") + 2 :].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


def status_kb(pid: int, key: str) -> int:
    """VmRSS / VmHWM (peak RSS) of a process, in kB (0 if it is gone)."""
    text = _read(f"/proc/{pid}/status") or ""
    for line in text.splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1])
    return 0


def cmdline(pid: int) -> str:
    return (_read(f"/proc/{pid}/cmdline") or "").replace("\0", " ").strip()


def children(pid: int) -> list[int]:
    out: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        text = _read(str(task / "children"))
        if text:
            out += [int(x) for x in text.split()]
    return out


def pids_matching(*needles: str) -> list[int]:
    """Processes whose command line contains every needle (for postgres backends, whose
    title names the database, and redis-server). Read-only, for accounting."""
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            line = cmdline(int(entry.name))
            if line and all(n in line for n in needles):
                out.append(int(entry.name))
    return out


def machine_jiffies() -> tuple[int, int]:
    """(busy, total) jiffies of all CPUs since boot."""
    first = (_read("/proc/stat") or "cpu 0 0 0 0").splitlines()[0].split()[1:]
    values = [int(v) for v in first[:8]]
    idle = values[3] + (values[4] if len(values) > 4 else 0)
    return sum(values) - idle, sum(values)


def children_cpu_seconds() -> float:
    """CPU of this process's reaped children (wrk runs)."""
    import resource

    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def loadavg() -> float:
    return float((_read("/proc/loadavg") or "0").split()[0])


# -- servers -------------------------------------------------------------------------------
@dataclass
class Server:
    name: str
    argv: list[str]
    env: dict[str, str]
    cwd: Path
    port: int
    log_path: Path
    proc: subprocess.Popen | None = None
    peak_rss_sum_kb: int = 0
    _log: object = field(default=None, repr=False)

    def start(self) -> None:
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        self._log = open(self.log_path, "wb")  # noqa: SIM115
        self.proc = subprocess.Popen(
            self.argv,
            cwd=self.cwd,
            env=self.env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: stopped as one, by its id
        )

    @property
    def pid(self) -> int:
        assert self.proc is not None
        return self.proc.pid

    def workers(self) -> list[int]:
        """uvicorn's worker processes (the main process itself when it has none)."""
        kids = [
            p
            for p in children(self.pid)
            if "multiprocessing.spawn" in cmdline(p) or "spawn_main" in cmdline(p)
        ]
        return kids or [self.pid]

    def all_pids(self) -> list[int]:
        return [self.pid, *children(self.pid)]

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def sample_rss(self) -> int:
        total = sum(status_kb(p, "VmRSS") for p in self.workers())
        self.peak_rss_sum_kb = max(self.peak_rss_sum_kb, total)
        return total

    def peak_rss_kb(self) -> dict[str, int]:
        """Per worker high-water mark (VmHWM), kB."""
        return {str(p): status_kb(p, "VmHWM") for p in self.workers()}

    def stop(self, grace: float = 10.0) -> None:
        if self.proc is None:
            return
        if self.proc.poll() is None:
            try:
                os.kill(self.proc.pid, signal.SIGINT)  # uvicorn: graceful shutdown
                self.proc.wait(grace)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.proc.pid, signal.SIGKILL)  # the group this process leads
                self.proc.wait(5)
            except ProcessLookupError:
                pass
        if self._log is not None:
            self._log.close()  # type: ignore[attr-defined]

    def tail(self, lines: int = 30) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""


async def wait_ready(server: Server, probe, limit_s: float = 60.0) -> None:  # type: ignore[no-untyped-def]
    """Poll `probe()` (an awaitable returning True when ready) until it succeeds."""
    deadline = time.monotonic() + limit_s
    last: Exception | None = None
    while time.monotonic() < deadline:
        if not server.alive():
            raise RuntimeError(f"{server.name} exited:\n{server.tail()}")
        try:
            if await probe():
                return
        except Exception as exc:
            last = exc
        await asyncio.sleep(0.25)
    raise RuntimeError(
        f"{server.name} not ready after {limit_s:.0f} s ({last!r}):\n{server.tail()}"
    )


# -- CPU accounting of a measured window ---------------------------------------------------
@dataclass
class CpuGroups:
    """Who used the cores during a window: product workers, baseline workers, PostgreSQL
    backends of the bench database, redis-server, this process (the load generator), and
    everything else on the machine. Each group is a function listing its pids, asked at
    both ends of the window (a process started inside the window counts from zero)."""

    groups: dict[str, Callable[[], list[int]]]
    # Groups measured by a cumulative CPU-seconds function instead (e.g. reaped children).
    counters: dict[str, Callable[[], float]] = field(default_factory=dict)
    start: dict[int, float] = field(default_factory=dict)
    counter_start: dict[str, float] = field(default_factory=dict)
    machine_start: tuple[int, int] = (0, 0)
    wall_start: float = 0.0

    def begin(self) -> None:
        self.start = {p: cpu_seconds(p) for fn in self.groups.values() for p in fn()}
        self.counter_start = {name: fn() for name, fn in self.counters.items()}
        self.machine_start = machine_jiffies()
        self.wall_start = time.monotonic()

    def end(self) -> dict[str, float]:
        """CPU seconds per group over the window, plus `wall`, `machine_busy`, `other`
        (busy time not accounted to our groups) and `cores`."""
        out: dict[str, float] = {}
        for name, fn in self.groups.items():
            out[name] = round(sum(cpu_seconds(p) - self.start.get(p, 0.0) for p in set(fn())), 3)
        for name, cfn in self.counters.items():
            out[name] = round(out.get(name, 0.0) + cfn() - self.counter_start[name], 3)
        busy, _ = machine_jiffies()
        wall = time.monotonic() - self.wall_start
        machine_busy = (busy - self.machine_start[0]) / CLK_TCK
        ours = sum(out.values())
        out["wall"] = round(wall, 3)
        out["machine_busy"] = round(machine_busy, 3)
        out["other"] = round(max(0.0, machine_busy - ours), 3)
        out["cores"] = os.cpu_count() or 1
        return out
