"""Mutations of public reports (举报, 舞公 五).

Confidentiality invariants of this module:
- `publicReportFile` is open to everyone and returns only the acknowledgement number.
  The report is never attributed to the caller: the service and the audit event get the
  anonymous actor, and the audit event carries neither the caller's address nor the
  request id, so nothing links the report to who filed it.
- No payload, audit snapshot or error message here contains the reporter's name, contact
  or the report's content.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import strawberry
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from credit.accounts.actor import ANONYMOUS, Actor
from credit.accounts.permissions import Permission, requires
from credit.apicore import ratelimit
from credit.apicore.context import Info
from credit.apicore.mutations import (
    MutationFailed,
    Outcome,
    check_csrf,
)
from credit.audit.services import record_event
from credit.casework.error_codes import CaseError
from credit.casework.resolvers import (
    EvidenceFileInput,
    decode_evidence,
    int_id,
    require_owner_in_scope,
    run_case,
)
from credit.records.types import CreditRecord
from credit.reports import services
from credit.reports.error_codes import ReportErrorCode, ReportPayloadError, to_user_error
from credit.reports.lookup import new_query_code
from credit.reports.models import PublicReport as PublicReportModel
from credit.reports.types import PublicReport, ReportRecordInput, acknowledgement_no
from credit.subjects.identifiers import InvalidUSCC, validate_uscc
from credit.subjects.models import Subject

P = Permission


@strawberry.type(description="举报已受理：仅返回受理编号与查询码，不回显举报人信息")
class PublicReportFilePayload:
    acknowledgement_no: str | None = strawberry.field(description="受理编号，请妥善保存")
    query_code: str | None = strawberry.field(
        default=None,
        description="查询码：仅此一次显示（只保存其摘要），凭受理编号与查询码查询办理进度",
    )
    errors: list[ReportPayloadError]


@strawberry.type
class PublicReportPayload:
    public_report: PublicReport | None
    errors: list[ReportPayloadError]


@strawberry.type
class ReportRecordOpenPayload:
    public_report: PublicReport | None
    credit_record: CreditRecord | None
    errors: list[ReportPayloadError]


def _snapshot(r: PublicReportModel) -> dict[str, Any]:
    """What the audit trail keeps of a report: never its content or its reporter."""
    return {
        "status": r.status,
        "subject_id": r.subject_id,
        "handler_user_id": r.handler_user_id,
        "outcome": r.outcome,
        "record_id": r.record_id,
    }


Step = Callable[[BaseDBAsyncClient, Actor, int], Awaitable[PublicReportModel]]


async def _report_step(
    info: Info, id: strawberry.ID, action: str, step: Step
) -> PublicReportPayload:
    async def body(conn: BaseDBAsyncClient) -> Outcome:
        actor, rid = info.context.actor, int_id(id)
        await require_owner_in_scope(conn, actor, PublicReportModel, rid, "举报")
        before = _snapshot(await PublicReportModel.get(id=rid, using_db=conn))
        row = await step(conn, actor, rid)
        return Outcome(row, "public_report", rid, before, _snapshot(row), public_change=False)

    value, errors = await run_case(info, f"public_report.{action}", body, to_user_error)
    return PublicReportPayload(
        public_report=PublicReport.from_row(value) if value else None, errors=errors
    )


async def _file(
    uscc: str,
    content: str,
    reporter_name: str,
    reporter_contact: str,
    evidence: list[EvidenceFileInput] | None,
    query_code: str,
) -> PublicReportModel:
    try:
        code = validate_uscc(uscc)
    except InvalidUSCC as exc:
        raise MutationFailed(str(exc), ReportErrorCode.INVALID, "uscc") from exc
    files = decode_evidence(evidence)
    async with in_transaction() as conn:
        subject = await Subject.get_or_none(uscc=code, using_db=conn)
        if subject is None:
            raise MutationFailed(
                "未收录该统一社会信用代码的主体", ReportErrorCode.NOT_FOUND, "uscc"
            )
        try:
            report = await services.submit_report(
                conn,
                ANONYMOUS,
                subject_id=subject.id,
                content=content,
                reporter_name=reporter_name,
                reporter_contact=reporter_contact,
                evidence=files,
                query_code=query_code,
            )
        except CaseError as exc:
            raise to_user_error(exc) from exc
        await record_event(
            conn,
            ANONYMOUS,
            "public_report.file",
            object_type="public_report",
            object_id=report.id,
            after=_snapshot(report),
        )
    return report


@strawberry.type
class ReportMutations:
    @strawberry.mutation(
        description="举报（任何人可提交，无需登录；按来源地址限频）。举报人姓名与联系方式可不填，"
        "加密保存，仅承办人可见；返回受理编号"
    )
    async def public_report_file(
        self,
        info: Info,
        uscc: str,
        content: str,
        reporter_name: str = "",
        reporter_contact: str = "",
        evidence: list[EvidenceFileInput] | None = None,
    ) -> PublicReportFilePayload:
        check_csrf(info)
        allowed, retry = await ratelimit.hit(
            f"report:{info.context.client_addr}", ratelimit.REPORT_PER_HOUR, 3600
        )
        if not allowed:
            error = ReportPayloadError(
                field=None,
                message=f"提交过于频繁，请{(retry + 59) // 60}分钟后再试",
                code=ReportErrorCode.RATE_LIMITED,
            )
            return PublicReportFilePayload(acknowledgement_no=None, errors=[error])
        code = new_query_code()
        try:
            report = await _file(uscc, content, reporter_name, reporter_contact, evidence, code)
        except MutationFailed as exc:
            return PublicReportFilePayload(
                acknowledgement_no=None, errors=[ReportPayloadError.from_failure(exc.failure)]
            )
        return PublicReportFilePayload(
            acknowledgement_no=acknowledgement_no(report), query_code=code, errors=[]
        )

    @strawberry.mutation(
        extensions=requires(P.HANDLE_REPORTS),
        description="分办举报：指定承办人（本辖区、有举报办理权限的在岗用户）；核查中亦可改派。"
        "只有承办人可查看举报内容与举报人",
    )
    async def report_triage(
        self, info: Info, id: strawberry.ID, handler_user_id: strawberry.ID, note: str = ""
    ) -> PublicReportPayload:
        async def step(conn: BaseDBAsyncClient, actor: Actor, rid: int) -> PublicReportModel:
            handler = int_id(handler_user_id, "handlerUserId")
            return await services.triage_report(
                conn, actor, rid, handler_user_id=handler, note=note
            )

        return await _report_step(info, id, "triage", step)

    @strawberry.mutation(
        extensions=requires(P.HANDLE_REPORTS), description="开始核查（仅承办人，否则 NOT_HANDLER）"
    )
    async def report_investigation_start(
        self, info: Info, id: strawberry.ID
    ) -> PublicReportPayload:
        async def step(conn: BaseDBAsyncClient, actor: Actor, rid: int) -> PublicReportModel:
            return await services.start_investigation(conn, actor, rid)

        return await _report_step(info, id, "investigate", step)

    @strawberry.mutation(
        extensions=requires(P.HANDLE_REPORTS), description="不予受理（分办阶段办结，须写明理由）"
    )
    async def report_dismiss(self, info: Info, id: strawberry.ID, note: str) -> PublicReportPayload:
        async def step(conn: BaseDBAsyncClient, actor: Actor, rid: int) -> PublicReportModel:
            return await services.dismiss_report(conn, actor, rid, note=note)

        return await _report_step(info, id, "dismiss", step)

    @strawberry.mutation(
        extensions=requires(P.HANDLE_REPORTS),
        description="核查办结：属实或不属实，须写明核查结论（仅承办人）",
    )
    async def report_close(
        self, info: Info, id: strawberry.ID, substantiated: bool, note: str
    ) -> PublicReportPayload:
        async def step(conn: BaseDBAsyncClient, actor: Actor, rid: int) -> PublicReportModel:
            return await services.close_report(
                conn, actor, rid, substantiated=substantiated, note=note
            )

        return await _report_step(info, id, "close", step)

    @strawberry.mutation(
        extensions=requires(P.HANDLE_REPORTS),
        description="由经核查属实的举报生成信用信息草稿（仅承办人；此后按录入—审核—公布流程办理）",
    )
    async def report_record_open(
        self, info: Info, id: strawberry.ID, input: ReportRecordInput
    ) -> ReportRecordOpenPayload:
        async def body(conn: BaseDBAsyncClient) -> Outcome:
            actor, rid = info.context.actor, int_id(id)
            await require_owner_in_scope(conn, actor, PublicReportModel, rid, "举报")
            data = input.to_record_input(actor.unit_id, actor.display_name)
            record = await services.open_draft_record(conn, actor, rid, data)
            report = await PublicReportModel.get(id=rid, using_db=conn)
            return Outcome(
                (report, record),
                "public_report",
                rid,
                None,
                {"record_id": record.id, "record_status": record.status},
                public_change=False,
            )

        value, errors = await run_case(info, "public_report.open_record", body, to_user_error)
        if not value:
            return ReportRecordOpenPayload(public_report=None, credit_record=None, errors=errors)
        report, record = value
        return ReportRecordOpenPayload(
            public_report=PublicReport.from_row(report),
            credit_record=CreditRecord.from_model(record),
            errors=[],
        )
