"""Demo public reports (举报) a reporter can follow with their number and query code: one
still being handled, one closed. The codes are fixed (demo only) and printed by `make run`."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from tortoise.backends.base.client import BaseDBAsyncClient

from credit.accounts.models import User
from credit.core.clock import TZ
from credit.reports.lookup import query_code_digest
from credit.reports.models import PublicReport
from credit.reports.states import ReportOutcome, ReportStatus
from credit.reports.types import acknowledgement_no
from credit.subjects.models import Subject

# (query code, days ago received, closed days ago or None)
DEMO_REPORTS = (("DEMOQUERY26A", 3, None), ("DEMOQUERY26B", 40, 10))


def _at(day: date, hour: int = 10) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=TZ)


async def load_reports(
    conn: BaseDBAsyncClient, subject: Subject, today: date
) -> list[tuple[str, str, str]]:
    """The demo reports about `subject`: (acknowledgement number, query code, status)."""
    handler = await User.get(username="reviewer", using_db=conn)
    out = []
    for code, received_days, closed_days in DEMO_REPORTS:
        received = _at(today - timedelta(days=received_days))
        closed = _at(today - timedelta(days=closed_days)) if closed_days is not None else None
        report = await PublicReport.create(
            subject_id=subject.id,
            content="演示举报：该企业在居民小区安装监控设备未按规定备案。",
            query_code_hash=query_code_digest(code),
            received_at=received,
            status=ReportStatus.CLOSED if closed else ReportStatus.TRIAGED,
            handler_user_id=handler.id,
            triaged_at=received + timedelta(days=1),
            triage_note="转市局审核员核查",
            investigation_started_at=received + timedelta(days=2) if closed else None,
            closed_at=closed,
            outcome=ReportOutcome.SUBSTANTIATED if closed else None,
            outcome_note="现场核查属实，已责令整改（内部意见，不对举报人公开）" if closed else "",
            using_db=conn,
        )
        out.append((acknowledgement_no(report), code, "已办结" if closed else "已分办"))
    return out
