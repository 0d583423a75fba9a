"""The kinds of written notice (告知书)."""

from __future__ import annotations

from enum import StrEnum


class NoticeKind(StrEnum):
    LISTING = "LISTING"  # 列入名单告知 (SY 第十二条)
    REMOVAL = "REMOVAL"  # 移出名单告知
    OBJECTION_ACCEPTED = "OBJECTION_ACCEPTED"  # 异议受理通知
    OBJECTION_NOT_ACCEPTED = "OBJECTION_NOT_ACCEPTED"  # 异议不予受理通知
    OBJECTION_RESULT = "OBJECTION_RESULT"  # 异议核实结果告知 (SY 第十四条)
    REPAIR_APPROVED = "REPAIR_APPROVED"  # 解除管理决定 / 信用修复决定 (SY 第十五条)
    REPAIR_REJECTED = "REPAIR_REJECTED"  # 不予修复决定
    WRITTEN_REMINDER = "WRITTEN_REMINDER"  # 书面信用提醒 (WG 五)
