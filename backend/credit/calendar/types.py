"""GraphQL types of the working-day calendar."""

from __future__ import annotations

from datetime import date

import strawberry

from credit.calendar import workdays

DaySource = strawberry.enum(
    workdays.DaySource,
    description="工作日判断的来源：TABLE 管理员录入的工作日历；STATUTORY 国务院公布的节假日安排；"
    "GUESS 该年度安排未知，仅按周一至周五推算（暂定）",
)


@strawberry.type(description="工作日历的一天")
class CalendarDay:
    date: date
    is_working_day: bool
    source: DaySource  # type: ignore[valid-type]
    note: str = strawberry.field(description="说明（如节日名称、调休上班）")


@strawberry.input(description="工作日历的一天")
class CalendarDayInput:
    date: date
    is_working_day: bool
    note: str = ""


@strawberry.input(description="国务院通知中的一天（放假日或调休上班日）及其说明")
class CalendarNoteInput:
    date: date
    note: str = ""
