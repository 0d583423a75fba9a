"""The reporter's lookup of their report by acknowledgement number and query code."""

from __future__ import annotations

from datetime import date

import strawberry

from credit.apicore import ratelimit
from credit.apicore.context import Info
from credit.apicore.errors import CodedError, ErrorCode
from credit.reports import lookup as report_lookup
from credit.reports.types import ReportOutcome, ReportStatus

# Per client address (anonymous) or per token, per minute; staff unlimited. Each lookup
# is a guess at a code, so stricter than the ordinary public limit.
REPORT_LOOKUPS_PER_MINUTE = 10
MAX_INPUT = 64


@strawberry.type(description="举报办理进度（举报人凭受理编号与查询码查询）：仅状态与公开结果")
class PublicReportProgress:
    acknowledgement_no: str
    received_on: date
    status: ReportStatus  # type: ignore[valid-type]
    status_name: str
    closed_on: date | None
    outcome: ReportOutcome | None  # type: ignore[valid-type]
    outcome_name: str | None


@strawberry.type
class ReportLookupQueries:
    @strawberry.field(
        description="举报人查询举报办理进度：须同时提供受理编号与提交时获得的查询码。编号不存在与"
        "查询码错误的回答相同（null）；按来源地址限频（RATE_LIMITED）。不含举报内容、承办人意见"
        "或举报人信息"
    )
    async def public_report_progress(
        self, info: Info, acknowledgement_no: str, query_code: str
    ) -> PublicReportProgress | None:
        if len(acknowledgement_no) > MAX_INPUT or len(query_code) > MAX_INPUT:
            raise CodedError(
                "受理编号或查询码过长", ErrorCode.INVALID_ARGUMENT, field="acknowledgementNo"
            )
        retry = await ratelimit.over_limit(
            info.context.client_addr,
            info.context.actor,
            public_bucket="report-lookup",
            public_limit=REPORT_LOOKUPS_PER_MINUTE,
        )
        if retry is not None:
            raise CodedError(
                f"查询过于频繁，请{retry}秒后再试", ErrorCode.RATE_LIMITED, retryAfter=retry
            )
        found = await report_lookup.lookup_report(acknowledgement_no, query_code)
        if found is None:
            return None
        return PublicReportProgress(
            acknowledgement_no=acknowledgement_no.strip().upper(),
            received_on=found.received_on,
            status=found.status,
            status_name=found.status_name,
            closed_on=found.closed_on,
            outcome=found.outcome,
            outcome_name=found.outcome_name,
        )
