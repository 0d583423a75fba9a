"""Mutations of credit repair (第十五条), named noun first. Each declares its permission,
checks the data scope, and calls its service inside `run_case` (one transaction with its
audit event)."""

from __future__ import annotations

from typing import Any

import strawberry
from tortoise.backends.base.client import BaseDBAsyncClient

from credit.accounts.actor import Actor
from credit.accounts.permissions import Permission, requires
from credit.apicore.context import Info
from credit.apicore.mutations import Outcome
from credit.casework.resolvers import (
    CaseStep,
    case_snapshot,
    decode_evidence,
    int_id,
    int_ids,
    list_kind_arg,
    require_subject_in_scope,
    run_case,
    run_case_step,
)
from credit.policies.facts import RecordStatus
from credit.records.trail import record_changed_by_case
from credit.repairs import services
from credit.repairs.error_codes import RepairPayloadError, to_user_error
from credit.repairs.models import RepairApplication as RepairModel
from credit.repairs.types import RepairApplication, RepairApplyInput

P = Permission


@strawberry.type
class RepairApplicationPayload:
    repair_application: RepairApplication | None
    errors: list[RepairPayloadError]


async def _repair_step(
    info: Info, id: strawberry.ID, action: str, step: CaseStep
) -> RepairApplicationPayload:
    value, errors = await run_case_step(
        info,
        id,
        model=RepairModel,
        what="修复申请",
        object_type="repair_application",
        action=action,
        step=step,
        to_user_error=to_user_error,
    )
    return RepairApplicationPayload(
        repair_application=RepairApplication.from_row(value) if value else None, errors=errors
    )


@strawberry.type
class RepairMutations:
    @strawberry.mutation(
        extensions=requires(P.APPLY_REPAIR),
        description="申请信用修复（移出名单）：须过最短公示期（否则 TOO_EARLY），"
        "附整改情况与证明材料",
    )
    async def repair_apply(self, info: Info, input: RepairApplyInput) -> RepairApplicationPayload:
        async def body(conn: BaseDBAsyncClient) -> Outcome:
            actor, sid = info.context.actor, int_id(input.subject_id, "subjectId")
            await require_subject_in_scope(conn, actor, sid)
            row = await services.file_repair(
                conn,
                actor,
                subject_id=sid,
                record_ids=int_ids(input.record_ids, "recordIds"),
                rectification=input.rectification,
                list_kind=list_kind_arg(input.list_kind),
                evidence=decode_evidence(input.evidence),
                applicant_name=input.applicant_name,
            )
            return Outcome(
                row, "repair_application", row.id, None, case_snapshot(row), public_change=False
            )

        value, errors = await run_case(info, "repair_application.file", body, to_user_error)
        return RepairApplicationPayload(
            repair_application=RepairApplication.from_row(value) if value else None, errors=errors
        )

    @strawberry.mutation(
        extensions=requires(P.HANDLE_REPAIRS),
        description="准予修复（解除决定，decisionNo 为文书号）：信息转为已修复，"
        "即时停止公示与计数，书面告知并推送公示网站。"
        "公示期间有属实或尚在核查的举报时返回 BLOCKED_BY_REPORT",
    )
    async def repair_approve(
        self, info: Info, id: strawberry.ID, decision_no: str, reason: str = ""
    ) -> RepairApplicationPayload:
        async def step(conn: BaseDBAsyncClient, actor: Actor, rid: int) -> tuple[Any, bool]:
            result = await services.approve_repair(
                conn, actor, rid, decision_no=decision_no, reason=reason
            )
            await record_changed_by_case(
                conn,
                info.context,
                result.application.record_ids,
                RecordStatus.REPAIRED,
                "repair_application",
                rid,
            )
            return result.application, True

        return await _repair_step(info, id, "approve", step)

    @strawberry.mutation(
        extensions=requires(P.HANDLE_REPAIRS), description="不予修复（须写明理由并书面告知）"
    )
    async def repair_reject(
        self, info: Info, id: strawberry.ID, reason: str
    ) -> RepairApplicationPayload:
        async def step(conn: BaseDBAsyncClient, actor: Actor, rid: int) -> tuple[Any, bool]:
            return await services.reject_repair(conn, actor, rid, reason=reason), False

        return await _repair_step(info, id, "reject", step)

    @strawberry.mutation(extensions=requires(P.APPLY_REPAIR), description="撤回信用修复申请")
    async def repair_withdraw(self, info: Info, id: strawberry.ID) -> RepairApplicationPayload:
        async def step(conn: BaseDBAsyncClient, actor: Actor, rid: int) -> tuple[Any, bool]:
            return await services.withdraw_repair(conn, actor, rid), False

        return await _repair_step(info, id, "withdraw", step)
