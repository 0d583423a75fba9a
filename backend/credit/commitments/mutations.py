"""Mutations of the commitments register, named noun first: commitmentRegister,
commitmentWithdraw, commitmentBreachLink. Each: declared permission, one transaction, an
audit event, typed errors in the payload."""

from __future__ import annotations

import base64
import binascii
from datetime import date

import strawberry
from tortoise.backends.base.client import BaseDBAsyncClient

from credit.accounts.permissions import Permission, requires
from credit.apicore.context import Info
from credit.apicore.mutations import MutationFailed, Outcome, run_mutation
from credit.casework.error_codes import CaseError
from credit.casework.evidence import EvidenceInput, store_evidence
from credit.casework.policy import params_of
from credit.casework.resolvers import EvidenceFileInput
from credit.commitments import services
from credit.commitments.error_codes import CommitmentError, CommitmentErrorCode
from credit.commitments.models import Commitment as CommitmentModel
from credit.commitments.models import CommitmentBreach, CommitmentState
from credit.commitments.types import Commitment
from credit.core import clock
from credit.records.models import CreditRecord
from credit.subjects.models import Subject
from credit.subjects.scope import writable


@strawberry.input(description="登记信用承诺；承诺内容留空则采用该类型的标准文本")
class CommitmentRegisterInput:
    subject_id: strawberry.ID
    kind: str
    matter: str
    signed_on: date
    receiving_unit: str = strawberry.field(default="", description="受理单位；留空为登记人所在单位")
    content: str = ""
    valid_until: date | None = None
    document: EvidenceFileInput | None = strawberry.field(
        default=None, description="承诺书扫描件（PDF、JPEG、PNG、OFD、DOCX）"
    )


@strawberry.type
class CommitmentPayload:
    commitment: Commitment | None
    errors: list[CommitmentError]


def _int_id(value: str, field: str) -> int:
    try:
        return int(value)
    except (TypeError, ValueError) as exc:
        raise MutationFailed(f"无效的编号：{value}", CommitmentErrorCode.INVALID, field) from exc


def _snapshot(c: CommitmentModel) -> dict[str, object]:
    return {
        "subject_id": c.subject_id,
        "kind": c.kind,
        "matter": c.matter,
        "signed_on": c.signed_on.isoformat(),
        "state": c.state.value if hasattr(c.state, "value") else c.state,
    }


async def _subject_for_write(
    info: Info, subject_id: int, conn: BaseDBAsyncClient, missing: MutationFailed
) -> Subject:
    """The subject, locked first (lock order: credit.casework.access); one answer for
    "does not exist" and "outside your scope"."""
    subject = (
        await Subject.filter(id=subject_id).using_db(conn).select_for_update(no_key=True).first()
    )
    if subject is None or not await writable(info.context.actor, subject):
        raise missing
    return subject


async def _commitment_for_write(
    info: Info, commitment_id: int, conn: BaseDBAsyncClient
) -> tuple[Subject, CommitmentModel]:
    missing = MutationFailed("信用承诺不存在", CommitmentErrorCode.NOT_FOUND, "id")
    seen = await CommitmentModel.filter(id=commitment_id).using_db(conn).first()
    if seen is None:
        raise missing
    subject = await _subject_for_write(info, seen.subject_id, conn, missing)
    row = await CommitmentModel.filter(id=commitment_id).using_db(conn).select_for_update().first()
    assert row is not None  # never deleted
    return subject, row


def _document(doc: EvidenceFileInput | None) -> list[EvidenceInput]:
    if doc is None:
        return []
    try:
        content = base64.b64decode("".join(doc.base64.split()), validate=True)
    except (binascii.Error, ValueError) as exc:
        raise MutationFailed(
            "承诺书文件的 base64 编码无效", CommitmentErrorCode.INVALID, "document"
        ) from exc
    return [EvidenceInput(name=doc.name, content_type=doc.content_type, content=content)]


def _invalid(
    exc: services.CommitmentInputError | CaseError, field: str | None = None
) -> MutationFailed:
    field = field or getattr(exc, "field", None)
    return MutationFailed(str(exc), CommitmentErrorCode.INVALID, field)


async def link_breach(
    conn: BaseDBAsyncClient, info: Info, record: CreditRecord, commitment_id: int
) -> CommitmentModel:
    """Names `commitment_id` as the commitment `record` breaches (validated: same subject,
    a licence-type commitment, a 违反许可承诺书 record). The caller holds the subject's lock.
    Also used by creditRecordCreate (its commitmentId)."""
    missing = MutationFailed("信用承诺不存在", CommitmentErrorCode.NOT_FOUND, "commitmentId")
    commitment = await CommitmentModel.filter(id=commitment_id).using_db(conn).first()
    if commitment is None or not await writable(
        info.context.actor, await Subject.get(id=commitment.subject_id, using_db=conn)
    ):
        raise missing
    try:
        services.check_breach(
            record_type=record.type,
            record_subject_id=record.subject_id,
            commitment_subject_id=commitment.subject_id,
            commitment_kind=commitment.kind,
            commitment_withdrawn=commitment.state == CommitmentState.WITHDRAWN,
            signed_on=commitment.signed_on,
            occurred_on=record.occurred_on,
        )
    except services.CommitmentInputError as exc:
        raise _invalid(exc) from exc
    if await CommitmentBreach.filter(record_id=record.id).using_db(conn).exists():
        raise MutationFailed(
            "该信用信息已关联一项承诺", CommitmentErrorCode.INVALID_STATE, "recordId"
        )
    await CommitmentBreach.create(
        commitment_id=commitment.id,
        record_id=record.id,
        linked_by_id=info.context.actor.user_id,
        using_db=conn,
    )
    return commitment


@strawberry.type
class CommitmentMutations:
    @strawberry.mutation(
        extensions=requires(Permission.MANAGE_SUBJECTS),
        description="登记主体签署的信用承诺（如许可承诺书），可附承诺书文件",
    )
    async def commitment_register(
        self, info: Info, input: CommitmentRegisterInput
    ) -> CommitmentPayload:
        async def body(conn: BaseDBAsyncClient) -> Outcome:
            actor = info.context.actor
            missing = MutationFailed("主体不存在", CommitmentErrorCode.NOT_FOUND, "subjectId")
            subject = await _subject_for_write(
                info, _int_id(input.subject_id, "subjectId"), conn, missing
            )
            data = services.CommitmentInput(
                kind=input.kind,
                matter=input.matter,
                signed_on=input.signed_on,
                receiving_unit=input.receiving_unit or actor.unit_name,
                content=input.content,
                valid_until=input.valid_until,
            )
            try:
                checked = services.check_input(data, clock.today())
            except services.CommitmentInputError as exc:
                raise _invalid(exc) from exc
            files = _document(input.document)
            row = await CommitmentModel.create(
                subject_id=subject.id,
                kind=checked.kind,
                matter=checked.matter,
                content=checked.content,
                from_template=checked.from_template,
                signed_on=checked.signed_on,
                valid_until=checked.valid_until,
                receiving_unit=checked.receiving_unit,
                registered_by_id=actor.user_id,
                registered_unit_id=actor.unit_id,
                using_db=conn,
            )
            if files:
                try:
                    await store_evidence(
                        conn, actor, "commitment", row.id, files, await params_of(conn, subject)
                    )
                except CaseError as exc:
                    raise _invalid(exc, "document") from exc
            return Outcome(row, "commitment", row.id, None, _snapshot(row))

        value, errors = await run_mutation(info, "commitment.register", body, CommitmentError)
        return CommitmentPayload(
            commitment=Commitment.from_model(value) if value else None, errors=errors
        )

    @strawberry.mutation(
        extensions=requires(Permission.MANAGE_SUBJECTS),
        description="撤回信用承诺（须填写理由）：不再公示，记录保留",
    )
    async def commitment_withdraw(
        self, info: Info, id: strawberry.ID, reason: str
    ) -> CommitmentPayload:
        async def body(conn: BaseDBAsyncClient) -> Outcome:
            try:
                text = services.check_reason(reason)
            except services.CommitmentInputError as exc:
                raise _invalid(exc) from exc
            _, row = await _commitment_for_write(info, _int_id(id, "id"), conn)
            if row.state == CommitmentState.WITHDRAWN:
                raise MutationFailed("该承诺已撤回", CommitmentErrorCode.INVALID_STATE, "id")
            before = _snapshot(row)
            row.state = CommitmentState.WITHDRAWN
            row.withdrawn_at = clock.now()
            row.withdraw_reason = text
            await row.save(
                using_db=conn, update_fields=["state", "withdrawn_at", "withdraw_reason"]
            )
            return Outcome(row, "commitment", row.id, before, {**_snapshot(row), "reason": text})

        value, errors = await run_mutation(info, "commitment.withdraw", body, CommitmentError)
        return CommitmentPayload(
            commitment=Commitment.from_model(value) if value else None, errors=errors
        )

    @strawberry.mutation(
        extensions=requires(Permission.MANAGE_SUBJECTS),
        description="将“违反许可承诺书”类信用信息关联到其违反的承诺（须属同一主体）",
    )
    async def commitment_breach_link(
        self, info: Info, commitment_id: strawberry.ID, record_id: strawberry.ID
    ) -> CommitmentPayload:
        async def body(conn: BaseDBAsyncClient) -> Outcome:
            rid = _int_id(record_id, "recordId")
            cid = _int_id(commitment_id, "commitmentId")
            missing = MutationFailed("信用信息不存在", CommitmentErrorCode.NOT_FOUND, "recordId")
            record = await CreditRecord.filter(id=rid).using_db(conn).first()
            if record is None:
                raise missing
            await _subject_for_write(info, record.subject_id, conn, missing)
            commitment = await link_breach(conn, info, record, cid)
            return Outcome(
                commitment, "commitment", commitment.id, None, {"breach_record_id": record.id}
            )

        value, errors = await run_mutation(info, "commitment.breach_link", body, CommitmentError)
        return CommitmentPayload(
            commitment=Commitment.from_model(value) if value else None, errors=errors
        )
