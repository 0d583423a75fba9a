"""Mutations of objections (第十四条), credit repair (第十五条) and appeals on a decision
(第十六条), named noun first. Each declares its permission, checks the data scope, and
calls its service inside `run_workflow` (one transaction with its audit event)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date
from typing import Any

import strawberry
from tortoise.backends.base.client import BaseDBAsyncClient

from credit.accounts.actor import Actor
from credit.accounts.permissions import Permission, requires
from credit.apicore.context import Info
from credit.apicore.mutations import Outcome, UserError
from credit.policies.facts import ListKind as ListKindEnum
from credit.policies.facts import RecordStatus
from credit.records.models import Decision as DecisionModel
from credit.records.trail import record_changed_by_case
from credit.records.types import Decision
from credit.workflows import appeals, objections, repairs
from credit.workflows.graphql.access import (
    decode_evidence,
    int_id,
    int_ids,
    require_owner_in_scope,
    require_subject_in_scope,
    run_workflow,
)
from credit.workflows.graphql.enums import AppealKind, AppealOutcome
from credit.workflows.graphql.inputs import ObjectionFileInput, RepairApplyInput
from credit.workflows.graphql.types import Objection, RepairApplication
from credit.workflows.models import Objection as ObjectionModel
from credit.workflows.models import RepairApplication as RepairModel

P = Permission


@strawberry.type
class ObjectionPayload:
    objection: Objection | None
    errors: list[UserError]


@strawberry.type
class RepairApplicationPayload:
    repair_application: RepairApplication | None
    errors: list[UserError]


@strawberry.type
class DecisionPayload:
    decision: Decision | None
    revoked_record_ids: list[strawberry.ID] = strawberry.field(
        description="因复议/诉讼撤销原决定而撤销的信用信息"
    )
    errors: list[UserError]


def _snapshot(row: ObjectionModel | RepairModel) -> dict[str, Any]:
    return {"status": row.status, "subject_id": row.subject_id, "record_ids": row.record_ids}


def _list_kind(value: Any) -> ListKindEnum | None:
    return ListKindEnum(value) if value is not None else None


Step = Callable[[BaseDBAsyncClient, Actor, int], Awaitable[tuple[Any, bool]]]


async def _objection_step(
    info: Info, id: strawberry.ID, action: str, step: Step
) -> ObjectionPayload:
    """One step on an existing objection: `step` returns (objection, public_change)."""

    async def body(conn: BaseDBAsyncClient) -> Outcome:
        actor, oid = info.context.actor, int_id(id)
        await require_owner_in_scope(conn, actor, ObjectionModel, oid, "异议")
        before = _snapshot(await ObjectionModel.get(id=oid, using_db=conn))
        row, public = await step(conn, actor, oid)
        return Outcome(row, "objection", oid, before, _snapshot(row), public_change=public)

    value, errors = await run_workflow(info, f"objection.{action}", body)
    return ObjectionPayload(objection=Objection(row=value) if value else None, errors=errors)


async def _repair_step(
    info: Info, id: strawberry.ID, action: str, step: Step
) -> RepairApplicationPayload:
    async def body(conn: BaseDBAsyncClient) -> Outcome:
        actor, rid = info.context.actor, int_id(id)
        await require_owner_in_scope(conn, actor, RepairModel, rid, "修复申请")
        before = _snapshot(await RepairModel.get(id=rid, using_db=conn))
        row, public = await step(conn, actor, rid)
        return Outcome(row, "repair_application", rid, before, _snapshot(row), public_change=public)

    value, errors = await run_workflow(info, f"repair_application.{action}", body)
    return RepairApplicationPayload(
        repair_application=RepairApplication(row=value) if value else None, errors=errors
    )


@strawberry.type
class CaseMutations:
    # --- objections ----------------------------------------------------------------------

    @strawberry.mutation(
        extensions=requires(P.FILE_OBJECTIONS),
        description="提出异议（第十四条）：企业账号为本企业网上提交；审核员录入书面申请（receivedOn）。"
        "超过公示之日起的法定期限返回 DEADLINE_PASSED，信息中写明截止日期",
    )
    async def objection_file(self, info: Info, input: ObjectionFileInput) -> ObjectionPayload:
        async def body(conn: BaseDBAsyncClient) -> Outcome:
            actor, sid = info.context.actor, int_id(input.subject_id, "subjectId")
            await require_subject_in_scope(conn, actor, sid)
            row = await objections.file_objection(
                conn,
                actor,
                subject_id=sid,
                record_ids=int_ids(input.record_ids, "recordIds"),
                reasons=input.reasons,
                list_kind=_list_kind(input.list_kind),
                evidence=decode_evidence(input.evidence),
                applicant_name=input.applicant_name,
                received_on=input.received_on,
            )
            return Outcome(row, "objection", row.id, None, _snapshot(row), public_change=False)

        value, errors = await run_workflow(info, "objection.file", body)
        return ObjectionPayload(objection=Objection(row=value) if value else None, errors=errors)

    @strawberry.mutation(
        extensions=requires(P.HANDLE_OBJECTIONS),
        description="受理异议：核实期限为受理之日起若干工作日，并书面通知",
    )
    async def objection_accept(self, info: Info, id: strawberry.ID) -> ObjectionPayload:
        async def step(conn: BaseDBAsyncClient, actor: Actor, oid: int) -> tuple[Any, bool]:
            return await objections.accept_objection(conn, actor, oid), False

        return await _objection_step(info, id, "accept", step)

    @strawberry.mutation(
        extensions=requires(P.HANDLE_OBJECTIONS), description="不予受理异议（须写明理由并书面通知）"
    )
    async def objection_decline(
        self, info: Info, id: strawberry.ID, reason: str
    ) -> ObjectionPayload:
        async def step(conn: BaseDBAsyncClient, actor: Actor, oid: int) -> tuple[Any, bool]:
            return await objections.decline_objection(conn, actor, oid, reason=reason), False

        return await _objection_step(info, id, "decline", step)

    @strawberry.mutation(
        extensions=requires(P.FILE_OBJECTIONS),
        description="撤回异议（申请人本人，或审核员依申请人书面请求）",
    )
    async def objection_withdraw(self, info: Info, id: strawberry.ID) -> ObjectionPayload:
        async def step(conn: BaseDBAsyncClient, actor: Actor, oid: int) -> tuple[Any, bool]:
            return await objections.withdraw_objection(conn, actor, oid), False

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
            result = await objections.decide_objection(
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

    # --- credit repair -------------------------------------------------------------------

    @strawberry.mutation(
        extensions=requires(P.APPLY_REPAIR),
        description="申请信用修复（移出名单）：须过最短公示期（否则 TOO_EARLY），"
        "附整改情况与证明材料",
    )
    async def repair_apply(self, info: Info, input: RepairApplyInput) -> RepairApplicationPayload:
        async def body(conn: BaseDBAsyncClient) -> Outcome:
            actor, sid = info.context.actor, int_id(input.subject_id, "subjectId")
            await require_subject_in_scope(conn, actor, sid)
            row = await repairs.file_repair(
                conn,
                actor,
                subject_id=sid,
                record_ids=int_ids(input.record_ids, "recordIds"),
                rectification=input.rectification,
                list_kind=_list_kind(input.list_kind),
                evidence=decode_evidence(input.evidence),
                applicant_name=input.applicant_name,
            )
            return Outcome(
                row, "repair_application", row.id, None, _snapshot(row), public_change=False
            )

        value, errors = await run_workflow(info, "repair_application.file", body)
        return RepairApplicationPayload(
            repair_application=RepairApplication(row=value) if value else None, errors=errors
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
            result = await repairs.approve_repair(
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
            return await repairs.reject_repair(conn, actor, rid, reason=reason), False

        return await _repair_step(info, id, "reject", step)

    @strawberry.mutation(extensions=requires(P.APPLY_REPAIR), description="撤回信用修复申请")
    async def repair_withdraw(self, info: Info, id: strawberry.ID) -> RepairApplicationPayload:
        async def step(conn: BaseDBAsyncClient, actor: Actor, rid: int) -> tuple[Any, bool]:
            return await repairs.withdraw_repair(conn, actor, rid), False

        return await _repair_step(info, id, "withdraw", step)

    # --- appeals on a decision (第十六条) ------------------------------------------------

    @strawberry.mutation(
        extensions=requires(P.DECIDE_LISTS),
        description="登记对决定申请的行政复议或提起的行政诉讼（第十六条）",
    )
    async def decision_appeal_record(
        self,
        info: Info,
        decision_id: strawberry.ID,
        kind: AppealKind,  # type: ignore[valid-type]
        filed_on: date,
        authority: str,
        case_no: str = "",
        note: str = "",
    ) -> DecisionPayload:
        async def body(conn: BaseDBAsyncClient) -> Outcome:
            actor, did = info.context.actor, int_id(decision_id, "decisionId")
            await require_owner_in_scope(conn, actor, DecisionModel, did, "决定", "decisionId")
            row = await appeals.record_appeal(
                conn,
                actor,
                did,
                kind=appeals.AppealKind(kind),
                filed_on=filed_on,
                authority=authority,
                case_no=case_no,
                note=note,
            )
            after = {"appeals": len(row.appeals), "kind": appeals.AppealKind(kind).value}
            return Outcome((row, ()), "decision", did, None, after, public_change=False)

        value, errors = await run_workflow(info, "decision.appeal_record", body)
        return _decision_payload(value, errors)

    @strawberry.mutation(
        extensions=requires(P.DECIDE_LISTS),
        description="登记复议/诉讼结果（index 为登记顺序，从 0 起，只能登记一次）；撤销原决定的，"
        "其已公布的信用信息即时撤销",
    )
    async def decision_appeal_outcome_set(
        self,
        info: Info,
        decision_id: strawberry.ID,
        index: int,
        outcome: AppealOutcome,  # type: ignore[valid-type]
        decided_on: date,
        note: str = "",
    ) -> DecisionPayload:
        async def body(conn: BaseDBAsyncClient) -> Outcome:
            actor, did = info.context.actor, int_id(decision_id, "decisionId")
            await require_owner_in_scope(conn, actor, DecisionModel, did, "决定", "decisionId")
            result = await appeals.set_appeal_outcome(
                conn,
                actor,
                did,
                index,
                outcome=appeals.AppealOutcome(outcome),
                decided_on=decided_on,
                note=note,
            )
            await record_changed_by_case(
                conn, info.context, result.revoked_record_ids, RecordStatus.REVOKED, "decision", did
            )
            after = {
                "index": index,
                "outcome": appeals.AppealOutcome(outcome).value,
                "revoked_record_ids": list(result.revoked_record_ids),
            }
            return Outcome(
                (result.decision, result.revoked_record_ids),
                "decision",
                did,
                None,
                after,
                public_change=bool(result.revoked_record_ids),
            )

        value, errors = await run_workflow(info, "decision.appeal_outcome_set", body)
        return _decision_payload(value, errors)


def _decision_payload(value: Any, errors: list[UserError]) -> DecisionPayload:
    if not value:
        return DecisionPayload(decision=None, revoked_record_ids=[], errors=errors)
    row, revoked = value
    return DecisionPayload(
        decision=Decision.from_model(row),
        revoked_record_ids=[strawberry.ID(str(i)) for i in revoked],
        errors=errors,
    )
