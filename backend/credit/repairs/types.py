"""GraphQL types of credit repair (信用修复): the application and its input."""

from __future__ import annotations

from datetime import date, datetime

import strawberry

from credit.apicore.context import Info
from credit.casework.resolvers import EvidenceFileInput
from credit.casework.states import Channel as ChannelEnum
from credit.casework.types import (
    Channel,
    EvidenceFileInfo,
    gid,
    gids,
    resolve_records,
    resolve_subject,
)
from credit.notices.types import Notice, notice_of
from credit.policies.facts import ListKind as ListKindEnum
from credit.records.types import CreditRecord
from credit.repairs import states
from credit.repairs.loaders import repair_evidence
from credit.repairs.models import RepairApplication as RepairModel
from credit.subjects.internal import Subject
from credit.subjects.types import ListKind

RepairStatus = strawberry.enum(
    states.RepairStatus, description="信用修复申请状态：已提交/准予修复/不予修复/已撤回"
)


async def _result_notice(root: RepairApplication, info: Info) -> Notice | None:
    return await notice_of(info, root.row.result_notice_id)


async def _evidence(root: RepairApplication, info: Info) -> list[EvidenceFileInfo]:
    rows = await info.context.loaders.get(repair_evidence).load(root.row.id)
    return [EvidenceFileInfo.from_model(f) for f in rows]


@strawberry.type(description="信用修复申请（第十五条）：核准即为解除决定，信息转为已修复")
class RepairApplication:
    row: strawberry.Private[RepairModel]
    id: strawberry.ID
    subject_id: strawberry.ID
    subject: Subject | None = strawberry.field(resolver=resolve_subject)
    list_kind: ListKind | None  # type: ignore[valid-type]
    record_ids: list[strawberry.ID]
    records: list[CreditRecord] = strawberry.field(resolver=resolve_records)
    channel: Channel  # type: ignore[valid-type]
    applicant_name: str
    rectification: str = strawberry.field(description="整改情况")
    status: RepairStatus  # type: ignore[valid-type]
    status_name: str
    filed_at: datetime
    decided_at: datetime | None
    decided_on: date | None
    decision_reason: str
    decision_no: str | None = strawberry.field(description="解除决定文书号")
    issuing_unit: str
    result_notice: Notice | None = strawberry.field(resolver=_result_notice)
    evidence: list[EvidenceFileInfo] = strawberry.field(resolver=_evidence)

    @classmethod
    def from_row(cls, a: RepairModel) -> RepairApplication:
        status = states.RepairStatus(a.status)
        return cls(
            row=a,
            id=gid(a.id),
            subject_id=gid(a.subject_id),
            list_kind=ListKindEnum(a.list_kind) if a.list_kind else None,
            record_ids=gids(a.record_ids),
            channel=ChannelEnum(a.channel),
            applicant_name=a.applicant_name,
            rectification=a.rectification,
            status=status,
            status_name=states.REPAIR.labels_zh[status],
            filed_at=a.filed_at,
            decided_at=a.decided_at,
            decided_on=a.decided_on,
            decision_reason=a.decision_reason,
            decision_no=a.decision_no,
            issuing_unit=a.issuing_unit,
        )


@strawberry.input(description="申请信用修复（移出名单）")
class RepairApplyInput:
    subject_id: strawberry.ID
    record_ids: list[strawberry.ID]
    rectification: str
    list_kind: ListKind | None = None  # type: ignore[valid-type]
    evidence: list[EvidenceFileInput] = strawberry.field(default_factory=list)
    applicant_name: str = ""
