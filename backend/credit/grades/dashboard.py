"""The console dashboard: counts a bureau looks at every morning, within the caller's scope."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

import strawberry
from tortoise.expressions import Q, Subquery

from credit.accounts.permissions import Permission, requires
from credit.apicore.context import Info
from credit.core import clock
from credit.core.orm import flat
from credit.grades.models import Evaluation
from credit.lists.models import ListEntry
from credit.policies.facts import RecordStatus
from credit.records.models import CreditRecord
from credit.subjects.models import District
from credit.subjects.scope import subjects_in_scope


@strawberry.type
class CountItem:
    key: str
    label: str
    count: int


@strawberry.type
class MonthCount:
    month: str  # YYYY-MM
    key: str
    count: int


@strawberry.type(description="驾驶舱统计（按调用者的数据范围）")
class DashboardStats:
    subjects: int
    grades: list[CountItem]
    lists: list[CountItem]
    records_by_district: list[CountItem]
    records_by_status: list[CountItem]
    listings_by_month: list[MonthCount]
    objections_by_deadline: list[CountItem]
    returned_records: int = strawberry.field(
        description="已退回待修改的信用信息（审核退回，录入单位须修改后重新提交）"
    )


GRADE_LABELS = {"A": "A 信用优良", "B": "B 一般失信", "C": "C 严重失信", "UNGRADED": "未评级"}
LIST_LABELS = {"RED": "红名单", "WATCH": "警示目录", "BLACK": "黑名单"}
MONTHS = 12


@strawberry.type
class DashboardQueries:
    @strawberry.field(extensions=requires(Permission.VIEW_INTERNAL), description="驾驶舱统计")
    async def dashboard(self, info: Info) -> DashboardStats:
        from credit.objections.deadlines import list_open_objections

        actor = info.context.actor
        scope = subjects_in_scope(actor)
        ids = Subquery(scope.values("id"))
        today = clock.today()
        total = await scope.count()
        grades: Counter[str] = Counter(
            await flat(
                Evaluation.filter(subject_id__in=ids, grade__isnull=False).values_list(
                    "grade", flat=True
                )
            )
        )
        active = ListEntry.filter(subject_id__in=ids, since__lte=today).filter(
            Q(until__isnull=True) | Q(until__gt=today)
        )
        lists: Counter[str] = Counter(await flat(active.values_list("kind", flat=True)))
        districts = {d.id: d.name for d in await District.all()}
        by_district: Counter[int] = Counter(
            await flat(
                CreditRecord.filter(subject_id__in=ids).values_list(
                    "subject__district_id", flat=True
                )
            )
        )
        by_status: Counter[str] = Counter(
            await flat(CreditRecord.filter(subject_id__in=ids).values_list("status", flat=True))
        )
        start = (today.replace(day=1) - timedelta(days=31 * (MONTHS - 1))).replace(day=1)
        published = await CreditRecord.filter(
            subject_id__in=ids,
            status=RecordStatus.PUBLISHED,
            type__in=["watch_list_case", "inspection", "blacklist", "red_list"],
            published_at__gte=clock.local_midnight(start),
        ).values_list("type", "published_at")
        months: Counter[tuple[str, str]] = Counter(
            (at.astimezone(clock.TZ).strftime("%Y-%m"), t) for t, at in published
        )
        open_objections = await list_open_objections(jurisdiction_id=actor.jurisdiction_id)
        if actor.district_id is not None:
            mine = set(await flat(scope.values_list("id", flat=True)))
            open_objections = [o for o in open_objections if o.objection.subject_id in mine]
        buckets = Counter(
            "overdue"
            if o.overdue
            else "due_soon"
            if o.due_soon
            else "not_accepted"
            if o.due_on is None
            else "on_time"
            for o in open_objections
        )
        returned = await CreditRecord.filter(
            subject_id__in=ids, status=RecordStatus.REJECTED
        ).count()
        return DashboardStats(
            subjects=total,
            returned_records=returned,
            grades=[
                CountItem(key=k, label=v, count=grades.get(k, 0)) for k, v in GRADE_LABELS.items()
            ],
            lists=[
                CountItem(key=k, label=v, count=lists.get(k, 0)) for k, v in LIST_LABELS.items()
            ],
            records_by_district=sorted(
                (
                    CountItem(key=str(k), label=districts.get(k, "?"), count=n)
                    for k, n in by_district.items()
                ),
                key=lambda c: -c.count,
            ),
            records_by_status=[
                CountItem(key=str(k), label=str(k), count=n) for k, n in sorted(by_status.items())
            ],
            listings_by_month=[
                MonthCount(month=m, key=t, count=n) for (m, t), n in sorted(months.items())
            ],
            objections_by_deadline=[
                CountItem(key=k, label=label, count=buckets.get(k, 0))
                for k, label in (
                    ("overdue", "已逾期"),
                    ("due_soon", "3个工作日内到期"),
                    ("on_time", "期限内"),
                    ("not_accepted", "待受理"),
                )
            ],
        )
