"""Internal subject views and queries: scoped by subjects_in_scope, never wider."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import strawberry
from tortoise.expressions import Subquery

from credit.accounts.crypto import decrypt
from credit.accounts.permissions import Permission, requires
from credit.apicore.context import Info
from credit.apicore.errors import CodedError, ErrorCode
from credit.apicore.pagination import Connection, connection, page_bounds
from credit.grades.loaders import evaluation_of_subject
from credit.policies.facts import GradeLevel as GradeLevelEnum
from credit.policies.facts import RecordStatus as RecordStatusEnum
from credit.policies.facts import SubjectKind as SubjectKindEnum
from credit.policies.queries import PolicyVocabulary
from credit.records.loaders import records_of_subject
from credit.records.models import CreditRecord as RecordModel
from credit.records.types import CreditRecord, Decision, RecordStatus
from credit.subjects.history import SubjectNameChange, name_changes_loader
from credit.subjects.identifiers import normalise
from credit.subjects.loaders import district_by_id
from credit.subjects.models import Subject as SubjectModel
from credit.subjects.scope import may_see_full_id_number, record_visible_to, subjects_in_scope
from credit.subjects.search import in_district, name_or_uscc
from credit.subjects.services import forecast_as_of_or_error, snapshot, snapshot_from_stored
from credit.subjects.types import District, GradeLevel, PublicSubject, SubjectKind

if TYPE_CHECKING:
    from credit.commitments.types import Commitment


# Declared before the type: a field with a resolver keeps its place among the plain fields
# only when it is assigned in the class body (strawberry lists annotated fields first, then
# decorated methods), and the schema's field order is part of the API.
def _id_number(root: Subject, info: Info) -> str | None:
    # Bounded by jurisdiction as well as by the permission (may_see_full_id_number).
    if not root.row.id_number_cipher or not may_see_full_id_number(info.context.actor, root.row):
        return None
    return decrypt(root.row.id_number_cipher)


@strawberry.type(description="主体（内部视图）")
class Subject:
    row: strawberry.Private[SubjectModel]
    id: strawberry.ID
    uscc: str | None
    name: str = strawberry.field(description="名称（内部不脱敏）")
    kind: SubjectKind  # type: ignore[valid-type]
    id_number_masked: str | None
    id_number: str | None = strawberry.field(
        resolver=_id_number,
        extensions=requires(Permission.VIEW_UNMASKED_ID),
        description="居民身份证号码（完整）",
    )
    address: str
    legal_representative: str = strawberry.field(description="法定代表人（负责人）")
    licence_no: str = strawberry.field(description="许可证/备案编号")

    @classmethod
    def from_model(cls, row: SubjectModel) -> Subject:
        return cls(
            row=row,
            id=strawberry.ID(str(row.id)),
            uscc=row.uscc,
            name=row.name,
            kind=SubjectKindEnum(row.kind),
            id_number_masked=row.id_number_masked,
            address=row.address,
            legal_representative=row.legal_representative,
            licence_no=row.licence_no,
        )

    @strawberry.field(description="名称变更记录（曾用名），新的在前")
    async def name_history(self, info: Info) -> list[SubjectNameChange]:
        rows = await name_changes_loader(info).load(self.row.id)
        return [SubjectNameChange.from_model(r) for r in rows]

    @strawberry.field(description="主体适用的政策及其词汇（可录入的信息类型等）")
    async def policy(self, info: Info) -> PolicyVocabulary:
        from credit.subjects.policy import jurisdiction_vocabulary

        return PolicyVocabulary.from_model(await jurisdiction_vocabulary(self.row.jurisdiction_id))

    @strawberry.field
    async def district(self, info: Info) -> District | None:
        d = await info.context.loaders.get(district_by_id).load(self.row.district_id)
        return District.from_model(d) if d else None

    @strawberry.field(
        description="评价（等级、名单、措施、理由；公开视图的同一数据）。asOf 默认今天；"
        "可为过去某日，或今后某日（预测：若无新的信息，按规则届时的状态，isForecast 为 true）"
    )
    async def evaluation(self, info: Info, as_of: date | None = None) -> PublicSubject:
        from credit.core import clock

        day = forecast_as_of_or_error(as_of)
        if day != clock.today():
            return PublicSubject.from_model(await snapshot(self.row, day))
        stored = await info.context.loaders.get(evaluation_of_subject).load(self.row.id)
        return PublicSubject.from_model(snapshot_from_stored(self.row, stored, day))

    @strawberry.field(description="下次因时间推移而变化的时刻")
    async def next_change_at(self, info: Info) -> datetime | None:
        stored = await info.context.loaders.get(evaluation_of_subject).load(self.row.id)
        return stored.next_change_at

    @strawberry.field(
        description="信用信息：内部用户见全部状态；企业账号仅见已公布的（含其后撤销、修复的）"
    )
    async def records(
        self, info: Info, first: int | None = 50, after: str | None = None
    ) -> Connection[CreditRecord]:
        offset, limit = page_bounds(first, after)
        rows = await info.context.loaders.get(records_of_subject).load(self.row.id)
        actor = info.context.actor
        items = [
            CreditRecord.from_model(r)
            for r in rows
            if record_visible_to(actor, r) and r.status != RecordStatusEnum.DELETED
        ]
        return connection(items[offset : offset + limit], offset, len(items))

    @strawberry.field(description="信用承诺（含已撤回的），签署日期倒序")
    async def commitments(
        self, info: Info, first: int | None = 20, after: str | None = None
    ) -> Connection[Annotated[Commitment, strawberry.lazy("credit.commitments.types")]]:
        from credit.commitments.types import subject_commitments

        return await subject_commitments(info, self.row.id, first, after)


@strawberry.enum(description="主体排序")
class SubjectOrder(StrEnum):
    NAME = "name"
    NAME_DESC = "-name"
    CREATED_DESC = "-created_at"
    UPDATED_DESC = "-updated_at"


@strawberry.enum(description="信用信息排序")
class RecordOrder(StrEnum):
    UPDATED_DESC = "-updated_at"
    OCCURRED_DESC = "-occurred_on"
    OCCURRED = "occurred_on"
    DECISION_DATE_DESC = "-decision_date"


@strawberry.type
class InternalQueries:
    @strawberry.field(extensions=requires(Permission.VIEW_INTERNAL), description="主体（内部）")
    async def internal_subjects(
        self,
        info: Info,
        search: str | None = None,
        district: str | None = None,
        grade: GradeLevel | None = None,  # type: ignore[valid-type]  # a strawberry.enum(...) value
        order_by: SubjectOrder = SubjectOrder.NAME,
        first: int | None = 20,
        after: str | None = None,
    ) -> Connection[Subject]:
        offset, limit = page_bounds(first, after)
        query = subjects_in_scope(info.context.actor)
        if search:
            term = normalise(search)
            query = query.filter(name_or_uscc(term))
        if district:
            query = query.filter(in_district(district))
        if grade:
            query = query.filter(evaluation__grade=GradeLevelEnum(grade))
        total = await query.count()
        rows = await query.order_by(order_by.value, "id").offset(offset).limit(limit)
        return connection([Subject.from_model(r) for r in rows], offset, total)

    @strawberry.field(extensions=requires(Permission.VIEW_INTERNAL), description="主体（内部）")
    async def internal_subject(self, info: Info, id: strawberry.ID) -> Subject | None:
        try:
            sid = int(id)
        except ValueError as exc:
            raise CodedError("无效的编号", ErrorCode.INVALID_ARGUMENT, field="id") from exc
        row = await subjects_in_scope(info.context.actor).filter(id=sid).first()
        return Subject.from_model(row) if row else None

    @strawberry.field(
        extensions=requires(Permission.MANAGE_SUBJECTS),
        description="调用者可在其中新建、调入主体的辖区（区县局：本辖区；市局：本市各辖区）",
    )
    async def manageable_districts(self, info: Info) -> list[District]:
        from credit.subjects.models import District as DistrictModel
        from credit.subjects.scope import is_system_admin

        actor = info.context.actor
        query = DistrictModel.filter(is_active=True)
        if actor.district_id is not None:
            query = query.filter(id=actor.district_id)
        elif not is_system_admin(actor):
            query = query.filter(jurisdiction_id=actor.jurisdiction_id or -1)
        return [District.from_model(d) for d in await query.order_by("code")]

    @strawberry.field(
        extensions=requires(Permission.VIEW_OWN_SUBJECT), description="企业账号：本企业的完整信息"
    )
    async def my_subject(self, info: Info) -> Subject | None:
        row = await subjects_in_scope(info.context.actor).first()
        return Subject.from_model(row) if row else None

    @strawberry.field(extensions=requires(Permission.VIEW_INTERNAL), description="信用信息（内部）")
    async def credit_records(
        self,
        info: Info,
        status: list[RecordStatus] | None = None,  # type: ignore[valid-type]  # a strawberry.enum(...) value
        type: str | None = None,
        subject_id: strawberry.ID | None = None,
        order_by: RecordOrder = RecordOrder.UPDATED_DESC,
        first: int | None = 20,
        after: str | None = None,
    ) -> Connection[CreditRecord]:
        offset, limit = page_bounds(first, after)
        scoped = Subquery(subjects_in_scope(info.context.actor).values("id"))
        query = RecordModel.filter(subject_id__in=scoped)
        if status:
            query = query.filter(status__in=[RecordStatusEnum(s) for s in status])
        else:  # a deleted draft is shown only when asked for
            query = query.exclude(status=RecordStatusEnum.DELETED)
        if type:
            query = query.filter(type=type)
        if subject_id:
            query = query.filter(subject_id=int(subject_id))
        total = await query.count()
        rows = await query.order_by(order_by.value, "-id").offset(offset).limit(limit)
        return connection([CreditRecord.from_model(r) for r in rows], offset, total)

    @strawberry.field(
        extensions=requires(Permission.REVIEW_RECORDS), description="审核队列：待审核与待公布"
    )
    async def review_queue(
        self, info: Info, first: int | None = 20, after: str | None = None
    ) -> Connection[CreditRecord]:
        offset, limit = page_bounds(first, after)
        scoped = Subquery(subjects_in_scope(info.context.actor).values("id"))
        query = RecordModel.filter(
            subject_id__in=scoped,
            status__in=[RecordStatusEnum.SUBMITTED, RecordStatusEnum.VERIFIED],
        )
        total = await query.count()
        rows = await query.order_by("updated_at", "id").offset(offset).limit(limit)
        return connection([CreditRecord.from_model(r) for r in rows], offset, total)


@strawberry.type
class DecisionQueries:
    @strawberry.field(extensions=requires(Permission.VIEW_INTERNAL), description="决定（内部）")
    async def decisions(
        self,
        info: Info,
        subject_id: strawberry.ID | None = None,
        document_no: str | None = None,
        first: int | None = 20,
        after: str | None = None,
    ) -> Connection[Decision]:
        from credit.records.models import Decision as DecisionModel

        offset, limit = page_bounds(first, after)
        query = DecisionModel.filter(
            subject_id__in=Subquery(subjects_in_scope(info.context.actor).values("id"))
        )
        if subject_id:
            query = query.filter(subject_id=int(subject_id))
        if document_no:
            query = query.filter(document_no__icontains=document_no.strip())
        total = await query.count()
        rows = await query.order_by("-decided_on", "-id").offset(offset).limit(limit)
        return connection([Decision.from_model(r) for r in rows], offset, total)
