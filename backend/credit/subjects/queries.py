"""Public subject queries: lookup by USCC (the partners' contract), batch lookup, search."""

from __future__ import annotations

from datetime import date

import strawberry
from tortoise.expressions import Q

from credit.apicore.context import Info
from credit.apicore.errors import CodedError, ErrorCode
from credit.apicore.pagination import Connection, connection, page_bounds
from credit.grades.loaders import evaluation_of_subject
from credit.grades.services import current_evaluation
from credit.policies.facts import SubjectKind
from credit.subjects.identifiers import InvalidUSCC, normalise, validate_uscc
from credit.subjects.models import District as DistrictModel
from credit.subjects.models import Subject
from credit.subjects.person_lookup import (
    check_person_lookup_limit,
    looks_like_id_number,
    natural_person_by_id_number,
)
from credit.subjects.search import capped_page, named_page
from credit.subjects.services import (
    public_as_of_or_error,
    snapshot,
    snapshot_from_stored,
    snapshots,
)
from credit.subjects.types import District, PublicSubject

MAX_BATCH = 100
# subjectSearch lists at most this many matches (people narrow a term, they do not page
# through thousands of names).
SEARCH_RESULT_CAP = 1000


def _uscc_or_error(value: str, field: str = "uscc") -> str:
    try:
        return validate_uscc(value)
    except InvalidUSCC as exc:
        raise CodedError(
            str(exc), ErrorCode.INVALID_USCC, field=field, fault=exc.fault, input=value
        ) from exc


_as_of_or_error = public_as_of_or_error


@strawberry.type
class SubjectQueries:
    @strawberry.field(
        description="按统一社会信用代码查询主体的公开信用信息。代码先规范化（去空格、全角转半角、"
        "大写）再校验；格式错误返回 INVALID_USCC，未收录返回 null。asOf 默认今天，不得晚于今天。"
    )
    async def subject(self, uscc: str, as_of: date | None = None) -> PublicSubject | None:
        code = _uscc_or_error(uscc)
        day = _as_of_or_error(as_of)
        found = await Subject.get_or_none(uscc=code)
        if found is None:
            return None
        return PublicSubject.from_model(await snapshot(found, day))

    @strawberry.field(
        description=f"批量查询（最多 {MAX_BATCH} 个代码，如政府采购核查投标人）；"
        "结果与输入一一对应，未收录为 null。格式错误的代码只影响它自己的位置：该位置为 null，"
        "并有一条 path 指向该位置的 INVALID_USCC 错误（field 为 usccs[i]），其余代码照常回答。"
        "asOf 与 subject 相同：默认今天，不得晚于今天。"
    )
    async def subjects(
        self, info: Info, usccs: list[str], as_of: date | None = None
    ) -> list[PublicSubject | None]:
        if len(usccs) > MAX_BATCH:
            raise CodedError(
                f"一次最多查询 {MAX_BATCH} 个代码（收到 {len(usccs)} 个）",
                ErrorCode.INVALID_ARGUMENT,
                field="usccs",
            )
        # Per item: a malformed code becomes its error, returned in its place; graphql-core
        # turns an exception returned as a list item into a null there and an error whose
        # path names the position, so the valid items answer exactly as they otherwise would.
        codes: list[str | CodedError] = []
        for i, u in enumerate(usccs):
            try:
                codes.append(_uscc_or_error(u, f"usccs[{i}]"))
            except CodedError as error:
                codes.append(error)
        day = _as_of_or_error(as_of)
        valid = [c for c in codes if isinstance(c, str)]
        found = {s.uscc: s for s in await Subject.filter(uscc__in=valid)} if valid else {}
        if day == _as_of_or_error(None):
            evaluations = await info.context.loaders.get(evaluation_of_subject).load_many(
                [s.id for s in found.values()]
            )
            by_subject = {
                e.subject_id: snapshot_from_stored(s, e, day)
                for s, e in zip(found.values(), evaluations, strict=True)
            }
        else:  # a past date: every subject evaluated on it in one batch
            by_subject = await snapshots(list(found.values()), day)
        out: list[PublicSubject | CodedError | None] = []
        for code in codes:
            s = found.get(code) if isinstance(code, str) else None
            if isinstance(code, CodedError):
                out.append(code)
            elif s is None:
                out.append(None)
            else:
                out.append(PublicSubject.from_model(by_subject[s.id]))
        # CodedError items: graphql-core answers each with null and an error at its position.
        return out  # type: ignore[return-value]

    @strawberry.field(
        description="按名称模糊查询（中文名称部分匹配）或统一社会信用代码精确查询；不含自然人。"
        f"结果按名称排序，至多前 {SEARCH_RESULT_CAP} 条（totalCount 亦至多计至此数），"
        "请用更完整的名称缩小范围。"
        "自然人仅能以完整、准确的居民身份证号码查询（不支持部分匹配，限流更严），结果脱敏"
    )
    async def subject_search(
        self, info: Info, name: str, first: int | None = 20, after: str | None = None
    ) -> Connection[PublicSubject]:
        offset, limit = page_bounds(first, after)
        term = normalise(name)
        if not term:
            raise CodedError("请输入名称", ErrorCode.INVALID_ARGUMENT, field="name")
        if len(term) > 100:
            raise CodedError("名称过长（最多 100 字）", ErrorCode.INVALID_ARGUMENT, field="name")
        # Counting every match of a common term over millions of names costs more than the
        # page itself: counted up to the cap, and no page starts beyond it.
        if looks_like_id_number(term):
            await check_person_lookup_limit(info)
            # 18 digits may also be an organisation's code (e.g. 121200004013590816)
            query = Subject.filter(
                natural_person_by_id_number(term)
                | (Q(uscc=term) & ~Q(kind=SubjectKind.NATURAL_PERSON))
            )
            total, rows = await capped_page(query, offset, limit, SEARCH_RESULT_CAP)
        else:
            # A name never finds a natural person, masked or not: the grade beside a
            # masked name would still confirm who it is (issue 11).
            total, rows = await named_page(term, offset, limit, SEARCH_RESULT_CAP)
        evaluations = await info.context.loaders.get(evaluation_of_subject).load_many(
            [s.id for s in rows]
        )
        today = _as_of_or_error(None)
        items = [
            PublicSubject.from_model(snapshot_from_stored(s, e, today))
            for s, e in zip(rows, evaluations, strict=True)
        ]
        return connection(items, offset, total)

    @strawberry.field(description="辖区列表")
    async def districts(self) -> list[District]:
        return [District.from_model(d) for d in await DistrictModel.all().order_by("code")]


__all__ = ["SubjectQueries", "current_evaluation"]
