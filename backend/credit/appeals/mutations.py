"""Mutations of appeals on a decision (第十六条): the reconsideration or lawsuit, and its
outcome, named noun first."""

from __future__ import annotations

from datetime import date
from typing import Any

import strawberry
from tortoise.backends.base.client import BaseDBAsyncClient

from credit.accounts.permissions import Permission, requires
from credit.apicore.context import Info
from credit.apicore.mutations import Outcome
from credit.appeals import services
from credit.appeals.error_codes import AppealPayloadError, to_user_error
from credit.appeals.types import AppealKind, AppealOutcome
from credit.casework.resolvers import int_id, require_owner_in_scope, run_case
from credit.policies.facts import RecordStatus
from credit.records.models import Decision as DecisionModel
from credit.records.trail import record_changed_by_case
from credit.records.types import Decision

P = Permission


@strawberry.type
class DecisionPayload:
    decision: Decision | None
    revoked_record_ids: list[strawberry.ID] = strawberry.field(
        description="因复议/诉讼撤销原决定而撤销的信用信息"
    )
    errors: list[AppealPayloadError]


@strawberry.type
class AppealMutations:
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
            row = await services.record_appeal(
                conn,
                actor,
                did,
                kind=services.AppealKind(kind),
                filed_on=filed_on,
                authority=authority,
                case_no=case_no,
                note=note,
            )
            after = {"appeals": len(row.appeals), "kind": services.AppealKind(kind).value}
            return Outcome((row, ()), "decision", did, None, after, public_change=False)

        value, errors = await run_case(info, "decision.appeal_record", body, to_user_error)
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
            result = await services.set_appeal_outcome(
                conn,
                actor,
                did,
                index,
                outcome=services.AppealOutcome(outcome),
                decided_on=decided_on,
                note=note,
            )
            await record_changed_by_case(
                conn, info.context, result.revoked_record_ids, RecordStatus.REVOKED, "decision", did
            )
            after = {
                "index": index,
                "outcome": services.AppealOutcome(outcome).value,
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

        value, errors = await run_case(info, "decision.appeal_outcome_set", body, to_user_error)
        return _decision_payload(value, errors)


def _decision_payload(value: Any, errors: list[AppealPayloadError]) -> DecisionPayload:
    if not value:
        return DecisionPayload(decision=None, revoked_record_ids=[], errors=errors)
    row, revoked = value
    return DecisionPayload(
        decision=Decision.from_model(row),
        revoked_record_ids=[strawberry.ID(str(i)) for i in revoked],
        errors=errors,
    )
