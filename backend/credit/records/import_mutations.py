"""decisionsImport: the bulk import through the API, for the console's upload screen and
for partner agencies pushing decisions (same format and rules as `make import`)."""

from __future__ import annotations

import base64
import binascii
from enum import StrEnum

import strawberry

from credit.accounts.permissions import Permission, requires
from credit.apicore.context import Info
from credit.apicore.mutations import check_csrf
from credit.apicore.user_errors import UserError
from credit.records.error_codes import RecordErrorCode
from credit.records.importer import ImportReport, import_file
from credit.records.importer.formats import column_header

MAX_IMPORT_BYTES = 20 * 1024 * 1024


@strawberry.enum(description="导入文件格式")
class ImportFormat(StrEnum):
    JSONL = "jsonl"
    CSV = "csv"
    XLSX = "xlsx"


@strawberry.type(description="导入错误：行号、字段（CSV/XLSX 含列名）与说明")
class ImportRowError(UserError):
    line: int
    column: str | None
    code: RecordErrorCode | None = strawberry.field(
        default=None, description="规则代码（与录入接口相同，如 DECISION_REQUIRED）"
    )


@strawberry.type(description="导入结果（试运行时为将要写入的数量）")
class ImportSummary:
    dry_run: bool
    rows: int
    subjects_created: int
    subjects_updated: int
    decisions_created: int
    decisions_skipped: int
    records_created: int
    records_skipped: int
    subjects_reevaluated: int


@strawberry.type
class DecisionsImportPayload:
    summary: ImportSummary | None
    errors: list[ImportRowError]


def _summary(report: ImportReport) -> ImportSummary:
    return ImportSummary(
        dry_run=report.dry_run,
        rows=report.rows,
        subjects_created=report.subjects_created,
        subjects_updated=report.subjects_updated,
        decisions_created=report.decisions_created,
        decisions_skipped=report.decisions_skipped,
        records_created=report.records_created,
        records_skipped=report.records_skipped,
        subjects_reevaluated=report.subjects_reevaluated,
    )


def _error(message: str, field: str = "content") -> DecisionsImportPayload:
    return DecisionsImportPayload(
        summary=None, errors=[ImportRowError(line=0, field=field, column=None, message=message)]
    )


@strawberry.type
class ImportMutations:
    @strawberry.mutation(
        extensions=requires(Permission.IMPORT_DECISIONS),
        description="批量导入决定与信用信息（格式见 docs/import.md）。整文件校验，任何一行有错则"
        "不写入；重复导入不产生变化。XLSX 以 base64 传入 content。",
    )
    async def decisions_import(
        self,
        info: Info,
        content: str,
        format: ImportFormat = ImportFormat.JSONL,
        dry_run: bool = False,
    ) -> DecisionsImportPayload:
        check_csrf(info)
        if format == ImportFormat.XLSX:
            try:
                data = base64.b64decode(content, validate=True)
            except (binascii.Error, ValueError):
                return _error("XLSX 文件须以 base64 编码传入")
        else:
            data = content.encode("utf-8")
        if len(data) > MAX_IMPORT_BYTES:
            return _error(f"文件过大（上限 {MAX_IMPORT_BYTES // 1024 // 1024} MB）")
        if not data.strip():
            return _error("文件为空")
        # The importer runs its own single transaction and writes its audit events.
        report = await import_file(data, format.value, dry_run=dry_run, actor=info.context.actor)
        errors = [
            ImportRowError(
                line=e.line,
                field=e.field,
                # CSV/XLSX: the column a person sees (its Chinese header), not the field code
                column=column_header(e.field) if e.field and e.label != e.field else None,
                message=e.message,
                # A code the import answers must be a record's code (test_user_errors)
                code=RecordErrorCode(e.code) if e.code else None,
            )
            for e in report.errors
        ]
        return DecisionsImportPayload(summary=None if errors else _summary(report), errors=errors)
