"""Creating records and moving them through their lifecycle. Every change re-evaluates
the subject in the same transaction (the caller's `conn`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from tortoise.backends.base.client import BaseDBAsyncClient

from credit.core import clock
from credit.grades.services import reevaluate
from credit.policies.catalogues import INFO_TYPES_BY_CODE, WATCH_SITUATIONS_BY_CODE
from credit.policies.facts import Category, RecordStatus
from credit.records import rules
from credit.records.amounts import InvalidAmount, check_amount
from credit.records.lifecycle import Action, next_status
from credit.records.models import CreditRecord, Decision, RecordTransition, Sanction, Violation
from credit.subjects.models import Subject


class RecordInputError(ValueError):
    """`code`: a rules.RuleCode when a legal-completeness rule failed, else "INVALID"."""

    def __init__(self, field: str, message: str, code: str = "INVALID") -> None:
        super().__init__(message)
        self.field = field
        self.code = code


@dataclass(slots=True)  # a bulk import holds one per row
class SanctionInput:
    kind: str
    amount_yuan: Decimal = Decimal(0)


@dataclass(slots=True)  # a bulk import holds one per row
class ViolationInput:
    type_code: str
    domain: str
    description: str = ""
    sanctions: list[SanctionInput] = field(default_factory=list)


@dataclass(slots=True)  # a bulk import holds one per row
class RecordInput:
    type: str
    occurred_on: date
    summary: str
    situation_code: str | None = None
    inspection_passed: bool | None = None
    decision_no: str | None = None
    decision_date: date | None = None
    issuing_unit: str = ""
    legal_basis: str = ""
    violations: list[ViolationInput] = field(default_factory=list)
    public_until_override: date | None = None
    retention_until_override: date | None = None
    provider_unit_id: int | None = None
    provider_person: str = ""
    internal_note: str = ""
    source: str = "internal"
    external_key: str | None = None


def validate_record_input(data: RecordInput, today: date) -> Category:
    """Plain checks of a record before anything is written; returns its category."""
    if not rules.enterable(data.type):
        raise RecordInputError("type", f"未知或不可手工录入的信息类型：{data.type}")
    info_type = INFO_TYPES_BY_CODE[data.type]
    _check_rules(data, today)
    if rules.takes_situation(data.type):
        if data.situation_code not in WATCH_SITUATIONS_BY_CODE:
            raise RecordInputError("situationCode", "列入警示目录须选择第九条所列情形（s01–s26）")
    elif data.situation_code is not None:
        raise RecordInputError("situationCode", "只有“列入警示目录”信息才有第九条情形")
    if rules.takes_inspection_result(data.type) and data.inspection_passed is None:
        raise RecordInputError("inspectionPassed", "检查结果须注明是否合格")
    if data.decision_date is not None and not data.decision_no:
        raise RecordInputError("decisionNo", "有决定日期时须填写决定文书号")
    if data.violations and not (data.decision_no and data.decision_date):
        raise RecordInputError("violations", "违法行为须附于一份决定（文书号与日期）")
    _check_violations(data)
    if not data.summary.strip():
        raise RecordInputError("summary", "须填写信息摘要")
    return info_type.category


def _check_violations(data: RecordInput) -> None:
    """Each violation: a known domain, a type, at least one sanction of a known kind, an
    amount within bounds and only where the kind takes one. Amounts are normalised."""
    from credit.policies.catalogues import SANCTION_KINDS_BY_CODE, VIOLATION_DOMAINS_BY_CODE

    for i, v in enumerate(data.violations):
        if v.domain not in VIOLATION_DOMAINS_BY_CODE:
            raise RecordInputError(f"violations[{i}].domain", f"未知的违法领域：{v.domain}")
        if not v.type_code.strip():
            raise RecordInputError(f"violations[{i}].typeCode", "须填写违法行为类别")
        if not v.sanctions:
            raise RecordInputError(f"violations[{i}].sanctions", "每个违法行为至少一项处理")
        for j, s in enumerate(v.sanctions):
            kind = SANCTION_KINDS_BY_CODE.get(s.kind)
            if kind is None:
                raise RecordInputError(
                    f"violations[{i}].sanctions[{j}].kind", f"未知的处理种类：{s.kind}"
                )
            try:
                s.amount_yuan = check_amount(s.amount_yuan)
            except InvalidAmount as exc:
                field = f"violations[{i}].sanctions[{j}].amountYuan"
                raise RecordInputError(field, str(exc)) from exc
            if s.amount_yuan and not rules.sanction_takes_amount(s.kind):
                raise RecordInputError(
                    f"violations[{i}].sanctions[{j}].amountYuan",
                    f"“{kind.name_zh}”不涉及金额",
                )


async def check_type_known(
    subject: Subject, record_type: str, conn: BaseDBAsyncClient | None
) -> None:
    """Refuse a record type the subject's policy does not know (a Wugang-only type for a
    Shenyang enterprise, and the reverse): field `type`."""
    from credit.subjects.policy import jurisdiction_vocabulary

    vocab = await jurisdiction_vocabulary(subject.jurisdiction_id, conn)
    if not vocab.knows(record_type):
        info_type = INFO_TYPES_BY_CODE.get(record_type)
        name = info_type.name_zh if info_type else record_type
        raise RecordInputError(
            "type", f"该主体适用的{vocab.regulation}没有“{name}”这一信息类型，请重新选择"
        )


def _check_rules(data: RecordInput, today: date) -> None:
    amounts = [
        (f"violations[{i}].sanctions[{j}].amountYuan", s.amount_yuan)
        for i, v in enumerate(data.violations)
        for j, s in enumerate(v.sanctions)
    ]
    errors = rules.record_errors(
        data.type,
        data.occurred_on,
        data.decision_no,
        data.decision_date,
        data.issuing_unit,
        today,
        amounts,
    )
    if errors:
        first = errors[0]
        raise RecordInputError(first.field, first.message, first.code)


def check_stored_record(record: CreditRecord, today: date) -> None:
    """The rules again before a record moves on (submit, verify, publish): a record entered
    before a rule existed, or changed since, cannot slip through."""
    errors = rules.record_errors(
        record.type,
        record.occurred_on,
        record.decision_no,
        record.decision_date,
        record.issuing_unit,
        today,
    )
    if errors:
        first = errors[0]
        raise RecordInputError(first.field, first.message, first.code)


async def decision_for(
    subject: Subject, data: RecordInput, conn: BaseDBAsyncClient | None
) -> Decision | None:
    if not data.decision_no or data.decision_date is None:
        return None
    existing = await Decision.get_or_none(
        jurisdiction_id=subject.jurisdiction_id, document_no=data.decision_no, using_db=conn
    )
    if existing is not None:
        if existing.subject_id != subject.id:
            raise RecordInputError("decisionNo", f"文书号 {data.decision_no} 已属于另一主体")
        return existing
    decision = await Decision.create(
        jurisdiction_id=subject.jurisdiction_id,
        subject_id=subject.id,
        document_no=data.decision_no,
        decided_on=data.decision_date,
        issuing_unit=data.issuing_unit,
        legal_basis=data.legal_basis,
        source=data.source,
        using_db=conn,
    )
    await write_violations(decision, data, conn)
    return decision


async def write_violations(
    decision: Decision, data: RecordInput, conn: BaseDBAsyncClient | None
) -> None:
    for seq, v in enumerate(data.violations, start=1):
        violation = await Violation.create(
            decision_id=decision.id,
            seq=seq,
            type_code=v.type_code,
            domain=v.domain,
            description=v.description,
            using_db=conn,
        )
        if v.sanctions:
            await Sanction.bulk_create(
                [
                    Sanction(violation_id=violation.id, kind=s.kind, amount_yuan=s.amount_yuan)
                    for s in v.sanctions
                ],
                using_db=conn,
            )


async def create_record(
    subject: Subject,
    data: RecordInput,
    conn: BaseDBAsyncClient | None,
    *,
    by_user_id: int | None = None,
    at: datetime | None = None,
    reevaluate_subject: bool = True,
) -> CreditRecord:
    """A new record in `draft`. `at` backdates creation for historical imports."""
    at = at or clock.now()
    # The subject's policy first: a type it does not know is the fault to name, not the
    # fields that type would need.
    await check_type_known(subject, data.type, conn)
    category = validate_record_input(data, clock.today())
    decision = await decision_for(subject, data, conn)
    record = await CreditRecord.create(
        subject_id=subject.id,
        decision_id=decision.id if decision else None,
        category=category,
        type=data.type,
        situation_code=data.situation_code,
        inspection_passed=data.inspection_passed,
        summary=data.summary,
        internal_note=data.internal_note,
        status=RecordStatus.DRAFT,
        occurred_on=data.occurred_on,
        decision_date=data.decision_date,
        decision_no=data.decision_no,
        issuing_unit=data.issuing_unit,
        legal_basis=data.legal_basis,
        public_until_override=data.public_until_override,
        retention_until_override=data.retention_until_override,
        provider_unit_id=data.provider_unit_id,
        provider_person=data.provider_person,
        created_by_id=by_user_id,
        source=data.source,
        external_key=data.external_key,
        using_db=conn,
    )
    await RecordTransition.create(
        record_id=record.id,
        from_status=None,
        to_status=RecordStatus.DRAFT,
        at=at,
        by_user_id=by_user_id,
        using_db=conn,
    )
    if reevaluate_subject:
        await reevaluate(subject, conn)
    return record


# A record moving towards the public meets the rules again at every step.
CHECKED_ACTIONS = frozenset({Action.SUBMIT, Action.VERIFY, Action.PUBLISH})


async def transition(
    record: CreditRecord,
    action: Action,
    conn: BaseDBAsyncClient | None,
    *,
    by_user_id: int | None = None,
    reason: str = "",
    at: datetime | None = None,
    reevaluate_subject: bool = True,
) -> CreditRecord:
    """Move a record one step (raises InvalidTransition), keep the transition with its
    time, and re-evaluate the subject in the same transaction."""
    at = at or clock.now()
    current = RecordStatus(record.status)
    target = next_status(action, current)
    if action in CHECKED_ACTIONS:
        check_stored_record(record, clock.today())
    record.status = target
    if target == RecordStatus.PUBLISHED and record.published_at is None:
        record.published_at = at
    await record.save(using_db=conn, update_fields=["status", "published_at", "updated_at"])
    await RecordTransition.create(
        record_id=record.id,
        from_status=current,
        to_status=target,
        at=at,
        by_user_id=by_user_id,
        reason=reason,
        using_db=conn,
    )
    if reevaluate_subject:
        subject = await Subject.get(id=record.subject_id, using_db=conn)
        await reevaluate(subject, conn)
    return record


def _at_local(day: date, hour: int) -> datetime:
    """A moment on a historical day; never in the future (a record 'published today' is
    published now, not at noon)."""
    from datetime import time

    return min(datetime.combine(day, time(hour), tzinfo=clock.TZ), clock.now())


async def create_published(
    subject: Subject,
    data: RecordInput,
    published_on: date,
    conn: BaseDBAsyncClient | None,
    *,
    by_user_id: int | None = None,
    reevaluate_subject: bool = True,
) -> CreditRecord:
    """A historical record: entered, submitted, verified and published on its own dates,
    so its windows are those it had (bulk import, demo data, tests)."""
    start = min(data.decision_date or data.occurred_on, published_on)
    record = await create_record(
        subject,
        data,
        conn,
        by_user_id=by_user_id,
        at=_at_local(start, 9),
        reevaluate_subject=False,
    )
    for action, hour in ((Action.SUBMIT, 10), (Action.VERIFY, 11), (Action.PUBLISH, 12)):
        await transition(
            record,
            action,
            conn,
            by_user_id=by_user_id,
            at=_at_local(published_on, hour),
            reevaluate_subject=False,
        )
    if reevaluate_subject:
        await reevaluate(subject, conn)
    return record
