"""GraphQL pieces every case type shares: ids, the subject and records a case is about,
the unit that handles it, its evidence files, and the filing channel."""

from __future__ import annotations

import base64
from collections.abc import Iterable
from datetime import datetime
from typing import Any

import strawberry

from credit.accounts.loaders import unit_by_id
from credit.apicore.context import Info
from credit.casework import states
from credit.casework.models import EvidenceFile as EvidenceFileModel
from credit.records.loaders import record_by_id
from credit.records.types import CreditRecord
from credit.subjects.internal import Subject
from credit.subjects.loaders import subject_by_id
from credit.subjects.scope import record_visible_to

Channel = strawberry.enum(
    states.Channel, description="提交方式：网上（企业账号）/书面（审核员录入）"
)


def gid(value: int) -> strawberry.ID:
    return strawberry.ID(str(value))


def gids(values: Iterable[int]) -> list[strawberry.ID]:
    return [gid(i) for i in values]


async def subject_of(info: Info, subject_id: int) -> Subject | None:
    row = await info.context.loaders.get(subject_by_id).load(subject_id)
    return Subject.from_model(row) if row else None


async def records_of(info: Info, ids: list[int]) -> list[CreditRecord]:
    rows = await info.context.loaders.get(record_by_id).load_many(ids)
    actor = info.context.actor
    return [
        CreditRecord.from_model(r) for r in rows if r is not None and record_visible_to(actor, r)
    ]


async def unit_name_of(info: Info, unit_id: int | None) -> str | None:
    if unit_id is None:
        return None
    unit = await info.context.loaders.get(unit_by_id).load(unit_id)
    return unit.name if unit else None


# Resolvers for the types whose `row` (a strawberry.Private) has `subject_id` and
# `record_ids`: objections, repair applications, notices, reminders, public reports.
async def resolve_subject(root: Any, info: Info) -> Subject | None:
    return await subject_of(info, root.row.subject_id)


async def resolve_records(root: Any, info: Info) -> list[CreditRecord]:
    return await records_of(info, root.row.record_ids)


@strawberry.type(description="证明材料（元数据；内容经 evidenceFile 查询）")
class EvidenceFileInfo:
    id: strawberry.ID
    name: str
    content_type: str
    size: int
    sha256: str
    created_at: datetime

    @classmethod
    def from_model(cls, f: EvidenceFileModel) -> EvidenceFileInfo:
        return cls(
            id=gid(f.id),
            name=f.name,
            content_type=f.content_type,
            size=f.size,
            sha256=f.sha256,
            created_at=f.created_at,
        )


@strawberry.type(description="证明材料（含 base64 编码的内容）")
class EvidenceFileContent(EvidenceFileInfo):
    base64: str

    @classmethod
    def with_content(cls, f: EvidenceFileModel) -> EvidenceFileContent:
        return cls(
            id=gid(f.id),
            name=f.name,
            content_type=f.content_type,
            size=f.size,
            sha256=f.sha256,
            created_at=f.created_at,
            base64=base64.b64encode(f.content).decode(),
        )
