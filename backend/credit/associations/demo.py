"""Demo data of the association's work: the Shenyang 技防行业协会's member register and its
rating submissions, one awaiting review and one returned with the reviewer's reason."""

from __future__ import annotations

from datetime import date, timedelta

from tortoise.backends.base.client import BaseDBAsyncClient

from credit.accounts.models import Unit, User
from credit.associations.models import AssociationMember
from credit.associations.services import RECORD_TYPE, rating_summary
from credit.records.lifecycle import Action
from credit.records.services import RecordInput, create_record, transition
from credit.subjects.models import Subject


async def load(conn: BaseDBAsyncClient, today: date, members: list[Subject], unit: Unit) -> int:
    """Returns the number of records it created."""
    user = await User.filter(unit_id=unit.id).using_db(conn).first()
    uid = user.id if user else None
    for i, s in enumerate(members):
        await AssociationMember.create(
            association_id=unit.id,
            subject_id=s.id,
            joined_on=today - timedelta(days=400 - 30 * i),
            added_by_id=uid,
            using_db=conn,
        )
    made = 0
    for subject, rating, note, reject in (
        (members[0], "AAA", "2025 年度会员信用评价", None),
        (members[2], "A", "2025 年度会员信用评价", "评定依据未附评审记录，请补充后重新提交"),
    ):
        record = await create_record(
            subject,
            RecordInput(
                type=RECORD_TYPE,
                occurred_on=today - timedelta(days=10),
                summary=rating_summary(rating, note),
                issuing_unit=unit.name,
                provider_unit_id=unit.id,
                provider_person=user.display_name if user else "",
            ),
            conn,
            by_user_id=uid,
            reevaluate_subject=False,
        )
        await transition(record, Action.SUBMIT, conn, by_user_id=uid, reevaluate_subject=False)
        if reject:
            await transition(record, Action.REJECT, conn, reason=reject, reevaluate_subject=False)
        made += 1
    return made
