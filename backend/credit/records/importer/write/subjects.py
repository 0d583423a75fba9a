"""Subjects: the new ones inserted in bulk, the changed ones saved one by one (rare, and
each keeps its name history and is audited as the console's edit is)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from credit.accounts.crypto import protect_id_number
from credit.records.importer.bulk import ids_by, insert, new_ids
from credit.records.importer.rows import SubjectRow
from credit.records.importer.write.context import WriteContext, jsonable
from credit.subjects.identifiers import mask_id_number
from credit.subjects.models import District, Jurisdiction, Subject, SubjectNameChange


async def create_subjects(
    ctx: WriteContext, rows: Sequence[tuple[SubjectRow, Jurisdiction, District]]
) -> None:
    ids = await new_ids(ctx.conn, Subject, len(rows))
    await insert(
        ctx.conn,
        Subject,
        [
            ({"id": ids[i]} if ids is not None else {})
            | {
                "kind": row.kind,
                "uscc": row.uscc,
                "name": row.name,
                "jurisdiction_id": j.id,
                "district_id": d.id,
                "address": row.address or "",
                "legal_representative": "",
                "licence_no": "",
                **(
                    protect_id_number(row.id_number)
                    if row.id_number
                    else dict.fromkeys(("id_number_digest", "id_number_cipher", "id_number_masked"))
                ),
                "created_at": ctx.stamp,
                "updated_at": ctx.stamp,
            }
            for i, (row, j, d) in enumerate(rows)
        ],
    )
    if ids is not None:
        ctx.subject_ids |= {row.key: sid for (row, _, _), sid in zip(rows, ids, strict=True)}
    else:
        await _read_ids(ctx, rows)
    for row, _, _ in rows:
        sid = ctx.subject_ids[row.key]
        ctx.touched.add(sid)
        shown = row.uscc or mask_id_number(row.id_number or "")
        after = {"line": row.line, "name": row.name, "key": shown, "kind": row.kind.value}
        ctx.event("subject.import", "subject", sid, None, after)


async def _read_ids(
    ctx: WriteContext, rows: Sequence[tuple[SubjectRow, Jurisdiction, District]]
) -> None:
    """SQLite: the new subjects' ids, read back by their keys."""
    ctx.subject_ids |= await ids_by(
        lambda c: Subject.filter(uscc__in=c).using_db(ctx.conn).values_list("id", "uscc"),
        [row.uscc for row, _, _ in rows if row.uscc],
        lambda v: ("uscc", v[1]),
    )
    ctx.subject_ids |= await ids_by(
        lambda c: (
            Subject.filter(id_number_digest__in=c)
            .using_db(ctx.conn)
            .values_list("id", "id_number_digest")
        ),
        [row.key[1] for row, _, _ in rows if row.key[0] == "id"],
        lambda v: ("id", v[1]),
    )


async def update_subjects(
    ctx: WriteContext, rows: Sequence[tuple[SubjectRow, Subject, dict[str, Any]]]
) -> None:
    for row, subject, changes in rows:
        before = {k: jsonable(getattr(subject, k)) for k in changes}
        if "name" in changes:  # the name history (曾用名), as the console keeps it
            await SubjectNameChange.create(
                subject_id=subject.id,
                old_name=subject.name,
                new_name=changes["name"],
                changed_at=ctx.now,
                changed_by_id=ctx.user_id,
                source="import",
                using_db=ctx.conn,
            )
        subject.update_from_dict(changes)
        await subject.save(using_db=ctx.conn, update_fields=[*changes, "updated_at"])
        ctx.touched.add(subject.id)
        after = {"line": row.line} | {k: jsonable(v) for k, v in changes.items()}
        ctx.event("subject.import_update", "subject", subject.id, before, after)
