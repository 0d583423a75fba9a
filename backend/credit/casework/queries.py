"""The content of one evidence file, for whoever may see its case."""

from __future__ import annotations

import strawberry

from credit.accounts.permissions import Permission
from credit.apicore.context import Info
from credit.casework.error_codes import CaseError
from credit.casework.evidence import read_evidence
from credit.casework.resolvers import arg_id, requires_any
from credit.casework.types import EvidenceFileContent

P = Permission


@strawberry.type
class EvidenceQueries:
    @strawberry.field(
        extensions=requires_any(
            P.VIEW_OWN_SUBJECT,
            P.HANDLE_OBJECTIONS,
            P.HANDLE_REPAIRS,
            P.HANDLE_REPORTS,
            P.VIEW_INTERNAL,
        ),
        description="证明材料的内容（base64）：异议与修复申请的材料限本企业账号与管辖范围内的"
        "办理人员；举报材料仅限承办人；信用承诺书限本企业账号与管辖范围内的内部用户。"
        "无权查看或不存在时为 null",
    )
    async def evidence_file(self, info: Info, id: strawberry.ID) -> EvidenceFileContent | None:
        file_id = arg_id(id, "id")
        assert file_id is not None
        try:
            row = await read_evidence(None, info.context.actor, file_id)
        except CaseError:
            return None
        return EvidenceFileContent.with_content(row)
