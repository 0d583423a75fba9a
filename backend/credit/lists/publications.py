"""The public home page's feed: the credit records most recently published.

Invariant: only what the subject's profile shows publicly today (the evaluation's
`public_record_ids`: published and inside the public window), public fields only, and
never a natural person (they are found only by their full ID number, never browsed).
"""

from __future__ import annotations

from typing import Any

import strawberry

from credit.apicore.context import Info
from credit.apicore.pagination import Connection, connection, page_bounds
from credit.core import clock
from credit.core.orm import flat
from credit.grades.models import Evaluation
from credit.lists.queries import ensure_fresh_lists
from credit.policies.facts import RecordStatus, SubjectKind
from credit.records.models import CreditRecord
from credit.subjects.loaders import district_by_id, subject_by_id
from credit.subjects.types import District, PublicRecord, public_record

# The feed is "the latest": at most this many items over all its pages.
MAX_LATEST = 50
_SCAN = 4 * MAX_LATEST  # published records read to find them (some may be out of window)


@strawberry.type(description="最新公布的信用信息（仅公开字段；不含自然人）")
class LatestPublication:
    subject_name: str
    uscc: str | None
    district: District | None
    record: PublicRecord


async def latest_public_records() -> list[CreditRecord]:
    """Up to MAX_LATEST records now public, most recently published first."""
    await ensure_fresh_lists()
    rows = (
        await CreditRecord.filter(status=RecordStatus.PUBLISHED, published_at__lte=clock.now())
        .exclude(subject__kind=SubjectKind.NATURAL_PERSON)
        .order_by("-published_at", "-id")
        .limit(_SCAN)
    )
    subject_ids = {r.subject_id for r in rows}
    public: set[int] = set()
    payloads: list[dict[str, Any] | None] = await flat(
        Evaluation.filter(subject_id__in=subject_ids).values_list("payload", flat=True)
    )
    for payload in payloads:
        public.update((payload or {}).get("public_record_ids", []))
    return [r for r in rows if r.id in public][:MAX_LATEST]


@strawberry.type
class PublicationQueries:
    @strawberry.field(
        description=f"最新公布的信用信息（公开，分页；最多 {MAX_LATEST} 条，不含自然人）"
    )
    async def latest_publications(
        self, info: Info, first: int | None = 10, after: str | None = None
    ) -> Connection[LatestPublication]:
        offset, limit = page_bounds(first, after)
        rows = await latest_public_records()
        page = rows[offset : offset + limit]
        subjects = await info.context.loaders.get(subject_by_id).load_many(
            [r.subject_id for r in page]
        )
        districts = await info.context.loaders.get(district_by_id).load_many(
            [s.district_id if s else 0 for s in subjects]
        )
        items = []
        for r, s, d in zip(page, subjects, districts, strict=True):
            if s is None:
                continue
            items.append(
                LatestPublication(
                    subject_name=s.name,
                    uscc=s.uscc,
                    district=District.from_model(d) if d else None,
                    record=public_record(r),
                )
            )
        return connection(items, offset, len(rows))
