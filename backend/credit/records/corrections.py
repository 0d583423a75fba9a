"""The correction loop: a draft is edited in place; a rejected record is reopened as a
draft (credit.records.lifecycle.Action.REOPEN) and a draft withdrawn (Action.DELETE), both
through services.transition so the record's history keeps every step."""

from __future__ import annotations

from tortoise.backends.base.client import BaseDBAsyncClient

from credit.core import clock
from credit.policies.facts import RecordStatus
from credit.records.models import CreditRecord, Decision, Sanction, Violation
from credit.records.services import (
    RecordInput,
    RecordInputError,
    check_type_known,
    decision_for,
    validate_record_input,
)
from credit.subjects.models import Subject

# The fields a draft's edit replaces (the provider unit, author, source and key stay).
EDITABLE = (
    "type",
    "situation_code",
    "inspection_passed",
    "summary",
    "internal_note",
    "occurred_on",
    "decision_date",
    "decision_no",
    "issuing_unit",
    "legal_basis",
    "public_until_override",
    "retention_until_override",
    "provider_person",
)


class NotADraft(ValueError):
    pass


def snapshot(record: CreditRecord) -> dict[str, object]:
    """The edited fields as the audit trail keeps them (dates as ISO text)."""
    out: dict[str, object] = {}
    for name in ("status", *EDITABLE):
        value = getattr(record, name)
        out[name] = value.isoformat() if hasattr(value, "isoformat") else value
    return out


async def _only_user(decision_id: int, record_id: int, conn: BaseDBAsyncClient | None) -> bool:
    """Whether the decision backs no record but this one (then the draft owns it)."""
    return not await (
        CreditRecord.filter(decision_id=decision_id).exclude(id=record_id).using_db(conn).exists()
    )


async def update_draft(
    record: CreditRecord, subject: Subject, data: RecordInput, conn: BaseDBAsyncClient | None
) -> CreditRecord:
    """Replace a draft's fields with `data` (checked as a new record would be). A decision
    entered with the draft and used by nothing else is rewritten with it, or dropped when
    the draft no longer names one; a decision shared with other records is left alone."""
    if record.status != RecordStatus.DRAFT:
        raise NotADraft(record.status)
    await check_type_known(subject, data.type, conn)
    category = validate_record_input(data, clock.today())
    old_id = record.decision_id
    owned = old_id is not None and await _only_user(old_id, record.id, conn)
    new_decision: Decision | None = None
    if owned and data.decision_no and data.decision_date is not None:
        assert old_id is not None
        clash = (
            await Decision.filter(
                jurisdiction_id=subject.jurisdiction_id, document_no=data.decision_no
            )
            .exclude(id=old_id)
            .using_db(conn)
            .exists()
        )
        if not clash:
            new_decision = await _rewrite_decision(old_id, data, conn)
    if new_decision is None:
        record.decision_id = None
        await record.save(using_db=conn, update_fields=["decision_id"])
        if owned:
            assert old_id is not None
            await Decision.filter(id=old_id).using_db(conn).delete()
        new_decision = await decision_for(subject, data, conn)
    record.decision_id = new_decision.id if new_decision else None
    record.category = category
    for name in EDITABLE:
        setattr(record, name, getattr(data, name))
    await record.save(using_db=conn)
    return record


async def _rewrite_decision(
    decision_id: int, data: RecordInput, conn: BaseDBAsyncClient | None
) -> Decision:
    from credit.records.services import write_violations

    decision = await Decision.get(id=decision_id, using_db=conn)
    decision.document_no = data.decision_no or ""
    assert data.decision_date is not None
    decision.decided_on = data.decision_date
    decision.issuing_unit = data.issuing_unit
    decision.legal_basis = data.legal_basis
    await decision.save(using_db=conn)
    old = Violation.filter(decision_id=decision_id).using_db(conn)
    await Sanction.filter(violation_id__in=[v.id for v in await old]).using_db(conn).delete()
    await old.delete()
    await write_violations(decision, data, conn)
    return decision


def check_author(record: CreditRecord, user_id: int | None) -> None:
    """Deleting a draft is its author's act (drafts were never public)."""
    if record.created_by_id is None or record.created_by_id != user_id:
        raise RecordInputError("id", "只有录入人可以删除自己的草稿", "OUT_OF_SCOPE")
