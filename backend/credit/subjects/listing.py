"""A subject's list entries on its public profile, with the basis of each (issue 14, 8):
the decision that lists it and the decisions of the records it counts."""

from __future__ import annotations

import builtins
from datetime import date
from typing import Any

import strawberry

from credit.apicore.context import Info
from credit.policies import display
from credit.policies.facts import ListKind as ListKindEnum
from credit.records.loaders import record_by_id
from credit.subjects.enums import ListKind


@strawberry.type(
    description="名单所依据的一条信用信息。公示期已届满的只给出文书号与日期"
    "（publicWindowEnded 为 true，其余内容为 null）"
)
class ListBasisRecord:
    record_id: strawberry.ID
    decision_no: str | None
    decision_date: date | None = strawberry.field(description="决定日期（无则为发生日期）")
    public_window_ended: bool = strawberry.field(description="公示期已届满（仍计入名单）")
    type_name: str | None
    summary: str | None
    issuing_unit: str | None
    published_on: date | None
    public_until: date | None = strawberry.field(description="公示期届满之日（当日起不再公示）")


def basis_record(r: Any, public_until: date | None) -> ListBasisRecord:
    from credit.core.clock import TZ

    public = public_until is not None
    return ListBasisRecord(
        record_id=strawberry.ID(str(r.id)),
        decision_no=r.decision_no,
        decision_date=r.decision_date or r.occurred_on,
        public_window_ended=not public,
        type_name=display.info_type_name(r.type) if public else None,
        summary=r.summary if public else None,
        issuing_unit=(r.issuing_unit or None) if public else None,
        published_on=r.published_at.astimezone(TZ).date() if public and r.published_at else None,
        public_until=public_until,
    )


@strawberry.type(description="名单条目")
class SubjectListEntry:
    list: ListKind  # type: ignore[valid-type]  # a strawberry.enum(...) value
    since: date
    until: date | None = strawberry.field(
        description="移出名单之日（若无新的信息；当日起不在名单中）；null 为长期"
    )
    decision_no: str | None = strawberry.field(
        description="列入决定的文书号：依据单条信用信息的为其决定文书号，"
        "否则为本机关作出的列入决定（如累计达到次数列入黑名单）"
    )
    decision_date: date | None = strawberry.field(description="列入决定的日期")
    article: str
    # builtins.list: `list` is a field of this class (the list's kind)
    record_ids: builtins.list[strawberry.ID] = strawberry.field(
        description="名单所依据的信用信息编号（异议、修复时引用）"
    )
    public_until_by_id: strawberry.Private[dict[int, date]]

    @strawberry.field(description="名单的依据：所计入的每条信用信息的文书号与日期")
    async def basis(self, info: Info) -> builtins.list[ListBasisRecord]:
        ids = [int(i) for i in self.record_ids]
        rows = await info.context.loaders.get(record_by_id).load_many(ids)
        out = [basis_record(r, self.public_until_by_id.get(r.id)) for r in rows if r is not None]
        out.sort(key=lambda b: (b.decision_date or date.min, b.record_id))
        return out

    @classmethod
    def from_payload(cls, e: dict[str, Any], public_until: dict[int, date]) -> SubjectListEntry:
        decision_date = e.get("decision_date")
        return cls(
            list=ListKindEnum(e["list"]),
            since=date.fromisoformat(e["since"]),
            until=date.fromisoformat(e["until"]) if e["until"] else None,
            decision_no=e["decision_no"],
            decision_date=date.fromisoformat(decision_date) if decision_date else None,
            article=e["article"],
            record_ids=[strawberry.ID(str(i)) for i in e["record_ids"]],
            public_until_by_id=public_until,
        )
