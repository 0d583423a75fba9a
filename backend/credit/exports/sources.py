"""The registry of exports: for each, the page's GraphQL field, its filters, and the
columns in Chinese. A node is the JSON the page itself receives."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from credit.exports import labels as zh
from credit.exports.params import (
    Param,
    code,
    day,
    label_of,
    many_of,
    object_id,
    one_of,
    text,
)

Node = dict[str, Any]


@dataclass(frozen=True)
class Column:
    header: str
    cell: Callable[[Node], str]


@dataclass(frozen=True)
class Source:
    name: str  # the URL: /export/{name}.xlsx
    title: str  # the sheet's title and the file's name
    field: str  # the page's GraphQL connection field
    selection: str  # what each node selects
    columns: tuple[Column, ...]
    params: tuple[Param, ...] = ()
    fixed_args: str = ""  # arguments the export always passes (e.g. which list)
    public: bool = False  # public: rate-limited, not audited; else audited


def get(path: str) -> Callable[[Node], str]:
    """A cell from a dotted path of the node; null reads as an empty cell."""
    keys = path.split(".")

    def cell(node: Node) -> str:
        value: Any = node
        for k in keys:
            value = value.get(k) if isinstance(value, dict) else None
        return "" if value is None else str(value)

    return cell


def mapped(path: str, table: dict[str, str]) -> Callable[[Node], str]:
    raw = get(path)
    return lambda node: table.get(raw(node), raw(node) and "其他")


def when(path: str) -> Callable[[Node], str]:
    raw = get(path)
    return lambda node: zh.local_time(raw(node))


def lists_of(path: str) -> Callable[[Node], str]:
    def cell(node: Node) -> str:
        value: Any = node
        for k in path.split("."):
            value = value.get(k) if isinstance(value, dict) else None
        return "、".join(zh.LIST_ZH.get(e["list"], "") for e in value or [])

    return cell


def grade_of(path: str) -> Callable[[Node], str]:
    raw = get(path)
    return lambda node: zh.GRADE_ZH.get(raw(node), "本政策不评级")


def district_param() -> Param:
    return Param("district", "辖区", "String", code, show=str)


# --- the public lists and search ---------------------------------------------------------

LIST_SELECTION = "subjectName uscc district { name } list since until decisionNo article"
LIST_COLUMNS = (
    Column("主体名称", get("subjectName")),
    Column("统一社会信用代码", get("uscc")),
    Column("辖区", get("district.name")),
    Column("名单", mapped("list", zh.LIST_ZH)),
    Column("列入日期", get("since")),
    Column("截止日期", get("until")),
    Column("决定文书号", get("decisionNo")),
    Column("依据条款", get("article")),
)


def public_list(name: str, kind: str) -> Source:
    return Source(
        name=name,
        title=zh.LIST_ZH[kind],
        field="listEntries",
        fixed_args=f"list: {kind}",
        selection=LIST_SELECTION,
        columns=LIST_COLUMNS,
        params=(district_param(), Param("search", "名称或代码", "String", text)),
        public=True,
    )


SUBJECT_SEARCH = Source(
    name="subject-search",
    title="信用查询结果",
    field="subjectSearch",
    selection="name uscc idNumberMasked kind district { name } grade { level } lists { list }",
    columns=(
        Column("名称", get("name")),
        Column("统一社会信用代码", get("uscc")),
        Column("身份证号码（脱敏）", get("idNumberMasked")),
        Column("主体类型", mapped("kind", zh.SUBJECT_KIND_ZH)),
        Column("辖区", get("district.name")),
        Column("信用等级", grade_of("grade.level")),
        Column("名单", lists_of("lists")),
    ),
    params=(Param("name", "名称或代码", "String!", text, required=True),),
    public=True,
)

# --- the console ---------------------------------------------------------------------------

INTERNAL_SUBJECTS = Source(
    name="internal-subjects",
    title="主体",
    field="internalSubjects",
    selection="name uscc idNumberMasked kind address district { name } "
    "evaluation { grade { level } lists { list } }",
    columns=(
        Column("名称", get("name")),
        Column("统一社会信用代码", get("uscc")),
        Column("身份证号码（脱敏）", get("idNumberMasked")),
        Column("主体类型", mapped("kind", zh.SUBJECT_KIND_ZH)),
        Column("辖区", get("district.name")),
        Column("地址", get("address")),
        Column("信用等级", grade_of("evaluation.grade.level")),
        Column("名单", lists_of("evaluation.lists")),
    ),
    params=(
        Param("search", "名称或代码", "String", text),
        district_param(),
        Param("grade", "信用等级", "GradeLevel", one_of(zh.GRADE_ZH), label_of(zh.GRADE_ZH)),
        Param("orderBy", "排序", "SubjectOrder", one_of(zh.ORDER_ZH), label_of(zh.ORDER_ZH)),
    ),
)

REMINDERS = Source(
    name="reminders",
    title="信用提醒与诚信约谈登记簿",
    field="reminders",
    selection="heldAt subject { name uscc } gradeName methodName place content "
    "intervieweeName intervieweeTitle officers unitName pushedAt",
    columns=(
        Column("实施时间", when("heldAt")),
        Column("主体", get("subject.name")),
        Column("统一社会信用代码", get("subject.uscc")),
        Column("登记时信用等级", get("gradeName")),
        Column("方式", get("methodName")),
        Column("地点", get("place")),
        Column("内容", get("content")),
        Column("被约谈（提醒）人", get("intervieweeName")),
        Column("职务", get("intervieweeTitle")),
        Column("办理人", get("officers")),
        Column("登记单位", get("unitName")),
        Column("推送时间", when("pushedAt")),
    ),
    params=(
        Param("start", "开始日期", "Date!", day, required=True),
        Param("end", "结束日期", "Date!", day, required=True),
        Param(
            "method",
            "方式",
            "ReminderMethod",
            one_of(zh.REMINDER_METHOD_ZH),
            label_of(zh.REMINDER_METHOD_ZH),
        ),
    ),
)

_CASE_PARAMS = (Param("subjectId", "主体编号", "ID", object_id),)

OBJECTIONS = Source(
    name="objections",
    title="异议",
    field="objections",
    selection="id subject { name uscc } listKind applicantName channel statusName filedOn "
    "acceptedOn handlingUnit dueOn decidedAt reasons decisionReason",
    columns=(
        Column("编号", get("id")),
        Column("主体", get("subject.name")),
        Column("统一社会信用代码", get("subject.uscc")),
        Column("针对名单", mapped("listKind", zh.LIST_ZH)),
        Column("申请人", get("applicantName")),
        Column("提交方式", mapped("channel", zh.CHANNEL_ZH)),
        Column("状态", get("statusName")),
        Column("收件日期", get("filedOn")),
        Column("受理日期", get("acceptedOn")),
        Column("办理单位", get("handlingUnit")),
        Column("核实期限", get("dueOn")),
        Column("决定时间", when("decidedAt")),
        Column("异议理由", get("reasons")),
        Column("核实结论", get("decisionReason")),
    ),
    params=(
        Param(
            "status",
            "状态",
            "[ObjectionStatus!]",
            many_of(zh.OBJECTION_STATUS_ZH),
            label_of(zh.OBJECTION_STATUS_ZH),
        ),
        *_CASE_PARAMS,
    ),
)

REPAIRS = Source(
    name="repair-applications",
    title="信用修复申请",
    field="repairApplications",
    selection="id subject { name uscc } listKind applicantName channel statusName filedAt "
    "decidedOn decisionNo issuingUnit rectification decisionReason",
    columns=(
        Column("编号", get("id")),
        Column("主体", get("subject.name")),
        Column("统一社会信用代码", get("subject.uscc")),
        Column("针对名单", mapped("listKind", zh.LIST_ZH)),
        Column("申请人", get("applicantName")),
        Column("提交方式", mapped("channel", zh.CHANNEL_ZH)),
        Column("状态", get("statusName")),
        Column("申请时间", when("filedAt")),
        Column("决定日期", get("decidedOn")),
        Column("解除决定文书号", get("decisionNo")),
        Column("作出单位", get("issuingUnit")),
        Column("整改情况", get("rectification")),
        Column("审核意见", get("decisionReason")),
    ),
    params=(
        Param(
            "status",
            "状态",
            "[RepairStatus!]",
            many_of(zh.REPAIR_STATUS_ZH),
            label_of(zh.REPAIR_STATUS_ZH),
        ),
        *_CASE_PARAMS,
    ),
)

AUDIT_EVENTS = Source(
    name="audit-events",
    title="审计日志",
    field="auditEvents",
    selection="at actorUsername unitCode role action objectType objectId clientAddr requestId",
    columns=(
        Column("时间", when("at")),
        Column("操作人", get("actorUsername")),
        Column("单位代码", get("unitCode")),
        Column("角色", mapped("role", zh.ROLE_ZH)),
        Column("操作", lambda n: zh.action_zh(n.get("action") or "")),
        Column("对象类型", lambda n: zh.object_type_zh(n.get("objectType") or "")),
        Column("对象编号", get("objectId")),
        Column("来源地址", get("clientAddr")),
        Column("请求编号", get("requestId")),
    ),
    params=(
        Param("action", "操作", "String", code, show=zh.action_zh),
        Param("objectType", "对象类型", "String", code, show=zh.object_type_zh),
        Param("objectId", "对象编号", "String", text),
    ),
)

SOURCES: dict[str, Source] = {
    s.name: s
    for s in (
        public_list("red-list", "RED"),
        public_list("watch-list", "WATCH"),
        public_list("blacklist", "BLACK"),
        SUBJECT_SEARCH,
        INTERNAL_SUBJECTS,
        REMINDERS,
        OBJECTIONS,
        REPAIRS,
        AUDIT_EVENTS,
    )
}
