"""Industry associations submit credit ratings of their member enterprises (SY 第六条（二）2:
行业协会信用等级 is good information). A rating enters review like any record."""

from __future__ import annotations

from datetime import date

import strawberry
from tortoise.backends.base.client import BaseDBAsyncClient

from credit.accounts.permissions import Permission, requires
from credit.api.context import Info
from credit.api.mutations import MutationErrorCode, MutationFailed, Outcome, run_mutation
from credit.records import services
from credit.records.lifecycle import Action
from credit.records.mutations import CreditRecordPayload
from credit.records.types import CreditRecord
from credit.subjects.identifiers import InvalidUSCC, validate_uscc
from credit.subjects.models import Subject

RATINGS = ("AAA", "AA", "A", "B", "C")


@strawberry.type
class AssociationMutations:
    @strawberry.mutation(
        extensions=requires(Permission.SUBMIT_ASSOCIATION_RATINGS),
        description="行业协会提交会员企业的信用等级（优良信息，进入审核）",
    )
    async def association_rating_submit(
        self, info: Info, uscc: str, rating: str, rated_on: date, note: str = ""
    ) -> CreditRecordPayload:
        async def body(conn: BaseDBAsyncClient) -> Outcome:
            try:
                code = validate_uscc(uscc)
            except InvalidUSCC as exc:
                raise MutationFailed(str(exc), MutationErrorCode.INVALID, "uscc") from exc
            if rating not in RATINGS:
                raise MutationFailed(
                    f"信用等级须为 {'、'.join(RATINGS)} 之一", MutationErrorCode.INVALID, "rating"
                )
            subject = await Subject.get_or_none(uscc=code).using_db(conn)
            if subject is None:
                raise MutationFailed("未收录该企业", MutationErrorCode.NOT_FOUND, "uscc")
            actor = info.context.actor
            if (
                actor.jurisdiction_id is not None
                and subject.jurisdiction_id != actor.jurisdiction_id
            ):
                raise MutationFailed(
                    "该企业不在本协会所属辖区", MutationErrorCode.OUT_OF_SCOPE, "uscc"
                )
            data = services.RecordInput(
                type="association_rating",
                occurred_on=rated_on,
                summary=f"行业协会信用等级 {rating}"
                + (f"（{note.strip()}）" if note.strip() else ""),
                issuing_unit=actor.display_name or actor.unit_code,
                provider_unit_id=actor.unit_id,
                provider_person=actor.display_name,
            )
            try:
                record = await services.create_record(subject, data, conn, by_user_id=actor.user_id)
            except services.RecordInputError as exc:
                field = "ratedOn" if exc.field == "occurredOn" else exc.field
                raise MutationFailed(str(exc), MutationErrorCode.INVALID, field) from exc
            await services.transition(record, Action.SUBMIT, conn, by_user_id=actor.user_id)
            return Outcome(
                record,
                "credit_record",
                record.id,
                None,
                {"type": "association_rating", "rating": rating},
                public_change=False,
            )

        value, errors = await run_mutation(info, "association_rating.submit", body)
        return CreditRecordPayload(
            credit_record=CreditRecord(row=value) if value else None, errors=errors
        )
