"""The association's mutations: keep the member register (associationMemberAdd /
…Remove) and submit a member's credit rating (associationRatingSubmit), which enters the
normal review as good information (SY 第六条（二）2)."""

from __future__ import annotations

from datetime import date

import strawberry
from tortoise.backends.base.client import BaseDBAsyncClient

from credit.accounts.models import Unit
from credit.accounts.permissions import Permission, requires
from credit.apicore.context import Info
from credit.apicore.mutations import MutationFailed, Outcome, run_mutation
from credit.associations import services
from credit.associations.error_codes import AssociationError, AssociationErrorCode
from credit.associations.models import AssociationMember as MemberModel
from credit.associations.scope import NoAssociation, association_for, is_member
from credit.associations.types import AssociationMember, AssociationSubmission
from credit.core import clock
from credit.records import services as records
from credit.records.lifecycle import Action
from credit.subjects.identifiers import InvalidUSCC, validate_uscc
from credit.subjects.models import Subject


@strawberry.type
class AssociationMemberPayload:
    member: AssociationMember | None
    errors: list[AssociationError]


@strawberry.type
class AssociationSubmissionPayload:
    submission: AssociationSubmission | None
    errors: list[AssociationError]


async def _unit(info: Info, association_id: str | None, conn: BaseDBAsyncClient) -> Unit:
    try:
        return await association_for(info.context.actor, association_id, conn)
    except NoAssociation as exc:
        raise MutationFailed(
            "行业协会不存在", AssociationErrorCode.NOT_FOUND, "associationId"
        ) from exc


async def _subject_by_uscc(uscc: str, conn: BaseDBAsyncClient) -> Subject:
    try:
        code = validate_uscc(uscc)
    except InvalidUSCC as exc:
        raise MutationFailed(str(exc), AssociationErrorCode.INVALID, "uscc") from exc
    subject = await Subject.filter(uscc=code).using_db(conn).select_for_update(no_key=True).first()
    if subject is None:
        raise MutationFailed("未收录该企业", AssociationErrorCode.NOT_FOUND, "uscc")
    return subject


def _invalid(exc: services.AssociationInputError) -> MutationFailed:
    return MutationFailed(str(exc), AssociationErrorCode.INVALID, exc.field)


@strawberry.type
class AssociationMutations:
    @strawberry.mutation(
        extensions=requires(Permission.MANAGE_ASSOCIATION_MEMBERS),
        description="登记协会会员（本辖区的企业、社会组织；协会账号为本协会，市局须指明协会）",
    )
    async def association_member_add(
        self,
        info: Info,
        uscc: str,
        joined_on: date,
        association_id: strawberry.ID | None = None,
    ) -> AssociationMemberPayload:
        async def body(conn: BaseDBAsyncClient) -> Outcome:
            unit = await _unit(info, association_id, conn)
            try:
                services.check_joined_on(joined_on, clock.today())
            except services.AssociationInputError as exc:
                raise _invalid(exc) from exc
            subject = await _subject_by_uscc(uscc, conn)
            try:
                services.check_member(subject.kind, subject.jurisdiction_id, unit.jurisdiction_id)
            except services.AssociationInputError as exc:
                raise _invalid(exc) from exc
            if await is_member(unit.id, subject.id, conn):
                raise MutationFailed("该企业已在会员名册中", AssociationErrorCode.CONFLICT, "uscc")
            row = await MemberModel.create(
                association_id=unit.id,
                subject_id=subject.id,
                joined_on=joined_on,
                added_by_id=info.context.actor.user_id,
                using_db=conn,
            )
            after = {"association_id": unit.id, "subject_id": subject.id}
            return Outcome(row, "association_member", row.id, None, after, public_change=False)

        value, errors = await run_mutation(info, "association_member.add", body, AssociationError)
        return AssociationMemberPayload(
            member=AssociationMember.from_model(value) if value else None, errors=errors
        )

    @strawberry.mutation(
        extensions=requires(Permission.MANAGE_ASSOCIATION_MEMBERS),
        description="会员退出名册（记录保留）",
    )
    async def association_member_remove(
        self, info: Info, id: strawberry.ID
    ) -> AssociationMemberPayload:
        async def body(conn: BaseDBAsyncClient) -> Outcome:
            missing = MutationFailed("会员不存在", AssociationErrorCode.NOT_FOUND, "id")
            try:
                mid = int(id)
            except ValueError as exc:
                raise missing from exc
            row = await MemberModel.filter(id=mid).using_db(conn).select_for_update().first()
            if row is None:
                raise missing
            try:
                await association_for(info.context.actor, str(row.association_id), conn)
            except NoAssociation as exc:
                raise missing from exc
            if row.left_at is not None:
                raise MutationFailed("该会员已退出名册", AssociationErrorCode.INVALID_STATE, "id")
            row.left_at = clock.now()
            await row.save(using_db=conn, update_fields=["left_at"])
            after = {"association_id": row.association_id, "subject_id": row.subject_id}
            return Outcome(row, "association_member", row.id, after, {"left": True}, False)

        value, errors = await run_mutation(
            info, "association_member.remove", body, AssociationError
        )
        return AssociationMemberPayload(
            member=AssociationMember.from_model(value) if value else None, errors=errors
        )

    @strawberry.mutation(
        extensions=requires(Permission.SUBMIT_ASSOCIATION_RATINGS),
        description="行业协会提交在册会员的信用等级（优良信息，进入审核）",
    )
    async def association_rating_submit(
        self, info: Info, uscc: str, rating: str, rated_on: date, note: str = ""
    ) -> AssociationSubmissionPayload:
        async def body(conn: BaseDBAsyncClient) -> Outcome:
            unit = await _unit(info, None, conn)
            try:
                text = services.check_rating(rating, rated_on, note, clock.today())
            except services.AssociationInputError as exc:
                raise _invalid(exc) from exc
            subject = await _subject_by_uscc(uscc, conn)
            # One answer for "not a member" and "another jurisdiction's enterprise".
            if not await is_member(unit.id, subject.id, conn):
                raise MutationFailed(
                    "该企业不在本协会会员名册中", AssociationErrorCode.OUT_OF_SCOPE, "uscc"
                )
            actor = info.context.actor
            data = records.RecordInput(
                type=services.RECORD_TYPE,
                occurred_on=rated_on,
                summary=services.rating_summary(rating, text),
                issuing_unit=unit.name,
                provider_unit_id=unit.id,
                provider_person=actor.display_name,
            )
            try:
                record = await records.create_record(subject, data, conn, by_user_id=actor.user_id)
            except records.RecordInputError as exc:
                field = "ratedOn" if exc.field == "occurredOn" else exc.field
                raise MutationFailed(str(exc), AssociationErrorCode.INVALID, field) from exc
            await records.transition(record, Action.SUBMIT, conn, by_user_id=actor.user_id)
            after = {"type": services.RECORD_TYPE, "rating": rating, "subject_id": subject.id}
            return Outcome(record, "credit_record", record.id, None, after, public_change=False)

        value, errors = await run_mutation(
            info, "association_rating.submit", body, AssociationError
        )
        return AssociationSubmissionPayload(
            submission=AssociationSubmission.from_model(value) if value else None, errors=errors
        )
