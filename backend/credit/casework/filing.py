"""What filing a case against published records shares (objections and repair
applications): the records of the subject, that they are published and since when, the
list entries as of now, and that no other open case of the same kind covers them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, Protocol

from tortoise.backends.base.client import BaseDBAsyncClient

from credit.accounts.actor import Actor
from credit.casework.access import is_enterprise
from credit.casework.error_codes import CaseworkError, CaseworkErrorCode
from credit.casework.states import Channel
from credit.core import clock
from credit.grades.services import evaluate_at, evaluation_to_payload
from credit.lists.decisions import fill_decision_nos
from credit.notices.texts import LIST_ZH
from credit.policies.facts import ListKind, RecordStatus
from credit.records.models import CreditRecord, RecordTransition
from credit.subjects.models import Subject
from credit.subjects.scope import record_visible_to


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
        raise CaseworkError("须选择至少一条信用信息", field="recordIds")
    query = CreditRecord.filter(id__in=ids, subject_id=subject.id).using_db(conn)
    rows = await (query.select_for_update() if lock else query).order_by("id")
    if actor is not None:
        rows = [r for r in rows if record_visible_to(actor, r)]
    missing = sorted(set(ids) - {r.id for r in rows})
    if missing:
        raise CaseworkError(
            f"信用信息 {missing[0]} 不存在或不属于该主体", CaseworkErrorCode.NOT_FOUND, "recordIds"
        )
    return list(rows)


def require_published(records: Sequence[CreditRecord]) -> None:
    for r in records:
        if r.status != RecordStatus.PUBLISHED:
            raise CaseworkError(
                f"信用信息 {r.id}（{r.summary[:20]}）未处于公布状态",
                CaseworkErrorCode.INVALID_STATE,
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


async def list_entry_covering(
    conn: BaseDBAsyncClient | None,
    subject: Subject,
    record_ids: Sequence[int],
    list_kind: ListKind,
) -> dict[str, Any]:
    """The subject's current entry on `list_kind` that rests on all of `record_ids` (a case
    against a list entry names the records behind it: entries are rebuilt on every
    evaluation, their ids are not stable); INVALID_STATE when there is none."""
    wanted = set(record_ids)
    for entry in await list_entries_now(conn, subject):
        if entry["list"] == list_kind.value and wanted <= set(entry["record_ids"]):
            return entry
    raise CaseworkError(
        f"所选信用信息不在该主体当前的“{LIST_ZH[list_kind.value]}”条目中",
        CaseworkErrorCode.INVALID_STATE,
        "recordIds",
    )


class OpenCase(Protocol):
    id: int
    record_ids: list[int]


def check_no_open_case(cases: Sequence[OpenCase], record_ids: Sequence[int], what: str) -> None:
    """CONFLICT when one of the subject's open `cases` (of the same kind) already covers
    one of the records: one record, one open objection and one open application at most."""
    for other in cases:
        if set(other.record_ids) & set(record_ids):
            raise CaseworkError(
                f"所选信用信息已有处理中的{what}（编号{other.id}）",
                CaseworkErrorCode.CONFLICT,
                "recordIds",
            )


def channel_of(actor: Actor) -> Channel:
    """Online when the enterprise account files, paper when a reviewer enters it."""
    return Channel.ONLINE if is_enterprise(actor) else Channel.PAPER
