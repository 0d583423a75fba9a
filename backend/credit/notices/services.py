"""Notices to subjects and publication events (SY 第八条、第十二条、第十五条).

`on_list_change` is the hook for every change of a subject's records: given its list
entries before and after the change (payload dicts, as `evaluation_to_payload` writes
them), it writes a notice per added or removed entry of a noticed list and a publication
event per target, all in the caller's transaction. `change_id` names the change (e.g.
"transition:812", "objection:5"): the same change announced twice is written once, and a
later change that brings back an equal entry is announced again.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient

from credit.accounts.actor import Actor
from credit.casework.filing import published_dates
from credit.casework.policy import issuing_unit_name, params_of, policy_of
from credit.core import clock
from credit.lists.decisions import entry_identity
from credit.notices import texts
from credit.notices.models import Notice
from credit.notices.states import NoticeKind
from credit.outbox.models import OutboxEvent
from credit.outbox.services import enqueue_for_targets, event_key
from credit.policies.catalogues import INFO_TYPES_BY_CODE
from credit.policies.facts import SubjectKind
from credit.records.models import CreditRecord
from credit.subjects.identifiers import mask_person_name
from credit.subjects.models import District, Subject

Entry = Mapping[str, Any]


async def create_notice(
    conn: BaseDBAsyncClient | None,
    actor: Actor,
    subject: Subject,
    kind: NoticeKind,
    title: str,
    body: str,
    *,
    object_type: str = "",
    object_id: str | int = "",
    record_ids: Sequence[int] = (),
    dedup_key: str | None = None,
) -> Notice:
    if dedup_key is not None:
        existing = await Notice.get_or_none(dedup_key=dedup_key, using_db=conn)
        if existing is not None:
            return existing
    # Texts address an organisation as 你单位 and either kind as 你（单位）.
    if subject.kind == SubjectKind.NATURAL_PERSON:
        body = body.replace("你单位", "你").replace("你（单位）", "你")
    else:
        body = body.replace("你（单位）", "你单位")
    return await Notice.create(
        subject_id=subject.id,
        kind=kind,
        title=title,
        body=body,
        object_type=object_type,
        object_id=str(object_id),
        record_ids=sorted(record_ids),
        dedup_key=dedup_key,
        created_by_id=actor.user_id,
        using_db=conn,
    )


async def policy_text_of(conn: BaseDBAsyncClient | None, subject: Subject) -> texts.PolicyText:
    policy = await policy_of(conn, subject)
    return texts.policy_text(policy.code, policy.name, policy.document_no)


async def record_lines(
    conn: BaseDBAsyncClient | None, records: Sequence[CreditRecord]
) -> list[texts.RecordLine]:
    published = await published_dates(conn, records)
    return [texts.RecordLine(r.summary, r.decision_no, published.get(r.id)) for r in records]


# --- what the public sites receive: public fields only ------------------------------------


async def subject_public(conn: BaseDBAsyncClient | None, subject: Subject) -> dict[str, Any]:
    """DOMAIN.md disclosure: name (masked for a natural person), USCC, kind, district;
    never an ID number, address or contact."""
    district = await District.get(id=subject.district_id, using_db=conn)
    person = subject.kind == SubjectKind.NATURAL_PERSON
    return {
        "name": mask_person_name(subject.name) if person else subject.name,
        "uscc": None if person else subject.uscc,
        "kind": str(subject.kind),
        "district": {"code": district.code, "name": district.name},
    }


async def records_public(
    conn: BaseDBAsyncClient | None, records: Sequence[CreditRecord]
) -> list[dict[str, Any]]:
    published = await published_dates(conn, records)
    out = []
    for r in records:
        info = INFO_TYPES_BY_CODE.get(r.type)
        out.append(
            {
                "id": r.id,
                "type": r.type,
                "type_zh": info.name_zh if info else r.type,
                "category": str(r.category),
                "decision_no": r.decision_no,
                "decision_date": r.decision_date.isoformat() if r.decision_date else None,
                "issuing_unit": r.issuing_unit,
                "summary": r.summary,
                "published_on": published[r.id].isoformat() if r.id in published else None,
            }
        )
    return out


# --- list changes ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ListDiff:
    added: tuple[Entry, ...]
    removed: tuple[Entry, ...]


def diff_entries(before: Sequence[Entry], after: Sequence[Entry]) -> ListDiff:
    """Pure: entries whose identity appears only after (added) or only before (removed)."""
    old = {entry_identity(e): e for e in before}
    new = {entry_identity(e): e for e in after}
    return ListDiff(
        added=tuple(e for k, e in new.items() if k not in old),
        removed=tuple(e for k, e in old.items() if k not in new),
    )


@dataclass
class ListChangeResult:
    added: list[Entry] = field(default_factory=list)
    removed: list[Entry] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    events: list[OutboxEvent] = field(default_factory=list)


async def on_list_change(
    conn: BaseDBAsyncClient | None,
    actor: Actor,
    subject: Subject,
    before: Sequence[Entry],
    after: Sequence[Entry],
    *,
    change_id: str,
    notify: bool = True,
    removal_reason: str = "名单所依据的信用信息已撤销、修复或不再计入",
) -> ListChangeResult:
    """Notices (SY 第十二条) and publication events for the entries a change added or
    removed. `notify=False` when the caller's own decision notice already tells the subject
    (objection result, repair decision)."""
    diff = diff_entries(before, after)
    result = ListChangeResult(list(diff.added), list(diff.removed))
    if not diff.added and not diff.removed:
        return result
    params = await params_of(conn, subject)
    p = await policy_text_of(conn, subject)
    unit = await issuing_unit_name(conn, actor, subject)
    today = clock.today()
    who = await subject_public(conn, subject)
    for change, entries in (("added", diff.added), ("removed", diff.removed)):
        for entry in entries:
            kind, identity = str(entry["list"]), entry_identity(entry)
            records = list(
                await CreditRecord.filter(id__in=list(entry["record_ids"]))
                .using_db(conn)
                .order_by("id")
            )
            if notify and kind in params.notice_lists:
                if change == "added":
                    title, body = texts.listing(
                        p,
                        subject.name,
                        kind,
                        date.fromisoformat(entry["since"]),
                        await record_lines(conn, records),
                        params.objection_window_days,
                        unit,
                        today,
                        decision_no=entry.get("decision_no"),
                    )
                else:
                    title, body = texts.removal(p, subject.name, kind, removal_reason, unit, today)
                result.notices.append(
                    await create_notice(
                        conn,
                        actor,
                        subject,
                        NoticeKind.LISTING if change == "added" else NoticeKind.REMOVAL,
                        title,
                        body,
                        object_type="subject",
                        object_id=subject.id,
                        record_ids=entry["record_ids"],
                        dedup_key=event_key("notice", subject.id, change_id, change, identity),
                    )
                )
            if kind in params.publish_lists:
                payload = {
                    "change": change,
                    "subject": who,
                    "list": kind,
                    "list_zh": texts.LIST_ZH[kind],
                    "since": entry["since"],
                    "until": entry.get("until"),
                    "article": entry.get("article"),
                    "decision_no": entry.get("decision_no"),
                    "records": await records_public(conn, records) if change == "added" else [],
                    "record_ids": list(entry["record_ids"]),
                    "on": today.isoformat(),
                }
                result.events += await enqueue_for_targets(
                    conn,
                    params.publication_targets,
                    key=event_key("list", subject.id, change_id, change, identity),
                    kind=f"list.entry_{change}",
                    payload=payload,
                    jurisdiction_id=subject.jurisdiction_id,
                )
    return result


async def announce_records_withdrawn(
    conn: BaseDBAsyncClient | None,
    subject: Subject,
    records: Sequence[CreditRecord],
    *,
    change_id: str,
    cause: str,
    decision_no: str | None = None,
) -> list[OutboxEvent]:
    """Tell the public sites to take records down (revoked on objection, repaired)."""
    params = await params_of(conn, subject)
    payload = {
        "subject": await subject_public(conn, subject),
        "cause": cause,
        "decision_no": decision_no,
        "record_ids": [r.id for r in records],
        "on": clock.today().isoformat(),
    }
    return await enqueue_for_targets(
        conn,
        params.publication_targets,
        key=event_key("records", subject.id, change_id, cause),
        kind="records.withdrawn",
        payload=payload,
        jurisdiction_id=subject.jurisdiction_id,
    )
