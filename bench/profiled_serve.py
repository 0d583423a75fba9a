"""`python -m credit serve` (one worker) with cProfile switched on by SIGUSR1 and off, with
the stats written to argv[1], by SIGUSR2: only the measured window is profiled, not the
start-up. Used by `python -m bench --profile`; it changes nothing in the product."""

from __future__ import annotations

import cProfile
import signal
import sys


def main() -> int:
    out = sys.argv[1]
    profiler = cProfile.Profile()

    def start(signum: int, frame: object) -> None:
        profiler.enable()

    def stop(signum: int, frame: object) -> None:
        profiler.disable()
        profiler.dump_stats(out)

    signal.signal(signal.SIGUSR1, start)
    signal.signal(signal.SIGUSR2, stop)
    from credit.__main__ import main as credit_main

    return credit_main(["serve"])


if __name__ == "__main__":
    sys.exit(main())
