"""What the workflow services share: loading, locking and scoping subjects and records,
the policy and parameters of a subject, the list entries as of now, and the issuing unit.

Lock order (PostgreSQL row locks; SQLite serialises writers itself). Every transaction
that changes anything of a subject takes its locks in this one order, so that two of
them can only queue, never deadlock:

1. the subject row, first (`load_subject(lock=True)`: SELECT … FOR NO KEY UPDATE, which
   still lets other transactions insert rows referencing the subject);
2. the case the change is about: an objection, repair application, public report, or
   the decision of an appeal (`lock_case`);
3. the subject's records, in id order (`load_records(lock=True)`);
then, all under the subject lock, the evaluation, list entries, notices and outbox.

A transaction that starts from a record's or a case's id reads it without a lock to learn
its subject, locks the subject, then locks and re-reads the row: if it changed meanwhile
(another reviewer decided first), the answer is CONFLICT. A transaction that still meets
a deadlock or serialization failure is re-run by `run_mutation` (credit.apicore.retry), then
answered CONFLICT.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, TypeVar

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.models import Model

from credit.accounts.actor import Actor
from credit.accounts.models import Role, Unit
from credit.core import clock
from credit.grades.services import evaluate_at, evaluation_to_payload
from credit.lists.decisions import fill_decision_nos
from credit.policies.facts import RecordStatus
from credit.policies.models import Policy
from credit.records.models import CreditRecord, RecordTransition
from credit.subjects.models import Jurisdiction, Subject
from credit.workflows.errors import WorkflowError, WorkflowErrorCode
from credit.workflows.params import WorkflowParams, workflow_params


async def load_subject(
    conn: BaseDBAsyncClient | None, subject_id: int, *, lock: bool = False
) -> Subject:
    """The subject row; `lock` takes the subject lock (first of all, see "Lock order")
    around a change that re-evaluates it, as every record change does."""
    query = Subject.filter(id=subject_id).using_db(conn)
    subject = await (query.select_for_update(no_key=True) if lock else query).first()
    if subject is None:
        raise WorkflowError("主体不存在", WorkflowErrorCode.NOT_FOUND, "subjectId")
    return subject


M = TypeVar("M", bound=Model)


async def lock_case(
    conn: BaseDBAsyncClient,
    model: type[M],
    object_id: int,
    what: str,
    *,
    field: str = "id",
    watch: str = "status",
) -> M:
    """Lock a case row (objection, repair application, report, decision) in the one lock
    order: its subject first, then the row. CONFLICT when the row's `watch` field changed
    while this transaction waited for the locks, i.e. someone else acted on it first."""
    seen = await model.filter(id=object_id).using_db(conn).first()
    if seen is None:
        raise WorkflowError(f"{what}不存在", WorkflowErrorCode.NOT_FOUND, field)
    await load_subject(conn, seen.subject_id, lock=True)  # type: ignore[attr-defined]
    row = await model.filter(id=object_id).using_db(conn).select_for_update().first()
    if row is None or getattr(row, watch) != getattr(seen, watch):
        raise WorkflowError(
            f"该{what}刚由他人处理，本次操作未保存，请刷新后查看", WorkflowErrorCode.CONFLICT, field
        )
    return row


def is_enterprise(actor: Actor) -> bool:
    return actor.role == Role.ENTERPRISE.value


def check_subject_access(actor: Actor, subject: Subject) -> None:
    """An enterprise account acts only for its own subject; staff within their data scope
    (a district officer its district, city roles their jurisdiction)."""
    if is_enterprise(actor):
        ok = actor.subject_id is not None and actor.subject_id == subject.id
    elif actor.district_id is not None:
        ok = subject.district_id == actor.district_id
    elif actor.jurisdiction_id is not None:
        ok = subject.jurisdiction_id == actor.jurisdiction_id
    else:
        ok = actor.is_authenticated
    if not ok:
        raise WorkflowError("该主体不在您的管辖范围内", WorkflowErrorCode.OUT_OF_SCOPE, "subjectId")


def check_staff_access(actor: Actor, subject: Subject) -> None:
    """A bureau step (accept, decide, register): never an enterprise account, and only
    within the actor's data scope."""
    if is_enterprise(actor) or not actor.is_authenticated:
        raise WorkflowError("此操作须由公安机关办理", WorkflowErrorCode.OUT_OF_SCOPE)
    check_subject_access(actor, subject)


async def policy_of(conn: BaseDBAsyncClient | None, subject: Subject) -> Policy:
    """The policy row (latest version) of the subject's jurisdiction, for its name, number
    and code."""
    j = await Jurisdiction.get(id=subject.jurisdiction_id, using_db=conn)
    row = await Policy.filter(code=j.policy_code).using_db(conn).order_by("-version").first()
    if row is None:
        raise WorkflowError(f"政策 {j.policy_code} 未加载", WorkflowErrorCode.INVALID_STATE)
    return row


async def params_of(conn: BaseDBAsyncClient | None, subject: Subject) -> WorkflowParams:
    j = await Jurisdiction.get(id=subject.jurisdiction_id, using_db=conn)
    return workflow_params(j.policy_code)


async def load_records(
    conn: BaseDBAsyncClient | None,
    subject: Subject,
    record_ids: Sequence[int],
    *,
    lock: bool = False,
    actor: Actor | None = None,
) -> list[CreditRecord]:
    """The records, all of `subject`, in id order (NOT_FOUND naming a missing one). With
    `actor`, a record that reader may not see (an enterprise: a draft, a record under
    review, a rejected one) is missing too, so its existence is not disclosed."""
    ids = sorted(set(record_ids))
    if not ids:
        raise WorkflowError("须选择至少一条信用信息", field="recordIds")
    query = CreditRecord.filter(id__in=ids, subject_id=subject.id).using_db(conn)
    rows = await (query.select_for_update() if lock else query).order_by("id")
    if actor is not None:
        from credit.subjects.scope import record_visible_to

        rows = [r for r in rows if record_visible_to(actor, r)]
    missing = sorted(set(ids) - {r.id for r in rows})
    if missing:
        raise WorkflowError(
            f"信用信息 {missing[0]} 不存在或不属于该主体", WorkflowErrorCode.NOT_FOUND, "recordIds"
        )
    return list(rows)


def require_published(records: Sequence[CreditRecord]) -> None:
    for r in records:
        if r.status != RecordStatus.PUBLISHED:
            raise WorkflowError(
                f"信用信息 {r.id}（{r.summary[:20]}）未处于公布状态",
                WorkflowErrorCode.INVALID_STATE,
                "recordIds",
            )


async def published_dates(
    conn: BaseDBAsyncClient | None, records: Sequence[CreditRecord]
) -> dict[int, date]:
    """Local date of each record's first publication (from its transitions, the engine's
    source of truth; `published_at` as a fallback)."""
    rows = (
        await RecordTransition.filter(
            record_id__in=[r.id for r in records], to_status=RecordStatus.PUBLISHED
        )
        .using_db(conn)
        .order_by("at", "id")
    )
    out: dict[int, date] = {}
    for t in rows:
        out.setdefault(t.record_id, t.at.astimezone(clock.TZ).date())
    for r in records:
        if r.id not in out and r.published_at is not None:
            out[r.id] = r.published_at.astimezone(clock.TZ).date()
    return out


async def list_entries_now(
    conn: BaseDBAsyncClient | None, subject: Subject
) -> list[dict[str, Any]]:
    """The subject's list entries as of now, evaluated (not read from the stored row,
    which may be stale by time passing): the "before" of a change."""
    ev = await evaluate_at(subject, clock.now(), conn)
    entries: list[dict[str, Any]] = evaluation_to_payload(ev)["list_entries"]
    await fill_decision_nos({subject.id: entries}, conn)  # the listing decisions issued
    return entries


async def issuing_unit_name(conn: BaseDBAsyncClient | None, actor: Actor, subject: Subject) -> str:
    """The unit a notice is issued in the name of: the actor's unit, else the bureau of
    the subject's jurisdiction."""
    if actor.unit_id is not None:
        unit = await Unit.get_or_none(id=actor.unit_id, using_db=conn)
        if unit is not None:
            return unit.name
    j = await Jurisdiction.get(id=subject.jurisdiction_id, using_db=conn)
    return f"{j.name}公安局"
