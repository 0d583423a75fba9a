"""Command line: python -m credit <command> (migrate, init, demo, serve, sweep,
watch-deliver, import, check-services, reset-db)."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from collections.abc import Awaitable, Callable
from typing import TypeVar

from credit.core.settings import get_settings

T = TypeVar("T")


async def _with_db(coro_factory: Callable[[], Awaitable[T]]) -> T:
    from credit.api.wiring import wire
    from credit.core.cache import start_cache, stop_cache
    from credit.core.db import close_db, init_db

    wire()  # the domains' hooks in the lower layers' transactions (audit, watch events)

    settings = get_settings()
    await init_db(settings)
    start_cache(settings.redis_url)
    try:
        return await coro_factory()
    finally:
        await stop_cache()
        await close_db()


def cmd_migrate(args: argparse.Namespace) -> int:
    from credit.core.db import close_db, migrate_db
    from credit.policies.seed import ensure_policies

    async def run() -> None:
        try:
            await migrate_db()
            await ensure_policies()  # the reference data every deployment needs
        finally:
            await close_db()

    asyncio.run(run())
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from credit.demo.load import load_demo

    loaded = asyncio.run(_with_db(load_demo))
    print(loaded.describe())
    return 0


def cmd_sweep(args: argparse.Namespace) -> int:
    import time

    started = time.monotonic()
    if args.all:
        from credit.grades.sweep_all import sweep_all

        n = asyncio.run(_with_db(lambda: sweep_all(workers=args.workers)))
    else:
        from credit.grades.services import sweep

        n = asyncio.run(_with_db(sweep))
    print(f"re-evaluated {n} subject(s) in {time.monotonic() - started:.1f} s")
    return 0


def cmd_watch_deliver(args: argparse.Namespace) -> int:
    """The watch webhook worker alone (the app's lifespan also runs one): until SIGTERM."""
    import signal

    import httpx

    from credit.watches.delivery.worker import run_worker

    async def run() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, stop.set)
        async with httpx.AsyncClient() as client:
            await run_worker(client, stop, poll_seconds=args.poll_seconds)

    asyncio.run(_with_db(run))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from credit.records.importer import import_file_cli

    return asyncio.run(_with_db(lambda: import_file_cli(args.file, dry_run=args.dry_run)))


def cmd_init(args: argparse.Namespace) -> int:
    from pathlib import Path

    from credit.bootstrap.apply import init_text_cli

    try:
        text = Path(args.config).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        print(f"文件无法读取：{args.config}（{exc}）", file=sys.stderr)
        return 1
    return asyncio.run(_with_db(lambda: init_text_cli(text, args.config)))


def cmd_reset_db(args: argparse.Namespace) -> int:
    """Tests and the e2e server only: drop every table of the configured database."""
    from credit.core.dbreset import reset_database

    asyncio.run(reset_database(get_settings().database_url, create=args.create))
    return 0


def cmd_export_schema(args: argparse.Namespace) -> int:
    from credit.api.schema import schema_sdl

    text = schema_sdl()
    if args.output == "-":
        sys.stdout.write(text)
    else:
        with open(args.output, "w", encoding="utf-8") as fh:
            fh.write(text)
    return 0


def _prepare_multiprocess_metrics(workers: int) -> None:
    """Several workers: prometheus-client's multiprocess mode needs one folder shared by
    the workers, empty at start (stale files would add old counts), set in the environment
    before any worker imports prometheus_client."""
    import os
    import shutil
    import tempfile
    from pathlib import Path

    folder = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if folder:
        path = Path(folder)
        if path.is_dir():
            for item in path.glob("*.db"):
                item.unlink()
        path.mkdir(parents=True, exist_ok=True)
    elif workers > 1:
        folder = tempfile.mkdtemp(prefix="credit-metrics-")
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = folder
        import atexit

        atexit.register(shutil.rmtree, folder, True)


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from credit.core.logs import logging_config

    s = get_settings()
    _prepare_multiprocess_metrics(s.workers)
    log = logging.getLogger("credit")
    log.info("SPA:      http://%s:%s/", s.host, s.port)
    log.info("GraphQL:  http://%s:%s/graphql  (GraphiQL in the browser)", s.host, s.port)
    uvicorn.run(
        "credit.app:create_app",
        factory=True,
        host=s.host,
        port=s.port,
        workers=s.workers,
        log_level=s.log_level.lower(),
        log_config=logging_config(s.log_format, s.log_level),
        # Per-request access lines cost ~12 % of a cached lookup; the proxy in front
        # (nginx in docker-compose) logs requests. LOG_LEVEL=DEBUG turns them back on.
        access_log=s.log_level.upper() == "DEBUG",
        # Forwarded headers are judged by our own middleware against TRUSTED_PROXIES
        # (uvicorn's would believe any local process by default).
        proxy_headers=False,
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    from credit.core.logs import configure_logging

    settings = get_settings()
    configure_logging(settings.log_format, settings.log_level)
    parser = argparse.ArgumentParser(prog="python -m credit")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("migrate", help="apply the committed migrations").set_defaults(fn=cmd_migrate)
    sub.add_parser("demo", help="load the demo data set into an empty database").set_defaults(
        fn=cmd_demo
    )
    init = sub.add_parser(
        "init",
        help="set up jurisdictions, districts, units and the first administrator from a TOML "
        "file (idempotent; password from CREDIT_ADMIN_PASSWORD or a prompt)",
    )
    init.add_argument("--config", required=True, help="the bureau file, e.g. bureau.toml")
    init.set_defaults(fn=cmd_init)
    sub.add_parser("serve", help="serve the SPA and the API").set_defaults(fn=cmd_serve)
    sweep = sub.add_parser("sweep", help="re-evaluate every stale evaluation")
    sweep.add_argument(
        "--all", action="store_true", help="re-evaluate every subject, one process per core"
    )
    sweep.add_argument(
        "--workers", type=int, default=None, help="processes for --all (default: one per core)"
    )
    sweep.set_defaults(fn=cmd_sweep)
    deliver = sub.add_parser("watch-deliver", help="run the watch webhook delivery worker")
    deliver.add_argument("--poll-seconds", type=float, default=2.0)
    deliver.set_defaults(fn=cmd_watch_deliver)
    reset = sub.add_parser("reset-db", help="drop all tables (tests/e2e only)")
    reset.add_argument("--create", action="store_true", help="create the database if missing")
    reset.set_defaults(fn=cmd_reset_db)
    exp = sub.add_parser("export-schema", help="write the GraphQL SDL (schema.graphql)")
    exp.add_argument("--output", default="-")
    exp.set_defaults(fn=cmd_export_schema)
    imp = sub.add_parser("import", help="bulk import a JSON Lines / CSV / XLSX file")
    imp.add_argument("file")
    imp.add_argument("--dry-run", action="store_true", help="validate only, write nothing")
    imp.set_defaults(fn=cmd_import)
    args = parser.parse_args(argv)
    return int(args.fn(args))


if __name__ == "__main__":
    sys.exit(main())
