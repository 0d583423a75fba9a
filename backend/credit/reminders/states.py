"""The reminder methods and interviewee roles, and which methods WG 五 allows for a grade."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum


class ReminderMethod(StrEnum):
    ORAL_REMINDER = "ORAL_REMINDER"  # 口头信用提醒
    WRITTEN_REMINDER = "WRITTEN_REMINDER"  # 书面信用提醒
    INTERVIEW = "INTERVIEW"  # 诚信约谈


class IntervieweeRole(StrEnum):
    PRINCIPAL = "PRINCIPAL"  # 主要负责人
    MANAGER_IN_CHARGE = "MANAGER_IN_CHARGE"  # 分管负责人
    DIRECTLY_RESPONSIBLE = "DIRECTLY_RESPONSIBLE"  # 直接责任人
    SELF = "SELF"  # 本人 (a natural person)


# Which reminder methods WG 五 allows for a grade: B 一般失信 → oral or written reminder;
# C 严重失信 → written reminder or interview.
REMINDER_METHODS: Mapping[str, tuple[ReminderMethod, ...]] = {
    "B": (ReminderMethod.ORAL_REMINDER, ReminderMethod.WRITTEN_REMINDER),
    "C": (ReminderMethod.WRITTEN_REMINDER, ReminderMethod.INTERVIEW),
}
METHOD_ZH = {
    ReminderMethod.ORAL_REMINDER: "口头信用提醒",
    ReminderMethod.WRITTEN_REMINDER: "书面信用提醒",
    ReminderMethod.INTERVIEW: "诚信约谈",
}
INTERVIEWEE_ZH = {
    IntervieweeRole.PRINCIPAL: "主要负责人",
    IntervieweeRole.MANAGER_IN_CHARGE: "分管负责人",
    IntervieweeRole.DIRECTLY_RESPONSIBLE: "直接责任人",
    IntervieweeRole.SELF: "本人",
}


def reminder_methods(grade: str | None) -> tuple[ReminderMethod, ...]:
    """WG 五: the methods open for a subject of this grade (none for A or ungraded)."""
    return REMINDER_METHODS.get(grade or "", ())
