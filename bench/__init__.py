"""Benchmarks of the public lookup: `make bench` (python -m bench). See docs/bench.md."""
