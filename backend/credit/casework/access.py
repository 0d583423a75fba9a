"""Loading, locking and scoping the subject of a case, the one lock order, and who may
act on a case.

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

from typing import TypeVar

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.models import Model

from credit.accounts.actor import Actor
from credit.accounts.models import Role
from credit.casework.error_codes import CaseworkError, CaseworkErrorCode
from credit.subjects.models import Subject


async def load_subject(
    conn: BaseDBAsyncClient | None, subject_id: int, *, lock: bool = False
) -> Subject:
    """The subject row; `lock` takes the subject lock (first of all, see "Lock order")
    around a change that re-evaluates it, as every record change does."""
    query = Subject.filter(id=subject_id).using_db(conn)
    subject = await (query.select_for_update(no_key=True) if lock else query).first()
    if subject is None:
        raise CaseworkError("主体不存在", CaseworkErrorCode.NOT_FOUND, "subjectId")
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
        raise CaseworkError(f"{what}不存在", CaseworkErrorCode.NOT_FOUND, field)
    await load_subject(conn, seen.subject_id, lock=True)  # type: ignore[attr-defined]
    row = await model.filter(id=object_id).using_db(conn).select_for_update().first()
    if row is None or getattr(row, watch) != getattr(seen, watch):
        raise CaseworkError(
            f"该{what}刚由他人处理，本次操作未保存，请刷新后查看", CaseworkErrorCode.CONFLICT, field
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
        raise CaseworkError("该主体不在您的管辖范围内", CaseworkErrorCode.OUT_OF_SCOPE, "subjectId")


def check_staff_access(actor: Actor, subject: Subject) -> None:
    """A bureau step (accept, decide, register): never an enterprise account, and only
    within the actor's data scope."""
    if is_enterprise(actor) or not actor.is_authenticated:
        raise CaseworkError("此操作须由公安机关办理", CaseworkErrorCode.OUT_OF_SCOPE)
    check_subject_access(actor, subject)
