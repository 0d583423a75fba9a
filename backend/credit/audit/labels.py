"""The audit trail as a person reads it: actions, objects and changed fields in Chinese.

The trail stores stable codes (`credit_record.publish`, `{"status": "published"}`); this
module is the one table that names them. An action missing from ACTIONS is still named
from its object and verb (OBJECTS × VERBS), so a new mutation never shows a raw code.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

OBJECTS: dict[str, str] = {
    "auth": "登录",
    "credit_record": "信用信息",
    "records": "信用信息",
    "list_entry": "名单",
    "list": "名单",
    "subject": "主体",
    "decision": "决定",
    "objection": "异议",
    "repair_application": "信用修复申请",
    "public_report": "举报",
    "reminder": "信用提醒",
    "calendar": "工作日历",
    "outbox": "发布队列",
    "policy": "政策",
    "user": "用户",
    "unit": "单位",
    "district": "辖区",
    "api_token": "API 令牌",
    "association_rating": "协会信用等级",
    "bureau": "初始化",
    "commitment": "信用承诺",
    "export": "导出",
    "watch": "关注",
    "watch_webhook": "关注推送地址",
    "watch_delivery": "关注推送",
    "association_member": "协会会员",
}

VERBS: dict[str, str] = {
    "create": "新建",
    "update": "修改",
    "delete": "删除",
    "submit": "提交",
    "verify": "审核通过",
    "reject": "退回",
    "publish": "公布",
    "revoke": "撤销",
    "repair": "修复",
    "reopen": "退回修改",
    "add": "添加",
    "set": "设置",
    "rotate_secret": "更换签名密钥",
    "breach_link": "关联违诺记录",
    "redrive": "重新投递",
    "redrive_admin": "重新投递",
    "import": "导入",
    "import_update": "导入更新",
    "remove": "解除",
    "file": "提交",
    "accept": "受理",
    "decide": "作出决定",
    "withdraw": "撤回",
    "decline": "不予受理",
    "approve": "批准",
    "triage": "分办",
    "investigate": "开始核查",
    "dismiss": "不予受理",
    "close": "办结",
    "open_record": "转为信用信息",
    "reveal_reporter": "查看举报人身份",
    "register": "登记",
    "push": "推送",
    "days_set": "设置日期",
    "year_fill": "生成全年日历",
    "requeue": "重新排队",
    "version_create": "发布新版本",
    "set_active": "停用/启用",
    "activate": "启用",
    "deactivate": "停用",
    "password_change": "修改密码",
    "password_reset": "重置密码",
    "login": "登录",
    "login_failed": "登录失败",
    "logout": "退出登录",
    "init": "初始化",
    "appeal_record": "登记复议/诉讼",
    "appeal_outcome_set": "登记复议/诉讼结果",
    "export": "导出",
}

# Whole names where "object + verb" would read badly.
ACTIONS: dict[str, str] = {
    "auth.login": "登录",
    "auth.login_failed": "登录失败",
    "auth.logout": "退出登录",
    "bureau.init": "初始化辖区与单位",
    "credit_record.create": "录入信用信息",
    "credit_record.submit": "提交审核",
    "credit_record.verify": "审核通过",
    "credit_record.reject": "退回",
    "credit_record.publish": "公布",
    "credit_record.revoke": "撤销",
    "credit_record.repair": "信用修复",
    "credit_record.import": "导入信用信息",
    "records.import": "批量导入",
    "subject.import": "导入主体",
    "subject.import_update": "导入更新主体",
    "list_entry.remove": "解除名单",
    "user.create": "新建用户",
    "user.update": "修改用户",
    "user.set_active": "停用/启用用户",
    "user.password_change": "修改密码",
    "user.password_reset": "重置密码",
    "unit.create": "新建单位",
    "unit.update": "修改单位",
    "unit.activate": "启用单位",
    "unit.deactivate": "停用单位",
    "district.create": "新建辖区",
    "district.update": "修改辖区",
    "district.activate": "启用辖区",
    "district.deactivate": "停用辖区",
    "api_token.create": "签发 API 令牌",
    "api_token.revoke": "吊销 API 令牌",
    "policy.version_create": "发布政策新版本",
    "association_rating.submit": "报送协会信用等级",
    "objection.file": "提出异议",
    "objection.accept": "受理异议",
    "objection.decline": "异议不予受理",
    "objection.decide": "异议决定",
    "objection.withdraw": "撤回异议",
    "repair_application.file": "申请信用修复",
    "repair_application.approve": "批准信用修复",
    "repair_application.reject": "驳回信用修复申请",
    "repair_application.withdraw": "撤回信用修复申请",
    "decision.appeal_record": "登记复议/诉讼",
    "decision.appeal_outcome_set": "登记复议/诉讼结果",
    "public_report.file": "受理举报",
    "public_report.triage": "分办举报",
    "public_report.investigate": "开始核查举报",
    "public_report.dismiss": "举报不予受理",
    "public_report.close": "举报办结",
    "public_report.open_record": "举报转为信用信息",
    "public_report.reveal_reporter": "查看举报人身份",
    "reminder.register": "登记信用提醒",
    "reminder.push": "推送信用提醒",
    "calendar.days_set": "设置工作日历",
    "calendar.year_fill": "生成全年工作日历",
    "outbox.requeue": "重新发送",
}

FIELDS: dict[str, str] = {
    "status": "状态",
    "record_status": "信息状态",
    "type": "信息类型",
    "subject_id": "主体编号",
    "record_id": "信用信息编号",
    "record_ids": "信用信息编号",
    "revoked_record_ids": "撤销的信用信息",
    "removed_record_ids": "解除的信用信息",
    "handler_user_id": "承办人编号",
    "outcome": "结果",
    "name": "名称",
    "display_name": "姓名",
    "code": "代码",
    "kind": "类别",
    "state": "状态",
    "role": "角色",
    "unit": "单位",
    "unit_id": "单位编号",
    "parent_id": "上级单位编号",
    "district_id": "辖区编号",
    "jurisdiction_id": "管辖区编号",
    "is_active": "在用",
    "permissions": "权限",
    "summary": "摘要",
    "method": "方式",
    "held_at": "时间",
    "pushed_at": "推送时间",
    "notice_id": "告知书编号",
    "year": "年份",
    "days": "日期",
    "rest_days": "休息日",
    "make_up_days": "调休上班日",
    "index": "序号",
    "created": "新建",
    "updated": "更新",
    "rows": "行数",
    "dry_run": "仅校验",
    "username": "用户名",
    "scopes": "权限范围",
    "expires_at": "到期时间",
    "reason": "理由",
    "note": "说明",
    "decision_no": "文书号",
    "list": "名单",
    "version": "版本",
    "effective_from": "生效日期",
    "target": "发送目标",
    "uscc": "统一社会信用代码",
    "address": "地址",
    "count": "数量",
    "line": "行号",
    "key": "代码或证件号",
    "external_key": "外部编号",
    "published_on": "公布日期",
    "file": "文件",
    "format": "格式",
    "sha256": "文件摘要（SHA-256）",
    "subjects_created": "新增主体",
    "subjects_updated": "更新主体",
    "subjects_unchanged": "未变的主体",
    "decisions_created": "新增决定",
    "decisions_skipped": "已存在的决定",
    "records_created": "新增信用信息",
    "records_skipped": "已存在的信用信息",
    "subjects_reevaluated": "重新评价的主体",
    "district_code": "辖区代码",
    "legal_representative": "法定代表人",
    "licence_no": "许可证号",
    "subject_kind": "主体类型",
    "prefix": "令牌前缀",
    "rate_limit_per_minute": "每分钟请求上限",
    "must_change_password": "须修改密码",
}

# Values that are data as a person typed or received them (codes, names, numbers, files):
# shown as they are and never translated.
LITERAL_FIELDS = frozenset(
    {
        "username",
        "code",
        "uscc",
        "key",
        "external_key",
        "decision_no",
        "document_no",
        "file",
        "sha256",
        "prefix",
        "district_code",
        "licence_no",
        "name",
        "display_name",
        "address",
        "legal_representative",
        "summary",
        "reason",
        "note",
    }
)

ROLES: dict[str, str] = {
    "ADMIN": "系统管理员",
    "CITY_REVIEWER": "市局审核员",
    "DISTRICT_OFFICER": "分局民警",
    "ENTERPRISE": "企业",
    "ASSOCIATION": "行业协会",
    "SYSTEM": "系统",
    "ANONYMOUS": "公众（匿名）",
    "PARTNER": "合作机构",
}

# Stored enum values: record, case, report and outbox states, outcomes, list kinds.
VALUES: dict[str, str] = {
    "deleted": "已删除",
    "licence": "许可承诺书",
    "ACTIVE": "有效",
    "draft": "草稿",
    "submitted": "待审核",
    "verified": "已审核",
    "published": "已公布",
    "rejected": "已退回",
    "revoked": "已撤销",
    "repaired": "已修复",
    "FILED": "已提交",
    "ACCEPTED": "已受理",
    "NOT_ACCEPTED": "不予受理",
    "UPHELD": "异议成立",
    "REJECTED": "已驳回",
    "WITHDRAWN": "已撤回",
    "APPROVED": "已批准",
    "RECEIVED": "已接收",
    "TRIAGED": "已分办",
    "INVESTIGATING": "核查中",
    "CLOSED": "已办结",
    "SUBSTANTIATED": "属实",
    "UNSUBSTANTIATED": "不属实",
    "DISMISSED": "不予受理",
    "PENDING": "待发送",
    "DELIVERED": "已送达",
    "FAILED": "发送失败",
    "RED": "红名单",
    "WATCH": "警示目录",
    "BLACK": "黑名单",
    **ROLES,
}


def action_label(action: str) -> str:
    if action in ACTIONS:
        return ACTIONS[action]
    obj, _, verb = action.partition(".")
    return f"{OBJECTS.get(obj, '其他')}·{VERBS.get(verb, '变更')}"


def object_label(object_type: str) -> str:
    return OBJECTS.get(object_type, "其他") if object_type else ""


def role_label(role: str) -> str:
    return ROLES.get(role, "其他") if role else ""


def field_label(key: str) -> str:
    return FIELDS.get(key, "其他字段")


def _named(key: str, value: Any) -> Any:
    """A code of a catalogue, by the field that holds it, as its Chinese name."""
    from credit.policies.catalogues import INFO_TYPES_BY_CODE

    if not isinstance(value, str):
        return value
    if key == "type" and value in INFO_TYPES_BY_CODE:
        return INFO_TYPES_BY_CODE[value].name_zh
    if key in ("kind", "subject_kind") and value in SUBJECT_KINDS:
        return SUBJECT_KINDS[value]
    if key == "format":
        return FORMATS.get(value, value)
    return value


SUBJECT_KINDS = {
    "ENTERPRISE": "企业",
    "SOCIAL_ORGANISATION": "社会组织",
    "INDIVIDUAL_BUSINESS": "个体工商户",
    "NATURAL_PERSON": "自然人",
}
FORMATS = {"xlsx": "Excel（.xlsx）", "csv": "CSV", "jsonl": "JSON Lines", "rows": "程序调用"}


def value_text(value: Any) -> str:
    """A stored value as text: enum values named, lists joined, nested objects flattened."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, list):
        return "、".join(value_text(v) for v in value) or "—"
    if isinstance(value, dict):
        return "；".join(f"{field_label(k)}：{value_text(_named(k, v))}" for k, v in value.items())
    if isinstance(value, str):
        return VALUES.get(value, value)
    return str(value)


@dataclass(frozen=True)
class Change:
    field: str
    label: str
    before: str | None
    after: str | None
    literal: bool = False  # the values are data as typed (codes, names): never translated


def changes(before: Any, after: Any) -> list[Change]:
    """One labelled line per field of either snapshot (before/after as text)."""
    b = before if isinstance(before, dict) else ({} if before is None else {"value": before})
    a = after if isinstance(after, dict) else ({} if after is None else {"value": after})
    out = []
    for key in list(dict.fromkeys([*b, *a])):
        out.append(
            Change(
                field=key,
                label="内容" if key == "value" else field_label(key),
                before=value_text(_named(key, b[key])) if key in b else None,
                after=value_text(_named(key, a[key])) if key in a else None,
                literal=key in LITERAL_FIELDS,
            )
        )
    return out
