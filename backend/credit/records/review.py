"""What the reviewer's card and the officer's list show beside a record: its warnings
(credit.records.rules.review_warnings) and the reason it was last returned. Both through
per-request loaders, so a page of records costs a fixed number of queries."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

import strawberry
from strawberry.dataloader import DataLoader

from credit.apicore.context import Info
from credit.core import clock
from credit.policies.facts import RecordStatus
from credit.policies.params import POLICY_DEFAULTS
from credit.policies.services import PolicyNotFound, policy_for
from credit.records import rules
from credit.records.models import CreditRecord, RecordTransition
from credit.subjects.models import Jurisdiction, Subject


@strawberry.type(description="审核提示：不一定有错，但审核人应再核对")
class ReviewWarning:
    code: str
    message: str


async def _retention_years(policy_codes: set[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for code in policy_codes:
        try:
            params = (await policy_for(code, clock.now())).params
        except PolicyNotFound:
            params = POLICY_DEFAULTS.get(code, {})
        out[code] = int(params.get("retention_years", 5))
    return out


async def _load_warnings(ids: list[int]) -> Sequence[list[ReviewWarning]]:
    records = {r.id: r for r in await CreditRecord.filter(id__in=ids)}
    subjects = {
        s.id: s for s in await Subject.filter(id__in={r.subject_id for r in records.values()})
    }
    jurisdictions = {
        j.id: j
        for j in await Jurisdiction.filter(id__in={s.jurisdiction_id for s in subjects.values()})
    }
    years = await _retention_years({j.policy_code for j in jurisdictions.values()})
    numbers = {r.decision_no for r in records.values() if r.decision_no}
    uses: Counter[tuple[int, str]] = Counter()
    if numbers:
        rows = (
            await CreditRecord.filter(decision_no__in=numbers)
            .exclude(status=RecordStatus.DELETED)
            .values_list("id", "decision_no", "subject__jurisdiction_id")
        )
        for _, number, jid in rows:
            uses[(jid, number)] += 1
    today = clock.today()
    out: list[list[ReviewWarning]] = []
    for rid in ids:
        record = records.get(rid)
        if record is None:
            out.append([])
            continue
        subject = subjects[record.subject_id]
        jurisdiction = jurisdictions[subject.jurisdiction_id]
        same = uses.get((subject.jurisdiction_id, record.decision_no or ""), 0)
        mine = 0 if record.status == RecordStatus.DELETED else 1
        found = rules.review_warnings(
            decision_no=record.decision_no,
            same_decision_no_elsewhere=max(same - mine, 0),
            occurred_on=record.occurred_on,
            retention_years=years[jurisdiction.policy_code],
            today=today,
        )
        out.append([ReviewWarning(code=w.code.value, message=w.message) for w in found])
    return out


async def _load_return_reasons(ids: list[int]) -> Sequence[str | None]:
    """The reason of the record's latest rejection, while it is rejected or back in draft
    after one (reopened: the officer still needs to know what to fix)."""
    rows = await RecordTransition.filter(
        record_id__in=ids, to_status=RecordStatus.REJECTED
    ).order_by("at", "id")
    latest: dict[int, str] = {t.record_id: t.reason for t in rows}
    return [latest.get(i) for i in ids]


@dataclass
class ReviewLoaders:
    warnings: DataLoader[int, list[ReviewWarning]] = field(
        default_factory=lambda: DataLoader(load_fn=_load_warnings)
    )
    return_reason: DataLoader[int, str | None] = field(
        default_factory=lambda: DataLoader(load_fn=_load_return_reasons)
    )


def loaders(info: Info) -> ReviewLoaders:
    return info.context.loaders.get(ReviewLoaders)
