"""Credit reminders and integrity interviews (信用提醒、诚信约谈, WG 五).

General dishonesty (grade B) → an oral or written reminder; serious dishonesty (grade C)
→ a written reminder or an interview. An interview of an organisation is held with its
principal, the manager in charge or the directly responsible person; of a natural
person, with the person. Each is registered with its subject, time, method and content
(the register is the bureau office's view), a written reminder produces the written
notice, and the office may push an entry to the municipal platform.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient

from credit.accounts.actor import Actor
from credit.casework.access import check_staff_access, load_subject
from credit.casework.policy import issuing_unit_name, params_of
from credit.core import clock
from credit.grades.models import Evaluation
from credit.grades.services import is_stale, reevaluate
from credit.notices import texts
from credit.notices.services import create_notice, policy_text_of, subject_public
from credit.notices.states import NoticeKind
from credit.outbox.services import enqueue_for_targets, event_key
from credit.policies.facts import GradeLevel, SubjectKind
from credit.reminders.error_codes import ReminderError, ReminderErrorCode
from credit.reminders.models import Reminder
from credit.reminders.states import (
    INTERVIEWEE_ZH,
    METHOD_ZH,
    IntervieweeRole,
    ReminderMethod,
    reminder_methods,
)
from credit.subjects.models import Subject

GRADE_ZH = {"A": "A级（信用优良）", "B": "B级（一般失信）", "C": "C级（严重失信）"}
ORGANISATION_ROLES = frozenset(
    {
        IntervieweeRole.PRINCIPAL,
        IntervieweeRole.MANAGER_IN_CHARGE,
        IntervieweeRole.DIRECTLY_RESPONSIBLE,
    }
)


async def _evaluation_now(conn: BaseDBAsyncClient | None, subject: Subject) -> Evaluation:
    stored = await Evaluation.get_or_none(subject_id=subject.id, using_db=conn)
    if is_stale(stored, clock.now()):
        stored, _ = await reevaluate(subject, conn)
    assert stored is not None
    return stored


def _grade_reasons(ev: Evaluation) -> tuple[list[str], list[int]]:
    reasons = ev.payload.get("grade_reasons", [])
    ids = sorted({i for r in reasons for i in r.get("record_ids", [])})
    return [str(r["summary"]) for r in reasons], ids


@dataclass(frozen=True)
class ReminderProposal:
    grade: str | None
    methods: tuple[ReminderMethod, ...]  # empty: no reminder is called for
    reasons: tuple[str, ...]  # the grade's reasons, for the content
    record_ids: tuple[int, ...]


async def propose_reminder(conn: BaseDBAsyncClient | None, subject_id: int) -> ReminderProposal:
    """What WG 五 proposes for the subject's grade now."""
    subject = await load_subject(conn, subject_id)
    ev = await _evaluation_now(conn, subject)
    reasons, ids = _grade_reasons(ev)
    grade = str(ev.grade) if ev.grade else None
    return ReminderProposal(grade, reminder_methods(grade), tuple(reasons), tuple(ids))


def check_interviewee(
    subject_kind: SubjectKind, method: ReminderMethod, role: IntervieweeRole | None, name: str
) -> None:
    """Pure: who an interview is held with (WG 五)."""
    if method != ReminderMethod.INTERVIEW:
        return
    if subject_kind == SubjectKind.NATURAL_PERSON:
        if role not in (None, IntervieweeRole.SELF):
            raise ReminderError("约谈自然人，应当约谈其本人", field="intervieweeRole")
        return
    if role not in ORGANISATION_ROLES:
        raise ReminderError(
            "约谈社会法人，应当约谈其主要负责人、分管负责人或者直接责任人", field="intervieweeRole"
        )
    if not name.strip():
        raise ReminderError("须填写被约谈人姓名", field="intervieweeName")


async def register_reminder(
    conn: BaseDBAsyncClient,
    actor: Actor,
    *,
    subject_id: int,
    method: ReminderMethod,
    held_at: datetime,
    content: str,
    place: str = "",
    officers: str = "",
    interviewee_name: str = "",
    interviewee_role: IntervieweeRole | None = None,
    interviewee_title: str = "",
) -> Reminder:
    """Register a reminder or interview that took place; a written reminder also writes
    its notice. The method must be one WG 五 allows for the subject's grade now."""
    if held_at.tzinfo is None:
        raise ValueError("held_at must be time-zone aware")
    if held_at > clock.now() + timedelta(minutes=5):
        raise ReminderError("登记须在提醒或约谈实施之后", field="heldAt")
    if not content.strip():
        raise ReminderError("须填写提醒或约谈内容", field="content")
    if actor.unit_id is None:
        raise ReminderError("登记人须属于一个单位", ReminderErrorCode.OUT_OF_SCOPE)
    subject = await load_subject(conn, subject_id)
    check_staff_access(actor, subject)
    ev = await _evaluation_now(conn, subject)
    grade = str(ev.grade) if ev.grade else None
    allowed = reminder_methods(grade)
    if method not in allowed:
        shown = GRADE_ZH.get(grade or "", "未评级")
        options = "、".join(METHOD_ZH[m] for m in allowed) or "无需提醒或约谈"
        raise ReminderError(
            f"该主体当前信用等级为{shown}，适用：{options}",
            ReminderErrorCode.INVALID_STATE,
            "method",
        )
    role = interviewee_role
    name = interviewee_name.strip()
    check_interviewee(SubjectKind(subject.kind), method, role, name)
    if method == ReminderMethod.INTERVIEW and subject.kind == SubjectKind.NATURAL_PERSON:
        role, name = IntervieweeRole.SELF, name or subject.name
    assert grade is not None  # a method is allowed only for B or C
    reasons, ids = _grade_reasons(ev)
    reminder = await Reminder.create(
        subject_id=subject.id,
        grade=GradeLevel(grade),
        method=method,
        held_at=held_at,
        place=place.strip(),
        content=content.strip(),
        record_ids=ids,
        interviewee_name=name,
        interviewee_role=role,
        interviewee_title=interviewee_title.strip(),
        officers=officers.strip(),
        unit_id=actor.unit_id,
        registered_by_id=actor.user_id,
        using_db=conn,
    )
    if method == ReminderMethod.WRITTEN_REMINDER:
        title, body = texts.written_reminder(
            await policy_text_of(conn, subject),
            subject.name,
            GRADE_ZH[grade or ""],
            reasons,
            content.strip(),
            await issuing_unit_name(conn, actor, subject),
            held_at.astimezone(clock.TZ).date(),
        )
        notice = await create_notice(
            conn,
            actor,
            subject,
            NoticeKind.WRITTEN_REMINDER,
            title,
            body,
            object_type="reminder",
            object_id=reminder.id,
            record_ids=ids,
        )
        reminder.notice_id = notice.id
        await reminder.save(using_db=conn, update_fields=["notice_id"])
    return reminder


async def list_reminders(
    conn: BaseDBAsyncClient | None = None,
    *,
    start: date,
    end: date,
    jurisdiction_id: int | None = None,
    unit_id: int | None = None,
    method: ReminderMethod | None = None,
    limit: int = 200,
    offset: int = 0,
) -> tuple[list[Reminder], int]:
    """The register for the bureau office: reminders and interviews held on local dates
    [start, end], oldest first, with the total count."""
    if end < start:
        raise ReminderError("结束日期不能早于开始日期", field="end")
    query = Reminder.filter(
        held_at__gte=clock.local_midnight(start),
        held_at__lt=clock.local_midnight(end + timedelta(days=1)),
    ).using_db(conn)
    if jurisdiction_id is not None:
        query = query.filter(subject__jurisdiction_id=jurisdiction_id)
    if unit_id is not None:
        query = query.filter(unit_id=unit_id)
    if method is not None:
        query = query.filter(method=method)
    total = await query.count()
    rows = await query.order_by("held_at", "id").offset(offset).limit(min(limit, 500))
    return list(rows), total


def register_row(r: Reminder, subject: Subject) -> dict[str, Any]:
    """One line of the register (登记簿), in Chinese, for display or export."""
    who = ""
    if r.interviewee_role:
        who = f"{r.interviewee_name}（{INTERVIEWEE_ZH[IntervieweeRole(r.interviewee_role)]}" + (
            f"，{r.interviewee_title}）" if r.interviewee_title else "）"
        )
    return {
        "对象": subject.name,
        "时间": r.held_at.astimezone(clock.TZ).strftime("%Y-%m-%d %H:%M"),
        "方式": METHOD_ZH[ReminderMethod(r.method)],
        "被约谈人": who,
        "地点": r.place,
        "内容": r.content,
        "办理人": r.officers,
        "信用等级": GRADE_ZH.get(str(r.grade), str(r.grade)),
    }


async def push_reminder(conn: BaseDBAsyncClient, actor: Actor, reminder_id: int) -> Reminder:
    """The office pushes an entry to the municipal platform (WG 五 "根据情况推送"). The
    payload is the register line without the interviewee's name."""
    reminder = await Reminder.filter(id=reminder_id).using_db(conn).select_for_update().first()
    if reminder is None:
        raise ReminderError("登记不存在", ReminderErrorCode.NOT_FOUND, "id")
    subject = await load_subject(conn, reminder.subject_id)
    check_staff_access(actor, subject)
    if reminder.pushed_at is not None:
        raise ReminderError("该登记已推送", ReminderErrorCode.INVALID_STATE, "id")
    params = await params_of(conn, subject)
    payload = {
        "subject": await subject_public(conn, subject),
        "method": str(reminder.method),
        "method_zh": METHOD_ZH[ReminderMethod(reminder.method)],
        "held_on": reminder.held_at.astimezone(clock.TZ).date().isoformat(),
        "grade": str(reminder.grade),
        "content": reminder.content,
        "record_ids": reminder.record_ids,
    }
    await enqueue_for_targets(
        conn,
        params.reminder_targets,
        key=event_key("reminder", reminder.id),
        kind="reminder.registered",
        payload=payload,
        jurisdiction_id=subject.jurisdiction_id,
    )
    reminder.pushed_at = clock.now()
    await reminder.save(using_db=conn, update_fields=["pushed_at"])
    return reminder
