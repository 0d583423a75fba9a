"""Workflow queries of the cases: objections, repair applications, public reports, notices
and evidence. Every list starts from the caller's data scope (`subjects_in_scope`) and is
paginated with the API's cap."""

from __future__ import annotations

import strawberry
from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from credit.accounts.loaders import unit_by_id
from credit.accounts.models import User
from credit.accounts.permissions import ROLE_PERMISSIONS, Permission, requires
from credit.apicore.context import Info
from credit.apicore.errors import CodedError, ErrorCode
from credit.apicore.mutations import check_csrf
from credit.apicore.pagination import Connection, connection, page_bounds
from credit.subjects.scope import subjects_in_scope
from credit.workflows import states
from credit.workflows.deadlines import list_open_objections
from credit.workflows.errors import WorkflowError, WorkflowErrorCode
from credit.workflows.evidence import read_evidence
from credit.workflows.graphql.access import arg_id, requires_any, scoped_subject_ids
from credit.workflows.graphql.enums import ObjectionStatus, RepairStatus, ReportStatus
from credit.workflows.graphql.office_queries import OfficeQueries
from credit.workflows.graphql.report_types import PublicReport, ReporterIdentity, ReportHandler
from credit.workflows.graphql.types import (
    EvidenceFileContent,
    Notice,
    Objection,
    OpenObjection,
    RepairApplication,
)
from credit.workflows.models import Notice as NoticeModel
from credit.workflows.models import Objection as ObjectionModel
from credit.workflows.models import PublicReport as PublicReportModel
from credit.workflows.models import RepairApplication as RepairModel
from credit.workflows.reports import reveal_reporter

P = Permission


@strawberry.type
class CaseQueries:
    @strawberry.field(
        extensions=requires_any(P.FILE_OBJECTIONS, P.HANDLE_OBJECTIONS),
        description="异议：企业账号仅见本企业的，审核员见其管辖范围内的；按提交时间倒序",
    )
    async def objections(
        self,
        info: Info,
        status: list[ObjectionStatus] | None = None,  # type: ignore[valid-type]
        subject_id: strawberry.ID | None = None,
        first: int | None = 20,
        after: str | None = None,
    ) -> Connection[Objection]:
        offset, limit = page_bounds(first, after)
        query = ObjectionModel.filter(subject_id__in=scoped_subject_ids(info.context.actor))
        if status:
            query = query.filter(status__in=[states.ObjectionStatus(s) for s in status])
        if subject_id is not None:
            query = query.filter(subject_id=arg_id(subject_id, "subjectId"))
        total = await query.count()
        rows = await query.order_by("-filed_at", "-id").offset(offset).limit(limit)
        return connection([Objection(row=r) for r in rows], offset, total)

    @strawberry.field(
        extensions=requires(P.HANDLE_OBJECTIONS),
        description="待办异议（已提交、已受理），最紧急的在前：未受理的、再按核实期限；"
        "含剩余工作日、逾期、即将到期与暂定期限的提示",
    )
    async def open_objections(
        self, info: Info, first: int | None = 50, after: str | None = None
    ) -> Connection[OpenObjection]:
        offset, limit = page_bounds(first, after)
        actor = info.context.actor
        rows = await list_open_objections(jurisdiction_id=actor.jurisdiction_id, limit=500)
        wanted = {r.objection.subject_id for r in rows}
        allowed = set(
            await subjects_in_scope(actor).filter(id__in=wanted).values_list("id", flat=True)
        )
        rows = [r for r in rows if r.objection.subject_id in allowed]
        items = [OpenObjection.from_row(r) for r in rows[offset : offset + limit]]
        return connection(items, offset, len(rows))

    @strawberry.field(
        extensions=requires_any(P.APPLY_REPAIR, P.HANDLE_REPAIRS),
        description="信用修复申请：企业账号仅见本企业的，审核员见其管辖范围内的；按申请时间倒序",
    )
    async def repair_applications(
        self,
        info: Info,
        status: list[RepairStatus] | None = None,  # type: ignore[valid-type]
        subject_id: strawberry.ID | None = None,
        first: int | None = 20,
        after: str | None = None,
    ) -> Connection[RepairApplication]:
        offset, limit = page_bounds(first, after)
        query = RepairModel.filter(subject_id__in=scoped_subject_ids(info.context.actor))
        if status:
            query = query.filter(status__in=[states.RepairStatus(s) for s in status])
        if subject_id is not None:
            query = query.filter(subject_id=arg_id(subject_id, "subjectId"))
        total = await query.count()
        rows = await query.order_by("-filed_at", "-id").offset(offset).limit(limit)
        return connection([RepairApplication(row=r) for r in rows], offset, total)

    @strawberry.field(
        extensions=requires(P.HANDLE_REPORTS),
        description="举报（管辖范围内），按接收时间倒序。举报人身份不在此列出；举报内容与材料仅承办人"
        "可见。mine=true 仅列出由我承办的",
    )
    async def public_reports(
        self,
        info: Info,
        status: list[ReportStatus] | None = None,  # type: ignore[valid-type]
        subject_id: strawberry.ID | None = None,
        mine: bool = False,
        first: int | None = 20,
        after: str | None = None,
    ) -> Connection[PublicReport]:
        offset, limit = page_bounds(first, after)
        actor = info.context.actor
        query = PublicReportModel.filter(subject_id__in=scoped_subject_ids(actor))
        if status:
            query = query.filter(status__in=[states.ReportStatus(s) for s in status])
        if subject_id is not None:
            query = query.filter(subject_id=arg_id(subject_id, "subjectId"))
        if mine:
            query = query.filter(handler_user_id=actor.user_id)
        total = await query.count()
        rows = await query.order_by("-received_at", "-id").offset(offset).limit(limit)
        return connection([PublicReport(row=r) for r in rows], offset, total)

    @strawberry.field(
        extensions=requires(P.HANDLE_REPORTS),
        description="举报人姓名与联系方式：仅该举报的承办人可查看，每次查看记入审计日志"
        "（不记录内容）；其他人得到 PERMISSION_DENIED。须带 CSRF 令牌（查看即为留痕的操作）",
    )
    async def public_report_reporter(self, info: Info, id: strawberry.ID) -> ReporterIdentity:
        # A reading is an audited act: like a mutation it needs the CSRF token, so a
        # cross-site link (a GET navigation carries the session cookie) cannot trigger one.
        check_csrf(info)
        report_id = arg_id(id, "id")
        assert report_id is not None
        ctx = info.context
        # Another scope's report is answered exactly like a missing one.
        visible = PublicReportModel.filter(
            id=report_id, subject_id__in=scoped_subject_ids(ctx.actor)
        )
        if not await visible.exists():
            raise CodedError("举报不存在", ErrorCode.NOT_FOUND, field="id")
        try:
            async with in_transaction() as conn:
                identity = await reveal_reporter(
                    conn,
                    ctx.actor,
                    report_id,
                    request_id=ctx.request_id,
                    client_addr=ctx.client_addr,
                )
        except WorkflowError as exc:
            if exc.code == WorkflowErrorCode.NOT_FOUND:
                raise CodedError(exc.message, ErrorCode.NOT_FOUND, field="id") from exc
            raise CodedError(
                exc.message, ErrorCode.PERMISSION_DENIED, field="id", reason=exc.code.value
            ) from exc
        return ReporterIdentity(name=identity.name, contact=identity.contact)

    @strawberry.field(
        extensions=requires(P.HANDLE_REPORTS),
        description="可指定为举报承办人的在岗用户（本辖区、有举报办理权限）",
    )
    async def public_report_handlers(
        self, info: Info, first: int | None = 100, after: str | None = None
    ) -> Connection[ReportHandler]:
        offset, limit = page_bounds(first, after)
        actor = info.context.actor
        roles = [r for r, perms in ROLE_PERMISSIONS.items() if P.HANDLE_REPORTS in perms]
        query = User.filter(role__in=roles, is_active=True)
        if actor.jurisdiction_id is not None:
            query = query.filter(
                Q(unit__jurisdiction_id=actor.jurisdiction_id) | Q(unit__jurisdiction_id=None)
            )
        total = await query.count()
        rows = await query.order_by("display_name", "id").offset(offset).limit(limit)
        units = await info.context.loaders.get(unit_by_id).load_many([u.unit_id for u in rows])
        items = [
            ReportHandler(
                id=strawberry.ID(str(u.id)),
                display_name=u.display_name,
                unit_name=unit.name if unit else "",
            )
            for u, unit in zip(rows, units, strict=True)
        ]
        return connection(items, offset, total)

    @strawberry.field(
        extensions=requires_any(P.VIEW_OWN_SUBJECT, P.VIEW_INTERNAL),
        description="告知书（列入/移出名单、异议、修复、书面提醒）：企业账号仅见本企业的，"
        "内部用户见其管辖范围内的；按时间倒序",
    )
    async def notices(
        self,
        info: Info,
        subject_id: strawberry.ID | None = None,
        first: int | None = 20,
        after: str | None = None,
    ) -> Connection[Notice]:
        offset, limit = page_bounds(first, after)
        query = NoticeModel.filter(subject_id__in=scoped_subject_ids(info.context.actor))
        if subject_id is not None:
            query = query.filter(subject_id=arg_id(subject_id, "subjectId"))
        total = await query.count()
        rows = await query.order_by("-created_at", "-id").offset(offset).limit(limit)
        return connection([Notice(row=r) for r in rows], offset, total)

    @strawberry.field(
        extensions=requires_any(
            P.VIEW_OWN_SUBJECT,
            P.HANDLE_OBJECTIONS,
            P.HANDLE_REPAIRS,
            P.HANDLE_REPORTS,
            P.VIEW_INTERNAL,
        ),
        description="证明材料的内容（base64）：异议与修复申请的材料限本企业账号与管辖范围内的"
        "办理人员；举报材料仅限承办人；信用承诺书限本企业账号与管辖范围内的内部用户。"
        "无权查看或不存在时为 null",
    )
    async def evidence_file(self, info: Info, id: strawberry.ID) -> EvidenceFileContent | None:
        file_id = arg_id(id, "id")
        assert file_id is not None
        try:
            row = await read_evidence(None, info.context.actor, file_id)
        except WorkflowError:
            return None
        return EvidenceFileContent.with_content(row)


@strawberry.type
class WorkflowQueries(CaseQueries, OfficeQueries):
    pass
