"""The entry points of the bulk import (docs/import.md): a file (`import_file`, the API's
decisionsImport and `python -m credit import`) or rows already in the JSON Lines shape
(`import_rows`).

1. Read the file into rows with their lines (formats).
2. Validate every row on its own (validate), then against the file and the database
   (known, plan). Every problem names its line and field; nothing is written while there
   is one.
3. Write everything in ONE transaction (all or nothing), in a few bulk statements (write),
   then re-evaluate each touched subject once, in the same transaction (reevaluate).
"""

from __future__ import annotations

import asyncio
import hashlib
import time
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from credit.core import clock, dataversion
from credit.records.importer.formats import (
    Source,
    SourceRow,
    UnknownFormat,
    detect_format,
    json_label,
    read,
    scan,
    stream_jsonl,
)
from credit.records.importer.known import load
from credit.records.importer.plan import Plan, make_plan, scope_issues
from credit.records.importer.reevaluate import reevaluate_many
from credit.records.importer.report import ImportReport
from credit.records.importer.rows import ImportIssue
from credit.records.importer.validate import check_rows
from credit.records.importer.write import write
from credit.watches.events import record_pending as record_watched_changes

if TYPE_CHECKING:
    from credit.accounts.actor import Actor

# Serialises imports on PostgreSQL (pg_advisory_xact_lock), so that what was checked is
# what is written. SQLite serialises writers by itself.
_LOCK_KEY = 0x637265646974  # "credit"


class _Rollback(Exception):
    pass


async def _import(
    source: Source, *, dry_run: bool, actor: Actor | None, origin: dict[str, Any]
) -> ImportReport:
    started = time.perf_counter()
    report = ImportReport(format=source.format, dry_run=dry_run)
    rows, issues, invalid_keys, report.rows = check_rows(source, clock.today())
    source.rows = []  # checked: only the valid rows (compact) are kept from here on

    async def check_and_write(conn: BaseDBAsyncClient | None) -> Plan:
        known = await load(rows, conn)
        issues.extend(scope_issues(rows, known, actor))
        plan = await make_plan(rows, known, issues, invalid_keys, conn)
        _count(report, plan)
        if conn is not None and not issues and report.changed:
            touched = await write(plan, known, conn, actor, origin | {"counts": report.counts()})
            report.subjects_reevaluated = await reevaluate_many(touched, conn)
        return plan

    try:
        if dry_run or issues:
            plan = await check_and_write(None)
            report.subjects_reevaluated = len(
                {r.key for r, _, _ in plan.create_subjects}
                | {r.key for r, _, _ in plan.update_subjects}
                | {r.subject_key for r, _, _ in plan.create_entries}
            )
        else:
            async with in_transaction() as conn:
                if conn.capabilities.dialect == "postgres":
                    await conn.execute_query("SELECT pg_advisory_xact_lock($1)", [_LOCK_KEY])
                await check_and_write(conn)
                if issues:
                    raise _Rollback
                if report.changed:
                    await record_watched_changes(conn)  # partners' change events
                    await dataversion.bump(conn)  # last: see the lock order in dataversion
    except _Rollback:
        pass
    except IntegrityError as exc:
        issues.append(
            ImportIssue(0, None, f"写入时与同时进行的其他修改冲突，已全部回滚，请重新导入（{exc}）")
        )
    report.errors = [
        ImportIssue(i.line, i.field, i.message, source.label(i.field) if i.field else None, i.code)
        for i in sorted(issues, key=lambda i: i.line)
    ]
    if report.errors:
        _count(report, Plan())
        report.subjects_reevaluated = 0
    report.seconds = time.perf_counter() - started
    return report


def _count(report: ImportReport, plan: Plan) -> None:
    report.subjects_created = len(plan.create_subjects)
    report.subjects_updated = len(plan.update_subjects)
    report.subjects_unchanged = plan.unchanged_subjects
    created = [r for r, _, _ in plan.create_entries]
    report.decisions_created = sum(1 for r in created if r.row_kind == "decision")
    report.records_created = sum(1 for r in created if r.row_kind == "record")
    report.decisions_skipped = plan.skipped_decisions
    report.records_skipped = plan.skipped_records


async def import_file(
    source: str | Path | bytes,
    format: str | None = None,
    *,
    dry_run: bool = False,
    actor: Actor | None = None,
) -> ImportReport:
    """Import a .jsonl, .csv or .xlsx file (a path, or its bytes with `format`)."""
    if isinstance(source, bytes):
        if format is None:
            raise ValueError("format is required when importing bytes")
        data, name = source, ""
    else:
        path = Path(source)
        format = format or detect_format(path)
        if format == "jsonl":  # read line by line while it is checked, never whole
            sha256, bad = await asyncio.to_thread(scan, path)
            origin = {"file": path.name, "format": format, "sha256": sha256}
            streamed = stream_jsonl(path, bad)
            return await _import(streamed, dry_run=dry_run, actor=actor, origin=origin)
        data, name = await asyncio.to_thread(path.read_bytes), path.name
    parsed = read(data, format)
    origin = {"file": name, "format": format, "sha256": hashlib.sha256(data).hexdigest()}
    del data  # the rows hold what is needed
    return await _import(parsed, dry_run=dry_run, actor=actor, origin=origin)


async def import_rows(
    rows: Iterable[Mapping[str, Any]],
    *,
    dry_run: bool = False,
    actor: Actor | None = None,
) -> ImportReport:
    """Import rows already in the JSON Lines shape; row n (from 1) is reported as line n."""
    source = Source(
        "rows",
        [SourceRow(n, dict(r)) for n, r in enumerate(rows, start=1)],
        json_label,
    )
    return await _import(
        source, dry_run=dry_run, actor=actor, origin={"file": "", "format": "rows"}
    )


async def import_file_cli(path: str, dry_run: bool) -> int:
    """`python -m credit import FILE [--dry-run]`: 0 when imported (or valid), 1 otherwise."""
    try:
        report = await import_file(path, dry_run=dry_run)
    except UnknownFormat as exc:
        print(f"文件：{exc}")
        return 1
    except OSError as exc:
        print(f"文件无法读取：{path}（{exc.strerror or exc}）")
        return 1
    print(report.describe())
    return 0 if report.ok else 1
