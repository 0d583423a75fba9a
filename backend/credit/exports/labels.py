"""The Chinese a file shows instead of the API's codes (enum values, audit actions)."""

from __future__ import annotations

from datetime import datetime

from credit.core.clock import TZ
from credit.creditreport.content import CATEGORY_ZH, KIND_ZH, LIST_ZH
from credit.objections.states import OBJECTION
from credit.reminders.states import METHOD_ZH
from credit.repairs.states import REPAIR

SUBJECT_KIND_ZH = {k.value: v for k, v in KIND_ZH.items()}
GRADE_ZH = {"A": "A 信用优良", "B": "B 一般失信", "C": "C 严重失信", "UNGRADED": "未评级"}
CHANNEL_ZH = {"ONLINE": "网上提交", "PAPER": "书面申请"}
REMINDER_METHOD_ZH = {k.value: v for k, v in METHOD_ZH.items()}
OBJECTION_STATUS_ZH = {k.value: v for k, v in OBJECTION.labels_zh.items()}
REPAIR_STATUS_ZH = {k.value: v for k, v in REPAIR.labels_zh.items()}
ORDER_ZH = {
    "NAME": "按名称",
    "NAME_DESC": "按名称倒序",
    "CREATED_DESC": "按建档时间（新在前）",
    "UPDATED_DESC": "按更新时间（新在前）",
}
ROLE_ZH = {
    "ADMIN": "系统管理员",
    "CITY_REVIEWER": "市局审核员",
    "DISTRICT_OFFICER": "分局民警",
    "ENTERPRISE": "企业账号",
    "ASSOCIATION": "行业协会",
    "ANONYMOUS": "公众",
    "PARTNER": "合作机构",
}
OBJECT_ZH = {
    "auth": "登录",
    "session": "会话",
    "credit_record": "信用信息",
    "records": "信用信息",
    "record": "信用信息",
    "subject": "主体",
    "list": "名单",
    "list_entry": "名单",
    "decision": "决定",
    "objection": "异议",
    "repair_application": "信用修复",
    "public_report": "举报",
    "reminder": "信用提醒",
    "notice": "告知书",
    "user": "用户",
    "unit": "单位",
    "district": "辖区",
    "api_token": "API 令牌",
    "token": "API 令牌",
    "policy": "政策",
    "calendar": "工作日历",
    "outbox": "推送",
    "bureau": "机构配置",
    "import": "导入",
    "export": "导出",
    "association": "行业协会",
}
VERB_ZH = {
    "login": "登录",
    "login_failed": "登录失败",
    "logout": "退出登录",
    "create": "新建",
    "update": "修改",
    "delete": "删除",
    "submit": "提交审核",
    "verify": "审核通过",
    "reject": "退回",
    "reopen": "退回草稿",
    "publish": "公布",
    "revoke": "撤销",
    "repair": "修复",
    "import": "导入",
    "import_update": "导入更新",
    "withdrawn": "撤回",
    "withdraw": "撤回",
    "remove": "解除",
    "entry_added": "列入",
    "entry_removed": "移出",
    "file": "提交",
    "accept": "受理",
    "not_accept": "不予受理",
    "decide": "作出决定",
    "approve": "核准",
    "assign": "指定承办人",
    "reveal_reporter": "查看举报人身份",
    "open_record": "立案",
    "close": "办结",
    "register": "登记",
    "registered": "登记",
    "push": "推送",
    "requeue": "重新推送",
    "set_active": "停用/启用",
    "activate": "启用",
    "deactivate": "停用",
    "password_change": "修改密码",
    "password_reset": "重置密码",
    "version_create": "新建版本",
    "init": "初始化",
    "download": "下载",
}


# Whole actions whose name reads better than "object：verb".
ACTION_ZH = {"export.download": "导出数据"}


def action_zh(action: str) -> str:
    """An audit action in Chinese; one the catalogue does not know still reads as Chinese
    (its object and 操作), never as the code."""
    if action in ACTION_ZH:
        return ACTION_ZH[action]
    obj, _, verb = action.partition(".")
    return f"{OBJECT_ZH.get(obj, '其他')}：{VERB_ZH.get(verb, '操作')}"


def object_type_zh(object_type: str) -> str:
    return OBJECT_ZH.get(object_type, "其他") if object_type else ""


def local_time(value: str | None) -> str:
    """An API date-time (ISO 8601) as the bureau's local time, to the minute."""
    if not value:
        return ""
    return datetime.fromisoformat(value).astimezone(TZ).strftime("%Y-%m-%d %H:%M")


__all__ = ["CATEGORY_ZH", "LIST_ZH", "SUBJECT_KIND_ZH", "action_zh", "local_time"]
