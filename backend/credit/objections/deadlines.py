"""The open objections and their deadlines (SY 第十四条 "15个工作日"): the reviewers' list
with working days left, and the recomputation of provisional due dates when the
working-day calendar changes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from tortoise.backends.base.client import BaseDBAsyncClient

from credit.calendar.services import on_calendar_change
from credit.calendar.workdays import deadline_after, guess_warning, load_table, working_days_left
from credit.casework.access import load_subject
from credit.casework.params import workflow_params
from credit.casework.policy import params_of
from credit.core import clock
from credit.objections.models import Objection
from credit.objections.states import OPEN_OBJECTION_STATES, ObjectionStatus
from credit.subjects.models import Jurisdiction, Subject


@dataclass(frozen=True)
class OpenObjection:
    objection: Objection
    due_on: date | None  # None until accepted
    working_days_left: int | None  # negative when overdue
    overdue: bool
    due_soon: bool  # due within `due_soon_working_days` working days (and not overdue)
    provisional: bool
    warning: str


async def list_open_objections(
    conn: BaseDBAsyncClient | None = None,
    *,
    jurisdiction_id: int | None = None,
    subject_id: int | None = None,
    today: date | None = None,
    limit: int = 200,
) -> list[OpenObjection]:
    """Filed and accepted objections, most urgent first (not yet accepted, then by due
    date), with working days left counted on the calendar."""
    today = today or clock.today()
    query = Objection.filter(status__in=list(OPEN_OBJECTION_STATES)).using_db(conn)
    if jurisdiction_id is not None:
        query = query.filter(subject__jurisdiction_id=jurisdiction_id)
    if subject_id is not None:
        query = query.filter(subject_id=subject_id)
    rows = list(await query.order_by("due_on", "filed_at", "id").limit(min(limit, 500)))
    dues = [r.due_on for r in rows if r.due_on is not None]
    table = await load_table(conn, min([today, *dues]), max([today, *dues])) if dues else {}
    policies = {
        j.id: workflow_params(j.policy_code) for j in await Jurisdiction.all().using_db(conn)
    }
    subjects = {
        s.id: s.jurisdiction_id
        for s in await Subject.filter(id__in={r.subject_id for r in rows}).using_db(conn)
    }
    out = []
    for r in rows:
        if r.due_on is None:
            out.append(OpenObjection(r, None, None, False, False, False, ""))
            continue
        left, guessed = working_days_left(today, r.due_on, table)
        soon_days = policies[subjects[r.subject_id]].due_soon_working_days
        overdue = today > r.due_on
        provisional = r.due_provisional or guessed
        warning = r.due_warning or (guess_warning([r.due_on], r.due_on) if guessed else "")
        out.append(
            OpenObjection(
                r, r.due_on, left, overdue, not overdue and left <= soon_days, provisional, warning
            )
        )
    out.sort(key=lambda o: (o.due_on is not None, o.due_on or today, o.objection.id))
    return out


@on_calendar_change
async def refresh_provisional_deadlines(conn: BaseDBAsyncClient | None) -> int:
    """Recompute the due dates of accepted objections whose deadline was a guess. Runs in
    the transaction of every change of the calendar (registered with the calendar, which
    does not import this domain). Returns how many changed."""
    changed = 0
    for o in await Objection.filter(status=ObjectionStatus.ACCEPTED, due_provisional=True).using_db(
        conn
    ):
        assert o.accepted_on is not None
        subject = await load_subject(conn, o.subject_id)
        params = await params_of(conn, subject)
        deadline = await deadline_after(conn, o.accepted_on, params.objection_verify_working_days)
        new = (deadline.due, deadline.provisional, deadline.warning)
        if new != (o.due_on, o.due_provisional, o.due_warning):
            o.due_on, o.due_provisional, o.due_warning = new
            await o.save(using_db=conn)
            changed += 1
    return changed
