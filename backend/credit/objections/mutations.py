"""Mutations of objections (第十四条), named noun first. Each declares its permission,
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
from credit.objections import services
from credit.objections.error_codes import ObjectionPayloadError, to_user_error
from credit.objections.models import Objection as ObjectionModel
from credit.objections.types import Objection, ObjectionFileInput
from credit.policies.facts import RecordStatus
from credit.records.trail import record_changed_by_case

P = Permission


@strawberry.type
class ObjectionPayload:
    objection: Objection | None
    errors: list[ObjectionPayloadError]


async def _objection_step(
    info: Info, id: strawberry.ID, action: str, step: CaseStep
) -> ObjectionPayload:
    value, errors = await run_case_step(
        info,
        id,
        model=ObjectionModel,
        what="异议",
        object_type="objection",
        action=action,
        step=step,
        to_user_error=to_user_error,
    )
    return ObjectionPayload(objection=Objection.from_row(value) if value else None, errors=errors)


@strawberry.type
class ObjectionMutations:
    @strawberry.mutation(
        extensions=requires(P.FILE_OBJECTIONS),
        description="提出异议（第十四条）：企业账号为本企业网上提交；审核员录入书面申请（receivedOn）。"
        "超过公示之日起的法定期限返回 DEADLINE_PASSED，信息中写明截止日期",
    )
    async def objection_file(self, info: Info, input: ObjectionFileInput) -> ObjectionPayload:
        async def body(conn: BaseDBAsyncClient) -> Outcome:
            actor, sid = info.context.actor, int_id(input.subject_id, "subjectId")
            await require_subject_in_scope(conn, actor, sid)
            row = await services.file_objection(
                conn,
                actor,
                subject_id=sid,
                record_ids=int_ids(input.record_ids, "recordIds"),
                reasons=input.reasons,
                list_kind=list_kind_arg(input.list_kind),
                evidence=decode_evidence(input.evidence),
                applicant_name=input.applicant_name,
                received_on=input.received_on,
            )
            return Outcome(row, "objection", row.id, None, case_snapshot(row), public_change=False)

        value, errors = await run_case(info, "objection.file", body, to_user_error)
        return ObjectionPayload(
            objection=Objection.from_row(value) if value else None, errors=errors
        )

    @strawberry.mutation(
        extensions=requires(P.HANDLE_OBJECTIONS),
        description="受理异议：核实期限为受理之日起若干工作日，并书面通知",
    )
    async def objection_accept(self, info: Info, id: strawberry.ID) -> ObjectionPayload:
        async def step(conn: BaseDBAsyncClient, actor: Actor, oid: int) -> tuple[Any, bool]:
            return await services.accept_objection(conn, actor, oid), False

        return await _objection_step(info, id, "accept", step)

    @strawberry.mutation(
        extensions=requires(P.HANDLE_OBJECTIONS), description="不予受理异议（须写明理由并书面通知）"
    )
    async def objection_decline(
        self, info: Info, id: strawberry.ID, reason: str
    ) -> ObjectionPayload:
        async def step(conn: BaseDBAsyncClient, actor: Actor, oid: int) -> tuple[Any, bool]:
            return await services.decline_objection(conn, actor, oid, reason=reason), False

        return await _objection_step(info, id, "decline", step)

    @strawberry.mutation(
        extensions=requires(P.FILE_OBJECTIONS),
        description="撤回异议（申请人本人，或审核员依申请人书面请求）",
    )
    async def objection_withdraw(self, info: Info, id: strawberry.ID) -> ObjectionPayload:
        async def step(conn: BaseDBAsyncClient, actor: Actor, oid: int) -> tuple[Any, bool]:
            return await services.withdraw_objection(conn, actor, oid), False

        return await _objection_step(info, id, "withdraw", step)

    @strawberry.mutation(
        extensions=requires(P.HANDLE_OBJECTIONS),
        description="核实结论：异议成立则撤销所涉信用信息（或 revokeRecordIds 所列部分），"
        "即时重新评价并停止公示；不成立则维持。均书面告知",
    )
    async def objection_decide(
        self,
        info: Info,
        id: strawberry.ID,
        upheld: bool,
        reason: str,
        revoke_record_ids: list[strawberry.ID] | None = None,
    ) -> ObjectionPayload:
        async def step(conn: BaseDBAsyncClient, actor: Actor, oid: int) -> tuple[Any, bool]:
            result = await services.decide_objection(
                conn,
                actor,
                oid,
                upheld=upheld,
                reason=reason,
                revoke_record_ids=int_ids(revoke_record_ids, "revokeRecordIds")
                if revoke_record_ids
                else None,
            )
            revoked = result.objection.revoked_record_ids if upheld else []
            await record_changed_by_case(
                conn, info.context, revoked or [], RecordStatus.REVOKED, "objection", oid
            )
            return result.objection, upheld

        return await _objection_step(info, id, "decide", step)
