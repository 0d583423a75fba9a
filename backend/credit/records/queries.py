"""One record by id, for the console's edit form (inside the caller's data scope)."""

from __future__ import annotations

import strawberry
from tortoise.expressions import Subquery

from credit.accounts.permissions import Permission, requires
from credit.apicore.context import Info
from credit.apicore.errors import CodedError, ErrorCode
from credit.records.models import CreditRecord as RecordModel
from credit.records.types import CreditRecord
from credit.subjects.scope import subjects_in_scope


@strawberry.type
class RecordQueries:
    @strawberry.field(
        extensions=requires(Permission.VIEW_INTERNAL), description="一条信用信息（内部）"
    )
    async def credit_record(self, info: Info, id: strawberry.ID) -> CreditRecord | None:
        try:
            rid = int(id)
        except ValueError as exc:
            raise CodedError("无效的编号", ErrorCode.INVALID_ARGUMENT, field="id") from exc
        scoped = Subquery(subjects_in_scope(info.context.actor).values("id"))
        row = await RecordModel.filter(id=rid, subject_id__in=scoped).first()
        return CreditRecord.from_model(row) if row else None
