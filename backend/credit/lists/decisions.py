"""Listing decisions (SY 第十二条): every list entry names the decision that lists it.

An entry drawn from one record (a watch-list case, a red-list or blacklist record) carries
that record's decision number. An entry with no record of its own (a 第十一条 blacklisting
reached by the count of watch-list cases; an inspection without a document number) gets a
decision the product issues the day an evaluation first finds it (`issue_missing`, inside
the transaction that stores the evaluation); asked about another date, an entry is matched
to the decision issued for it (`fill_decision_nos`), never given a new one.

Entries are the payload dicts `evaluation_to_payload` writes; both functions set their
"decision_no" and "decision_date" in place.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Mapping, MutableMapping, Sequence
from datetime import UTC, date, datetime
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient

from credit.casework.params import workflow_params
from credit.lists.models import ListingDecision

Entry = MutableMapping[str, Any]
LIST_SHORT_ZH = {"RED": "红", "WATCH": "警", "BLACK": "黑"}


def entry_identity(entry: Mapping[str, Any]) -> str:
    """What makes two entries "the same listing": a threshold blacklisting (SY 第十一条) is
    one listing however its counted cases change; any other entry is its records."""
    if entry["list"] == "BLACK" and entry["rule"] == "watch_list_threshold":
        return "BLACK.watch_list_threshold"
    ids = ",".join(str(i) for i in sorted(entry["record_ids"]))
    return f"{entry['list']}.{entry['rule']}.{ids}"


def match(decisions: Sequence[ListingDecision], entry: Mapping[str, Any]) -> ListingDecision | None:
    """The decision issued for `entry`: same identity, issued for a listing that started
    before the entry ends; the latest such (an earlier listing that ended and came back
    has a decision of its own)."""
    identity = entry_identity(entry)
    until = entry.get("until")
    found = [
        d
        for d in decisions
        if d.identity == identity and (until is None or d.since.isoformat() < until)
    ]
    return max(found, key=lambda d: (d.since, d.id), default=None)


def _apply(entry: Entry, decision: ListingDecision) -> None:
    entry["decision_no"] = decision.decision_no
    entry["decision_date"] = decision.decided_on.isoformat()


async def _decisions(
    subject_ids: Sequence[int], conn: BaseDBAsyncClient | None
) -> dict[int, list[ListingDecision]]:
    out: dict[int, list[ListingDecision]] = defaultdict(list)
    for d in await ListingDecision.filter(subject_id__in=list(subject_ids)).using_db(conn):
        out[d.subject_id].append(d)
    return out


async def fill_decision_nos(
    entries_by_subject: Mapping[int, Sequence[Entry]], conn: BaseDBAsyncClient | None = None
) -> None:
    """Read only: the issued decision of every entry without a number of its own."""
    wanting = [sid for sid, es in entries_by_subject.items() if any(_wants(e) for e in es)]
    if not wanting:
        return
    decisions = await _decisions(wanting, conn)
    for sid in wanting:
        for entry in entries_by_subject[sid]:
            if _wants(entry) and (d := match(decisions[sid], entry)) is not None:
                _apply(entry, d)


def _wants(entry: Mapping[str, Any]) -> bool:
    return not entry.get("decision_no")


async def issue_missing(
    conn: BaseDBAsyncClient | None,
    subject_id: int,
    policy_code: str,
    entries: Sequence[Entry],
    on: date,
) -> list[ListingDecision]:
    """Give every entry without a number the decision issued for it, issuing one dated
    `on` where there is none yet. Returns the decisions issued now."""
    if not any(_wants(e) for e in entries):
        return []
    existing = (await _decisions([subject_id], conn))[subject_id]
    fmt = workflow_params(policy_code).listing_decision_no_format
    issued = []
    for entry in entries:
        if not _wants(entry):
            continue
        decision = match(existing, entry)
        if decision is None:
            # the serial is the row's id: unique without a counter to lock
            decision = await ListingDecision.create(
                subject_id=subject_id,
                kind=entry["list"],
                identity=entry_identity(entry),
                since=date.fromisoformat(entry["since"]),
                decision_no=f"pending-{uuid.uuid4().hex}",
                decided_on=on,
                using_db=conn,
            )
            decision.decision_no = fmt.format(
                list=LIST_SHORT_ZH[entry["list"]], year=on.year, seq=decision.id
            )
            await decision.save(using_db=conn, update_fields=["decision_no"])
            existing.append(decision)
            issued.append(decision)
        _apply(entry, decision)
    return issued


_NEXT_IDS = (
    "SELECT nextval(pg_get_serial_sequence('listing_decision', 'id')) AS id"
    " FROM generate_series(1, $1)"
)
_INSERT_MANY = """
INSERT INTO listing_decision (id, subject_id, kind, identity, since, decision_no, decided_on,
                              created_at)
SELECT * FROM unnest($1::int[], $2::int[], $3::text[], $4::text[], $5::date[], $6::text[],
                     $7::date[], $8::timestamptz[])
"""


async def issue_missing_many(
    conn: BaseDBAsyncClient,
    wanting: Sequence[tuple[int, str, Sequence[Entry]]],
    on: date,
) -> int:
    """`issue_missing` for many subjects at once, (subject id, policy code, entries) each,
    PostgreSQL only (the full sweep): one read of their decisions, the new decisions' ids
    taken from the sequence first so that each row is inserted once with its number, one
    insert. Returns the number of decisions issued."""
    wanting = [w for w in wanting if any(_wants(e) for e in w[2])]
    if not wanting:
        return 0
    existing = await _decisions([sid for sid, _, _ in wanting], conn)
    new: list[ListingDecision] = []
    pairs: list[tuple[Entry, ListingDecision]] = []
    for sid, code, entries in wanting:
        for entry in entries:
            if not _wants(entry):
                continue
            decision = match(existing[sid], entry)
            if decision is None:
                decision = ListingDecision(
                    subject_id=sid,
                    kind=entry["list"],
                    identity=entry_identity(entry),
                    since=date.fromisoformat(entry["since"]),
                    decided_on=on,
                )
                decision.decision_no = workflow_params(code).listing_decision_no_format
                existing[sid].append(decision)
                new.append(decision)
            pairs.append((entry, decision))
    if new:
        ids = [r["id"] for r in await conn.execute_query_dict(_NEXT_IDS, [len(new)])]
        for decision, id_ in zip(new, ids, strict=True):
            # the serial is the row's id, as issue_missing numbers it
            decision.id = id_
            decision.decision_no = decision.decision_no.format(
                list=LIST_SHORT_ZH[str(decision.kind)], year=on.year, seq=id_
            )
        now = datetime.now(UTC)  # as auto_now_add sets it
        await conn.execute_query_dict(
            _INSERT_MANY,
            [
                [d.id for d in new],
                [d.subject_id for d in new],
                [str(d.kind) for d in new],
                [d.identity for d in new],
                [d.since for d in new],
                [d.decision_no for d in new],
                [d.decided_on for d in new],
                [now] * len(new),
            ],
        )
    for entry, decision in pairs:
        _apply(entry, decision)
    return len(new)
