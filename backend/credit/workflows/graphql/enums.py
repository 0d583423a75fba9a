"""The workflow enums as the API names them (values are the member names), with the Chinese
labels the types show beside them."""

from __future__ import annotations

import strawberry

from credit.workflows import states
from credit.workflows.appeals import AppealKind as AppealKindEnum
from credit.workflows.appeals import AppealOutcome as AppealOutcomeEnum
from credit.workflows.calendar import DaySource as DaySourceEnum

ObjectionStatus = strawberry.enum(
    states.ObjectionStatus,
    description="异议状态：已提交/已受理/不予受理/异议成立/异议不成立/已撤回",
)
RepairStatus = strawberry.enum(
    states.RepairStatus, description="信用修复申请状态：已提交/准予修复/不予修复/已撤回"
)
ReportStatus = strawberry.enum(
    states.ReportStatus, description="举报状态：已接收/已分办/核查中/已办结"
)
ReportOutcome = strawberry.enum(
    states.ReportOutcome, description="举报办结结果：属实/不属实/不予受理"
)
OutboxStatus = strawberry.enum(states.OutboxStatus, description="推送状态：待推送/已送达/推送失败")
Channel = strawberry.enum(
    states.Channel, description="提交方式：网上（企业账号）/书面（审核员录入）"
)
ReminderMethod = strawberry.enum(
    states.ReminderMethod, description="信用提醒方式：口头信用提醒/书面信用提醒/诚信约谈"
)
IntervieweeRole = strawberry.enum(
    states.IntervieweeRole, description="被约谈人身份：主要负责人/分管负责人/直接责任人/本人"
)
NoticeKind = strawberry.enum(states.NoticeKind, description="告知书类别")
AppealKind = strawberry.enum(AppealKindEnum, description="救济途径：行政复议/行政诉讼（第十六条）")
AppealOutcome = strawberry.enum(
    AppealOutcomeEnum, description="复议/诉讼结果：待定/维持/撤销/变更/确认违法/撤回"
)
DaySource = strawberry.enum(
    DaySourceEnum,
    description="工作日判断的来源：TABLE 管理员录入的工作日历；STATUTORY 国务院公布的节假日安排；"
    "GUESS 该年度安排未知，仅按周一至周五推算（暂定）",
)

NOTICE_KIND_ZH = {
    states.NoticeKind.LISTING: "列入名单告知书",
    states.NoticeKind.REMOVAL: "移出名单告知书",
    states.NoticeKind.OBJECTION_ACCEPTED: "异议受理通知书",
    states.NoticeKind.OBJECTION_NOT_ACCEPTED: "异议不予受理通知书",
    states.NoticeKind.OBJECTION_RESULT: "异议核实结果告知书",
    states.NoticeKind.REPAIR_APPROVED: "信用修复决定书",
    states.NoticeKind.REPAIR_REJECTED: "不予信用修复决定书",
    states.NoticeKind.WRITTEN_REMINDER: "信用提醒书",
}
