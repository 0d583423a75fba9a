"""The public red list, watch list and blacklist, as paginated pages."""

from __future__ import annotations

from datetime import date

import strawberry
from tortoise.expressions import Q, Subquery

from credit.apicore.context import Info
from credit.apicore.pagination import Connection, connection, page_bounds
from credit.core import clock
from credit.grades.models import Evaluation
from credit.grades.services import list_entry_row, payload_at, sweep
from credit.lists.models import ListEntry as ListEntryModel
from credit.policies.facts import ListKind as ListKindEnum
from credit.policies.facts import SubjectKind
from credit.records.models import CreditRecord
from credit.subjects.identifiers import mask_person_name, normalise
from credit.subjects.loaders import district_by_id, subject_by_id
from credit.subjects.models import Subject
from credit.subjects.search import in_district, name_or_uscc
from credit.subjects.services import public_as_of_or_error
from credit.subjects.types import District, ListKind


@strawberry.type(description="名单条目（公开）")
class ListEntry:
    row: strawberry.Private[ListEntryModel]
    list: ListKind  # type: ignore[valid-type]
    since: date
    until: date | None
    decision_no: str | None
    article: str

    @classmethod
    def from_model(cls, row: ListEntryModel) -> ListEntry:
        return cls(
            row=row,
            list=ListKindEnum(row.kind),
            since=row.since,
            until=row.until,
            decision_no=row.decision_no,
            article=row.article,
        )

    @strawberry.field(description="主体名称（自然人脱敏）")
    async def subject_name(self, info: Info) -> str:
        s = await info.context.loaders.get(subject_by_id).load(self.row.subject_id)
        assert s is not None
        return mask_person_name(s.name) if s.kind == SubjectKind.NATURAL_PERSON else s.name

    @strawberry.field
    async def uscc(self, info: Info) -> str | None:
        s = await info.context.loaders.get(subject_by_id).load(self.row.subject_id)
        return s.uscc if s else None

    @strawberry.field
    async def district(self, info: Info) -> District | None:
        d = await info.context.loaders.get(district_by_id).load(self.row.district_id)
        return District.from_model(d) if d else None


async def entries_on(
    kind: ListKindEnum, day: date, district: str | None, term: str
) -> list[ListEntryModel]:
    """The entries of a list on a past day, as the rules give them today for that day
    (revocations and repairs apply to the past): every subject with a record published by
    then is evaluated at the end of that day. Unsaved rows, newest first."""
    published = CreditRecord.filter(published_at__lte=clock.end_of_day(day)).values("subject_id")
    query = Subject.filter(id__in=Subquery(published))
    if district:
        query = query.filter(in_district(district))
    if term:
        query = query.filter(name_or_uscc(term)).exclude(kind=SubjectKind.NATURAL_PERSON)
    subjects = await query
    answers = await payload_at(subjects, clock.end_of_day(day))
    rows = [
        list_entry_row(s, e)
        for s in subjects
        for e in answers[s.id][1]["list_entries"]
        if e["list"] == kind.value
    ]
    rows.sort(key=lambda r: (r.since, r.subject_id), reverse=True)
    return rows


async def ensure_fresh_lists() -> None:
    """List pages read materialised entries; any evaluation past its next_change_at is
    recomputed first, so a page is right even if no sweep has run."""
    if await Evaluation.filter(next_change_at__lte=clock.now()).exists():
        await sweep()


@strawberry.type
class ListQueries:
    @strawberry.field(
        description="红名单 / 警示目录 / 黑名单（公开，分页）。asOf 默认今天，不得晚于今天："
        "过去某日的名单按当日的规则与记录重新计算"
    )
    async def list_entries(
        self,
        info: Info,
        list: ListKind,  # type: ignore[valid-type]  # a strawberry.enum(...) value
        district: str | None = None,
        search: str | None = None,
        first: int | None = 20,
        after: str | None = None,
        as_of: date | None = None,
    ) -> Connection[ListEntry]:
        offset, limit = page_bounds(first, after)
        day = public_as_of_or_error(as_of)
        term = normalise(search) if search else ""
        if day < clock.today():
            rows = await entries_on(ListKindEnum(list), day, district, term)
            page = rows[offset : offset + limit]
            return connection([ListEntry.from_model(r) for r in page], offset, len(rows))
        await ensure_fresh_lists()
        today = clock.today()
        query = ListEntryModel.filter(kind=list, since__lte=today).filter(
            Q(until__isnull=True) | Q(until__gt=today)
        )
        if district:
            query = query.filter(in_district(district))
        if term:
            # A name never finds a natural person (issue 11): they stay listed, masked,
            # but cannot be searched for by name.
            query = query.filter(
                name_or_uscc(term, prefix="subject__")
                & ~Q(subject__kind=SubjectKind.NATURAL_PERSON)
            )
        total = await query.count()
        rows = await query.order_by("-since", "-id").offset(offset).limit(limit)
        return connection([ListEntry.from_model(r) for r in rows], offset, total)
