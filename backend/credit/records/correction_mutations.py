"""The correction loop's mutations: creditRecordUpdate (edit a draft), creditRecordDelete
(its author withdraws a draft) and creditRecordReopen (a rejected record back to draft)."""

from __future__ import annotations

import strawberry
from tortoise.backends.base.client import BaseDBAsyncClient

from credit.accounts.permissions import Permission, requires
from credit.apicore.context import Info
from credit.apicore.mutations import MutationFailed, Outcome, run_mutation
from credit.records import corrections
from credit.records.error_codes import RecordError, RecordErrorCode
from credit.records.lifecycle import Action
from credit.records.models import CreditRecord as RecordModel
from credit.records.mutations import (
    CreditRecordPayload,
    RecordFieldsInput,
    _int_id,
    _lifecycle,
    _subject_for_write,
    input_failed,
)
from credit.records.services import RecordInputError
from credit.records.types import CreditRecord


@strawberry.type
class CorrectionMutations:
    @strawberry.mutation(
        extensions=requires(Permission.ENTER_RECORDS),
        description="修改草稿（录入人或同一数据范围内有录入权限者）；规则与新录入相同",
    )
    async def credit_record_update(
        self, info: Info, id: strawberry.ID, input: RecordFieldsInput
    ) -> CreditRecordPayload:
        async def body(conn: BaseDBAsyncClient) -> Outcome:
            rid = _int_id(id, "id")
            missing = MutationFailed("信用信息不存在", RecordErrorCode.NOT_FOUND, "id")
            seen = await RecordModel.filter(id=rid).using_db(conn).first()
            if seen is None:
                raise missing
            subject = await _subject_for_write(info, seen.subject_id, conn, missing)
            record = await RecordModel.filter(id=rid).using_db(conn).select_for_update().first()
            if record is None:
                raise missing
            before = corrections.snapshot(record)
            person = record.provider_person or info.context.actor.display_name
            data = input.to_record_input(record.provider_unit_id, person)
            try:
                await corrections.update_draft(record, subject, data, conn)
            except corrections.NotADraft as exc:
                raise MutationFailed(
                    "只有草稿可以修改（已退回的信息请先“重新编辑”）",
                    RecordErrorCode.INVALID_STATE,
                    "id",
                ) from exc
            except RecordInputError as exc:
                raise input_failed(exc) from exc
            after = corrections.snapshot(record)
            return Outcome(record, "credit_record", record.id, before, after, public_change=False)

        value, errors = await run_mutation(info, "credit_record.update", body, RecordError)
        return CreditRecordPayload(
            credit_record=CreditRecord.from_model(value) if value else None, errors=errors
        )

    @strawberry.mutation(
        extensions=requires(Permission.ENTER_RECORDS),
        description="删除草稿（仅录入人；草稿从未公开，历史与审计记录保留）",
    )
    async def credit_record_delete(self, info: Info, id: strawberry.ID) -> CreditRecordPayload:
        user_id = info.context.actor.user_id

        def author_only(record: RecordModel) -> None:
            corrections.check_author(record, user_id)

        return await _lifecycle(info, id, Action.DELETE, guard=author_only)

    @strawberry.mutation(
        extensions=requires(Permission.ENTER_RECORDS),
        description="重新编辑：已退回的信息回到草稿（退回理由与历史保留）",
    )
    async def credit_record_reopen(
        self, info: Info, id: strawberry.ID, reason: str = ""
    ) -> CreditRecordPayload:
        return await _lifecycle(info, id, Action.REOPEN, reason.strip())
