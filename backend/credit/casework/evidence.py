"""Evidence files (证明材料) of objections, repair applications and public reports, and the
signed documents of credit commitments (credit.commitments).

Stored in the database, size-capped, type-checked against the declared content type by
the file's first bytes for the common formats (a .pdf that is not a PDF is refused).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from tortoise.backends.base.client import BaseDBAsyncClient

from credit.accounts.actor import Actor
from credit.accounts.permissions import Permission
from credit.casework.access import check_subject_access, is_enterprise, load_subject
from credit.casework.error_codes import CaseworkError, CaseworkErrorCode
from credit.casework.models import EvidenceFile
from credit.casework.params import WorkflowParams
from credit.commitments.models import Commitment
from credit.objections.models import Objection
from credit.repairs.models import RepairApplication
from credit.reports.models import PublicReport

OWNER_TYPES = ("objection", "repair", "report", "commitment")

_MAGIC = {
    "application/pdf": (b"%PDF-",),
    "image/png": (b"\x89PNG\r\n\x1a\n",),
    "image/jpeg": (b"\xff\xd8\xff",),
    "application/ofd": (b"PK\x03\x04",),  # an OFD is a zip container
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": (b"PK\x03\x04",),
}
# Metadata columns: list pages never load the bytes.
META_FIELDS = (
    "id",
    "owner_type",
    "owner_id",
    "name",
    "content_type",
    "size",
    "sha256",
    "uploaded_by_id",
    "created_at",
)


@dataclass(frozen=True)
class EvidenceInput:
    name: str
    content_type: str
    content: bytes


def check_evidence(files: Sequence[EvidenceInput], params: WorkflowParams) -> None:
    """Pure checks before anything is written."""
    if len(files) > params.evidence_max_files:
        raise CaseworkError(f"证明材料最多{params.evidence_max_files}个文件", field="evidence")
    for i, f in enumerate(files):
        where = f"evidence[{i}]"
        name = f.name.strip().replace("\\", "/").rsplit("/", 1)[-1]
        if not name or len(name) > 255:
            raise CaseworkError("文件名为空或过长", field=where)
        if f.content_type not in params.evidence_content_types:
            raise CaseworkError(
                f"不支持的文件类型：{f.content_type}（仅限 PDF、JPEG、PNG、OFD、DOCX）",
                field=where,
            )
        if not f.content:
            raise CaseworkError(f"文件“{name}”为空", field=where)
        if len(f.content) > params.evidence_max_bytes:
            mib = params.evidence_max_bytes / (1024 * 1024)
            raise CaseworkError(f"文件“{name}”超过 {mib:g} MB 上限", field=where)
        magic = _MAGIC.get(f.content_type, ())
        if magic and not f.content.startswith(magic):
            raise CaseworkError(f"文件“{name}”的内容与类型 {f.content_type} 不符", field=where)


async def store_evidence(
    conn: BaseDBAsyncClient | None,
    actor: Actor,
    owner_type: str,
    owner_id: int,
    files: Sequence[EvidenceInput],
    params: WorkflowParams,
) -> list[EvidenceFile]:
    if owner_type not in OWNER_TYPES:
        raise ValueError(f"unknown evidence owner {owner_type!r}")
    check_evidence(files, params)
    already = (
        await EvidenceFile.filter(owner_type=owner_type, owner_id=owner_id).using_db(conn).count()
    )
    if already + len(files) > params.evidence_max_files:
        raise CaseworkError(f"证明材料最多{params.evidence_max_files}个文件", field="evidence")
    rows = []
    for f in files:
        rows.append(
            await EvidenceFile.create(
                owner_type=owner_type,
                owner_id=owner_id,
                name=f.name.strip().replace("\\", "/").rsplit("/", 1)[-1],
                content_type=f.content_type,
                size=len(f.content),
                sha256=hashlib.sha256(f.content).hexdigest(),
                content=f.content,
                uploaded_by_id=actor.user_id,
                using_db=conn,
            )
        )
    return rows


async def list_evidence(
    conn: BaseDBAsyncClient | None, owner_type: str, owner_id: int
) -> list[EvidenceFile]:
    """Metadata only (the `content` column is not loaded)."""
    return (
        await EvidenceFile.filter(owner_type=owner_type, owner_id=owner_id)
        .using_db(conn)
        .only(*META_FIELDS)
        .order_by("id")
    )


async def read_evidence(conn: BaseDBAsyncClient | None, actor: Actor, file_id: int) -> EvidenceFile:
    """One file with its bytes, for whoever may see its owner: the subject's own account
    (objections and repairs), the handler of a report (its evidence may identify the
    reporter), and otherwise reviewers holding the handling permission."""
    row = await EvidenceFile.get_or_none(id=file_id, using_db=conn)
    if row is None:
        raise CaseworkError("文件不存在", CaseworkErrorCode.NOT_FOUND, "id")
    denied = CaseworkError("无权查看该文件", CaseworkErrorCode.OUT_OF_SCOPE, "id")
    if row.owner_type == "report":
        report = await PublicReport.get(id=row.owner_id, using_db=conn)
        if actor.user_id is None or report.handler_user_id != actor.user_id:
            raise denied
        return row
    if row.owner_type == "commitment":
        commitment = await Commitment.get(id=row.owner_id, using_db=conn)
        if not (is_enterprise(actor) or actor.can(Permission.VIEW_INTERNAL)):
            raise denied
        check_subject_access(actor, await load_subject(conn, commitment.subject_id))
        return row
    model = Objection if row.owner_type == "objection" else RepairApplication
    owner = await model.get(id=row.owner_id, using_db=conn)
    handling = Permission.HANDLE_OBJECTIONS if model is Objection else Permission.HANDLE_REPAIRS
    if not (is_enterprise(actor) or actor.can(handling)):
        raise denied
    check_subject_access(actor, await load_subject(conn, owner.subject_id))
    return row
