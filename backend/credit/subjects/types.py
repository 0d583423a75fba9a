"""Public GraphQL types of a subject: what DOMAIN.md "Disclosure" allows anyone to see."""

from __future__ import annotations

from datetime import date
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from credit.accounts.permissions import Permission, requires
from credit.apicore.context import Info
from credit.apicore.pagination import Connection, connection, page_bounds
from credit.policies import display
from credit.policies.facts import SubjectKind as SubjectKindEnum
from credit.records.loaders import record_by_id
from credit.subjects.enums import GradeLevel, ListKind, SubjectKind
from credit.subjects.identifiers import mask_person_name
from credit.subjects.listing import SubjectListEntry
from credit.subjects.loaders import district_by_id
from credit.subjects.models import District as DistrictModel
from credit.subjects.services import Snapshot

if TYPE_CHECKING:
    from credit.commitments.types import PublicCommitment

__all__ = ["GradeLevel", "ListKind", "SubjectKind", "SubjectListEntry"]


@strawberry.type(description="辖区（分、县（市）局）")
class District:
    code: str
    name: str

    @classmethod
    def from_model(cls, d: DistrictModel) -> District:
        return cls(code=d.code, name=d.name)


@strawberry.type(description="评价理由：条款、规则与依据的信用信息")
class Reason:
    article: str
    rule: str
    summary: str


@strawberry.type(description="信用等级及其理由")
class Grade:
    level: GradeLevel  # type: ignore[valid-type]
    reasons: list[Reason]


@strawberry.type(description="措施（惩戒/管理/激励）")
class Measure:
    code: str
    name: str
    article: str
    kind: str


@strawberry.type(description="公开的信用信息（已公布且在公示期内）")
class PublicRecord:
    id: strawberry.ID
    category: str
    type: str
    type_name: str
    summary: str
    decision_no: str | None
    decision_date: date | None
    occurred_on: date
    published_on: date | None
    issuing_unit: str | None
    public_until: date | None = strawberry.field(
        description="公示期届满之日（当日起不再公示；若无新的信息）"
    )


def _reasons(items: list[dict[str, Any]]) -> list[Reason]:
    return [Reason(article=r["article"], rule=r["rule"], summary=r["summary"]) for r in items]


# Resolvers declared before the type: a field with a resolver keeps its place among the
# plain fields only when it is assigned in the class body (strawberry lists annotated
# fields first, then decorated methods), and the schema's field order is part of the API.
def _name(root: PublicSubject) -> str:
    s = root.snapshot.subject
    if s.kind == SubjectKindEnum.NATURAL_PERSON:
        return mask_person_name(s.name)
    return s.name


def _id_number(root: PublicSubject, info: Info) -> str | None:
    from credit.accounts.crypto import decrypt
    from credit.subjects.scope import may_see_full_id_number

    subject = root.snapshot.subject
    # Bounded by jurisdiction: another jurisdiction's person stays masked (null here).
    if not subject.id_number_cipher or not may_see_full_id_number(info.context.actor, subject):
        return None
    return decrypt(subject.id_number_cipher)


@strawberry.type(description="主体的公开信用信息（自然人姓名与证件号码脱敏）")
class PublicSubject:
    snapshot: strawberry.Private[Snapshot]
    uscc: str | None = strawberry.field(description="统一社会信用代码（自然人为空）")
    name: str = strawberry.field(resolver=_name, description="名称；自然人姓名脱敏")
    id_number_masked: str | None = strawberry.field(description="自然人居民身份证号码（脱敏）")
    id_number: str | None = strawberry.field(
        resolver=_id_number,
        extensions=requires(Permission.VIEW_UNMASKED_ID),
        description="自然人完整身份证号码：仅限持有 VIEW_UNMASKED_ID 的本辖区合作机构与审核员；"
        "其他辖区的自然人为 null",
    )
    kind: SubjectKind  # type: ignore[valid-type]
    as_of: date = strawberry.field(description="信息截至日期")
    is_forecast: bool = strawberry.field(
        description="是否为预测：asOf 晚于今天时，为若无新的信息、按规则届时的状态"
    )

    @classmethod
    def from_model(cls, snapshot: Snapshot) -> PublicSubject:
        s = snapshot.subject
        return cls(
            snapshot=snapshot,
            uscc=s.uscc,
            id_number_masked=s.id_number_masked,
            kind=SubjectKindEnum(s.kind),
            as_of=snapshot.as_of,
            is_forecast=snapshot.forecast,
        )

    @strawberry.field
    async def district(self, info: Info) -> District | None:
        d = await info.context.loaders.get(district_by_id).load(self.snapshot.subject.district_id)
        return District.from_model(d) if d else None

    @strawberry.field(description="信用等级；不评级的政策（如沈阳技防）为 null")
    def grade(self) -> Grade | None:
        if self.snapshot.grade is None:
            return None
        return Grade(
            level=self.snapshot.grade,
            reasons=_reasons(self.snapshot.payload.get("grade_reasons", [])),
        )

    @strawberry.field(description="有效的名单条目")
    def lists(self) -> list[SubjectListEntry]:
        until = self.snapshot.public_until
        return [SubjectListEntry.from_payload(e, until) for e in self.snapshot.list_entries]

    @strawberry.field(description="全部评价理由（名单、等级、自动生成的警示信息）")
    def reasons(self) -> list[Reason]:
        return _reasons(self.snapshot.payload.get("reasons", []))

    @strawberry.field(description="适用的措施")
    def measures(self) -> list[Measure]:
        out = []
        for code in self.snapshot.payload.get("measures", []):
            m = display.measure(code)
            out.append(Measure(code=code, name=m.name_zh, article=m.article, kind=m.kind))
        return out

    @strawberry.field(description="公开的信用信息，按日期倒序")
    async def records(
        self, info: Info, first: int | None = 20, after: str | None = None
    ) -> Connection[PublicRecord]:
        offset, limit = page_bounds(first, after)
        rows = [
            r
            for r in await info.context.loaders.get(record_by_id).load_many(
                self.snapshot.public_record_ids
            )
            if r is not None
        ]
        until = self.snapshot.public_until
        items: list[PublicRecord] = [public_record(r, until.get(r.id)) for r in rows]
        items.extend(
            derived_public_record(d) for d in self.snapshot.payload.get("derived_records", [])
        )
        items.sort(key=lambda r: (r.published_on or r.occurred_on, r.id), reverse=True)
        return connection(items[offset : offset + limit], offset, len(items))

    @strawberry.field(description="信用承诺（截至查询日期已签署且未撤回的），签署日期倒序")
    async def commitments(
        self, info: Info, first: int | None = 20, after: str | None = None
    ) -> Connection[Annotated[PublicCommitment, strawberry.lazy("credit.commitments.types")]]:
        from credit.commitments.types import public_commitments

        return await public_commitments(info, self.snapshot, first, after)


def public_record(r: Any, public_until: date | None = None) -> PublicRecord:
    from credit.core.clock import TZ

    return PublicRecord(
        id=strawberry.ID(str(r.id)),
        category=str(r.category.value if isinstance(r.category, Enum) else r.category),
        type=r.type,
        type_name=display.info_type_name(r.type),
        summary=r.summary,
        decision_no=r.decision_no,
        decision_date=r.decision_date,
        occurred_on=r.occurred_on,
        published_on=r.published_at.astimezone(TZ).date() if r.published_at else None,
        issuing_unit=r.issuing_unit or None,
        public_until=public_until,
    )


def derived_public_record(d: dict[str, Any]) -> PublicRecord:
    return PublicRecord(
        id=strawberry.ID(f"derived:{d['key']}"),
        category=d["category"],
        type=d["type"],
        type_name=display.info_type_name(d["type"]),
        summary=d["summary"],
        decision_no=None,
        decision_date=None,
        occurred_on=date.fromisoformat(d["occurred_on"]),
        published_on=date.fromisoformat(d["published_on"]),
        issuing_unit=None,
        public_until=date.fromisoformat(d["public_until"]),
    )
