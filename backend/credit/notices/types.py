"""GraphQL types of written notices (告知书)."""

from __future__ import annotations

from datetime import datetime

import strawberry

from credit.apicore.context import Info
from credit.casework.types import gid, gids, resolve_subject
from credit.notices import states
from credit.notices.loaders import notice_by_id
from credit.notices.models import Notice as NoticeModel
from credit.subjects.internal import Subject

NoticeKind = strawberry.enum(states.NoticeKind, description="告知书类别")

NOTICE_KIND_ZH = {
    states.NoticeKind.LISTING: "列入名单告知书",
    states.NoticeKind.REMOVAL: "移出名单告知书",
    states.NoticeKind.OBJECTION_ACCEPTED: "异议受理通知书",
    states.NoticeKind.OBJECTION_NOT_ACCEPTED: "异议不予受理通知书",
    states.NoticeKind.OBJECTION_RESULT: "异议核实结果告知书",
    states.NoticeKind.REPAIR_APPROVED: "信用修复决定书",
    states.NoticeKind.REPAIR_REJECTED: "不予信用修复决定书",
    states.NoticeKind.WRITTEN_REMINDER: "信用提醒书",
}


@strawberry.type(description="告知书（书面告知）：body 为可打印的文书全文")
class Notice:
    row: strawberry.Private[NoticeModel]
    id: strawberry.ID
    subject_id: strawberry.ID
    subject: Subject | None = strawberry.field(resolver=resolve_subject)
    kind: NoticeKind  # type: ignore[valid-type]
    kind_name: str = strawberry.field(description="文书种类（中文）")
    title: str
    body: str = strawberry.field(description="文书全文（可打印）")
    object_type: str = strawberry.field(
        description="所涉事项：objection / repair_application / reminder / subject"
    )
    object_id: str
    record_ids: list[strawberry.ID]
    created_at: datetime

    @classmethod
    def from_row(cls, n: NoticeModel) -> Notice:
        kind = states.NoticeKind(n.kind)
        return cls(
            row=n,
            id=gid(n.id),
            subject_id=gid(n.subject_id),
            kind=kind,
            kind_name=NOTICE_KIND_ZH[kind],
            title=n.title,
            body=n.body,
            object_type=n.object_type,
            object_id=n.object_id,
            record_ids=gids(n.record_ids),
            created_at=n.created_at,
        )


async def notice_of(info: Info, notice_id: int | None) -> Notice | None:
    if notice_id is None:
        return None
    row = await info.context.loaders.get(notice_by_id).load(notice_id)
    return Notice.from_row(row) if row else None
