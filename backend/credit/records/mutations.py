"""Record lifecycle mutations, named noun first: creditRecordCreate, …Submit, …Verify,
…Reject, …Publish, …Revoke; and listEntryRemove."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

import strawberry
from tortoise.backends.base.client import BaseDBAsyncClient

from credit.accounts.permissions import Permission, requires
from credit.apicore.context import Info
from credit.apicore.mutations import MutationFailed, Outcome, run_mutation
from credit.casework.filing import list_entries_now
from credit.grades.models import Evaluation
from credit.grades.services import reevaluate
from credit.lists.models import ListEntry
from credit.notices.services import on_list_change
from credit.policies.facts import ListKind as ListKindEnum
from credit.policies.facts import RecordStatus
from credit.records import services
from credit.records.error_codes import RecordError, RecordErrorCode
from credit.records.lifecycle import Action, InvalidTransition
from credit.records.models import CreditRecord as RecordModel
from credit.records.trail import record_changed_by_case
from credit.records.types import CreditRecord
from credit.subjects.models import Subject
from credit.subjects.scope import writable


@strawberry.input
class SanctionInput:
    kind: str
    amount_yuan: Decimal = Decimal(0)


@strawberry.input
class ViolationInput:
    type_code: str
    domain: str
    sanctions: list[SanctionInput]
    description: str = ""


@strawberry.input(description="信用信息的字段（录入与由举报生成共用）")
class RecordFieldsInput:
    type: str
    occurred_on: date
    summary: str
    situation_code: str | None = None
    inspection_passed: bool | None = None
    decision_no: str | None = None
    decision_date: date | None = None
    issuing_unit: str = ""
    legal_basis: str = ""
    violations: list[ViolationInput] = strawberry.field(default_factory=list)
    public_until_override: date | None = None
    retention_until_override: date | None = None
    provider_person: str = ""
    internal_note: str = ""

    def to_record_input(self, provider_unit_id: int | None, person: str) -> services.RecordInput:
        """The service's input; the provider (第二条: answers for truthfulness) is the
        caller's unit, and the named person or else the caller."""
        return services.RecordInput(
            type=self.type,
            occurred_on=self.occurred_on,
            summary=self.summary,
            situation_code=self.situation_code,
            inspection_passed=self.inspection_passed,
            decision_no=(self.decision_no or "").strip() or None,
            decision_date=self.decision_date,
            issuing_unit=self.issuing_unit,
            legal_basis=self.legal_basis,
            violations=[
                services.ViolationInput(
                    v.type_code,
                    v.domain,
                    v.description,
                    [services.SanctionInput(s.kind, s.amount_yuan) for s in v.sanctions],
                )
                for v in self.violations
            ],
            public_until_override=self.public_until_override,
            retention_until_override=self.retention_until_override,
            provider_unit_id=provider_unit_id,
            provider_person=self.provider_person or person,
            internal_note=self.internal_note,
        )


@strawberry.input(description="新建信用信息（草稿）")
class CreditRecordCreateInput(RecordFieldsInput):
    subject_id: strawberry.ID
    commitment_id: strawberry.ID | None = strawberry.field(
        default=None, description="违反许可承诺书：所违反的信用承诺（须属同一主体）"
    )


@strawberry.type
class CreditRecordPayload:
    credit_record: CreditRecord | None
    errors: list[RecordError]


@strawberry.type
class ListEntryRemovePayload:
    removed_record_ids: list[strawberry.ID]
    errors: list[RecordError]


def _snapshot(r: RecordModel) -> dict[str, object]:
    return {"status": r.status, "type": r.type, "subject_id": r.subject_id}


async def _subject_for_write(
    info: Info,
    subject_id: int,
    conn: BaseDBAsyncClient,
    not_found: MutationFailed | None = None,
) -> Subject:
    """The subject, locked first of all (lock order: credit.casework.access). One answer
    for "does not exist" and "outside your scope" (`not_found`, by default about the
    subject), so ids of other districts and jurisdictions cannot be told from unused ones."""
    missing = not_found or MutationFailed("主体不存在", RecordErrorCode.NOT_FOUND, "subjectId")
    subject = (
        await Subject.filter(id=subject_id).using_db(conn).select_for_update(no_key=True).first()
    )
    if subject is None or not await writable(info.context.actor, subject):
        raise missing
    return subject


def _int_id(value: str, field: str) -> int:
    try:
        return int(value)
    except (TypeError, ValueError) as exc:
        raise MutationFailed(f"无效的编号：{value}", RecordErrorCode.INVALID, field) from exc


def input_failed(exc: services.RecordInputError) -> MutationFailed:
    """A refused record input, with the rule's code (credit.records.rules) when it has one."""
    return MutationFailed(str(exc), RecordErrorCode(exc.code), exc.field)


async def _lifecycle(
    info: Info,
    record_id: strawberry.ID,
    action: Action,
    reason: str = "",
    *,
    reason_required: bool = False,
    guard: Callable[[RecordModel], None] | None = None,
) -> CreditRecordPayload:
    async def body(conn: BaseDBAsyncClient) -> Outcome:
        if reason_required:
            _reason_required(reason)
        rid = _int_id(record_id, "id")
        # Lock order (credit.casework.access): learn the subject without a lock, lock
        # the subject, then the record; if it changed while we waited, someone else
        # acted on it first.
        seen = await RecordModel.filter(id=rid).using_db(conn).first()
        missing = MutationFailed("信用信息不存在", RecordErrorCode.NOT_FOUND, "id")
        if seen is None:
            raise missing
        subject = await _subject_for_write(info, seen.subject_id, conn, missing)
        record = await RecordModel.filter(id=rid).using_db(conn).select_for_update().first()
        if record is None or record.status != seen.status:
            raise MutationFailed(
                "该信用信息刚被他人变更，本次操作未保存，请刷新后查看",
                RecordErrorCode.CONFLICT,
                "id",
            )
        before = _snapshot(record)
        entries_before = await list_entries_now(conn, subject)
        try:
            if guard is not None:
                guard(record)
            await services.transition(
                record, action, conn, by_user_id=info.context.actor.user_id, reason=reason
            )
        except InvalidTransition as exc:
            raise MutationFailed(str(exc), RecordErrorCode.INVALID_STATE, "id") from exc
        except services.RecordInputError as exc:
            raise input_failed(exc) from exc
        await _announce(info, conn, subject, entries_before, f"record:{record.id}:{action.value}")
        return Outcome(record, "credit_record", record.id, before, _snapshot(record))

    value, errors = await run_mutation(info, f"credit_record.{action.value}", body, RecordError)
    return CreditRecordPayload(
        credit_record=CreditRecord.from_model(value) if value else None, errors=errors
    )


async def _announce(
    info: Info,
    conn: BaseDBAsyncClient,
    subject: Subject,
    entries_before: list[dict[str, object]],
    change_id: str,
    removal_reason: str | None = None,
) -> None:
    """Notices and publication events (SY 第十二条) for list entries the change added or
    removed, written in the same transaction (the outbox delivers them after commit)."""
    stored = await Evaluation.get(subject_id=subject.id, using_db=conn)
    # The notice's default wording unless the caller gives the reason.
    extra: dict[str, Any] = {"removal_reason": removal_reason} if removal_reason else {}
    await on_list_change(
        conn,
        info.context.actor,
        subject,
        entries_before,
        stored.payload["list_entries"],
        change_id=change_id,
        **extra,
    )


def _reason_required(reason: str) -> None:
    if not reason.strip():
        raise MutationFailed("须填写理由", RecordErrorCode.INVALID, "reason")


@strawberry.type
class RecordMutations:
    @strawberry.mutation(
        extensions=requires(Permission.ENTER_RECORDS), description="录入信用信息（草稿）"
    )
    async def credit_record_create(
        self, info: Info, input: CreditRecordCreateInput
    ) -> CreditRecordPayload:
        async def body(conn: BaseDBAsyncClient) -> Outcome:
            subject = await _subject_for_write(info, _int_id(input.subject_id, "subjectId"), conn)
            actor = info.context.actor
            data = input.to_record_input(actor.unit_id, actor.display_name)
            try:
                record = await services.create_record(
                    subject, data, conn, by_user_id=info.context.actor.user_id
                )
            except services.RecordInputError as exc:
                raise input_failed(exc) from exc
            if input.commitment_id:
                from credit.commitments.mutations import link_breach

                await link_breach(conn, info, record, _int_id(input.commitment_id, "commitmentId"))
            return Outcome(
                record, "credit_record", record.id, None, _snapshot(record), public_change=False
            )

        value, errors = await run_mutation(info, "credit_record.create", body, RecordError)
        return CreditRecordPayload(
            credit_record=CreditRecord.from_model(value) if value else None, errors=errors
        )

    @strawberry.mutation(extensions=requires(Permission.ENTER_RECORDS), description="提交审核")
    async def credit_record_submit(self, info: Info, id: strawberry.ID) -> CreditRecordPayload:
        return await _lifecycle(info, id, Action.SUBMIT)

    @strawberry.mutation(extensions=requires(Permission.REVIEW_RECORDS), description="审核通过")
    async def credit_record_verify(
        self, info: Info, id: strawberry.ID, comment: str = ""
    ) -> CreditRecordPayload:
        return await _lifecycle(info, id, Action.VERIFY, comment)

    @strawberry.mutation(
        extensions=requires(Permission.REVIEW_RECORDS), description="退回（须填写理由）"
    )
    async def credit_record_reject(
        self, info: Info, id: strawberry.ID, reason: str
    ) -> CreditRecordPayload:
        return await _lifecycle(info, id, Action.REJECT, reason, reason_required=True)

    @strawberry.mutation(extensions=requires(Permission.PUBLISH_RECORDS), description="公布")
    async def credit_record_publish(self, info: Info, id: strawberry.ID) -> CreditRecordPayload:
        return await _lifecycle(info, id, Action.PUBLISH)

    @strawberry.mutation(
        extensions=requires(Permission.DECIDE_LISTS), description="撤销（如异议成立）"
    )
    async def credit_record_revoke(
        self, info: Info, id: strawberry.ID, reason: str
    ) -> CreditRecordPayload:
        return await _lifecycle(info, id, Action.REVOKE, reason, reason_required=True)

    @strawberry.mutation(
        extensions=requires(Permission.DECIDE_LISTS),
        description="解除名单（第十五条）：名单所依据的信用信息转为已修复，即时停止公示与计数",
    )
    async def list_entry_remove(
        self,
        info: Info,
        subject_id: strawberry.ID,
        list: ListKindEnum,  # the class strawberry.enum registered as ListKind (subjects.enums)
        reason: str,
    ) -> ListEntryRemovePayload:
        async def body(conn: BaseDBAsyncClient) -> Outcome:
            _reason_required(reason)
            subject = await _subject_for_write(info, _int_id(subject_id, "subjectId"), conn)
            await reevaluate(subject, conn)
            entries_before = await list_entries_now(conn, subject)
            entries = await ListEntry.filter(
                subject_id=subject.id, kind=ListKindEnum(list)
            ).using_db(conn)
            if not entries:
                raise MutationFailed(
                    "该主体当前不在此名单上", RecordErrorCode.INVALID_STATE, "list"
                )
            ids = sorted({rid for e in entries for rid in e.record_ids})
            records = (
                await RecordModel.filter(id__in=ids, status=RecordStatus.PUBLISHED)
                .using_db(conn)
                .select_for_update()
                .order_by("id")
            )
            for record in records:
                await services.transition(
                    record,
                    Action.REPAIR,
                    conn,
                    by_user_id=info.context.actor.user_id,
                    reason=reason,
                    reevaluate_subject=False,
                )
            await reevaluate(subject, conn)
            await record_changed_by_case(
                conn,
                info.context,
                [r.id for r in records],
                RecordStatus.REPAIRED,
                "list_entry_remove",
                subject.id,
            )
            change = f"list_entry_remove:{subject.id}:{list.value}:{'-'.join(map(str, ids))}"
            await _announce(info, conn, subject, entries_before, change, reason)
            return Outcome(
                [r.id for r in records],
                "subject",
                subject.id,
                {"list": list.value},
                {"repaired_record_ids": [r.id for r in records]},
            )

        value, errors = await run_mutation(info, "list_entry.remove", body, RecordError)
        return ListEntryRemovePayload(
            removed_record_ids=[strawberry.ID(str(i)) for i in value or []], errors=errors
        )
