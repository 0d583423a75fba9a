"""Queries of public reports for the bureau: the list, the reporter's identity (to the
assigned handler only, audited), the users who may handle a report."""

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
from credit.casework.error_codes import CaseError
from credit.casework.resolvers import arg_id, scoped_subject_ids
from credit.reports import states
from credit.reports.error_codes import ReportErrorCode
from credit.reports.models import PublicReport as PublicReportModel
from credit.reports.services import reveal_reporter
from credit.reports.types import PublicReport, ReporterIdentity, ReportHandler, ReportStatus

P = Permission


@strawberry.type
class ReportQueries:
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
        return connection([PublicReport.from_row(r) for r in rows], offset, total)

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
        except CaseError as exc:
            if exc.code == ReportErrorCode.NOT_FOUND:
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
