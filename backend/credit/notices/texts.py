"""The Chinese texts of notices (告知书), as pure functions of their facts.

Each returns (title, body). A body is a letter: addressee, paragraphs, issuing unit and
date. Articles are cited per policy; a policy without the article says "依法".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from credit.policies.params import SHENYANG_CODE, WUGANG_CODE

LIST_ZH = {"RED": "红名单", "WATCH": "警示目录", "BLACK": "黑名单"}


@dataclass(frozen=True)
class PolicyText:
    title: str  # 《…》（文号）
    list_articles: dict[str, str]
    objection: str  # where objections are provided for
    repair: str
    appeal: str

    def cite(self, article: str) -> str:
        return f"依据{self.title}{article}" if article else "依法"


_ARTICLES: dict[str, tuple[dict[str, str], str, str, str]] = {
    SHENYANG_CODE: (
        {"RED": "第十条", "WATCH": "第九条", "BLACK": "第十一条"},
        "第十四条",
        "第十五条",
        "第十六条",
    ),
    WUGANG_CODE: ({"RED": "第三部分（一）", "BLACK": "第三部分（三）"}, "第五部分", "第五部分", ""),
}


def policy_text(code: str, name: str, document_no: str) -> PolicyText:
    lists, objection, repair, appeal = _ARTICLES.get(code, ({}, "", "", ""))
    title = f"《{name}》（{document_no}）" if document_no else f"《{name}》"
    return PolicyText(title, lists, objection, repair, appeal)


def zh_date(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


@dataclass(frozen=True)
class RecordLine:
    summary: str
    decision_no: str | None
    published_on: date | None

    def text(self) -> str:
        facts = [f"文书号{self.decision_no}"] if self.decision_no else []
        if self.published_on:
            facts.append(f"{zh_date(self.published_on)}公布")
        return self.summary + (f"（{'，'.join(facts)}）" if facts else "")


def sentence(text: str) -> str:
    """A free-text reason as a sentence: closed with "。" unless it already ends a clause."""
    text = text.strip()
    return text if not text or text[-1] in "。！？；.!?;" else text + "。"


def _letter(addressee: str, paragraphs: Sequence[str], unit: str, on: date) -> str:
    return "\n".join(
        [f"{addressee}：", *("    " + p for p in paragraphs if p), "", unit, zh_date(on)]
    )


def _numbered(lines: Sequence[RecordLine]) -> str:
    return "\n".join(f"    {i}. {line.text()}" for i, line in enumerate(lines, start=1))


def _appeal(p: PolicyText) -> str:
    where = f"（{p.title}{p.appeal}）" if p.appeal else ""
    return f"如对本决定不服，可以依法申请行政复议或者提起行政诉讼{where}。"


def listing(
    p: PolicyText,
    addressee: str,
    kind: str,
    since: date,
    lines: Sequence[RecordLine],
    window_days: int,
    unit: str,
    on: date,
    decision_no: str | None = None,
) -> tuple[str, str]:
    name = LIST_ZH[kind]
    paragraphs = [
        f"经核实确认，你单位存在下列情形，{p.cite(p.list_articles.get(kind, ''))}，"
        f"本机关决定将你单位列入“{name}”，自{zh_date(since)}起向社会公布：\n{_numbered(lines)}",
    ]
    if decision_no:
        paragraphs.append(f"本决定文书号：{decision_no}。")
    if kind != "RED":
        paragraphs.append(
            f"如有异议，可以自公示之日起{window_days}日内向本机关提出书面申请并提交相关证明材料"
            f"{f'（{p.objection}）' if p.objection else ''}。" + _appeal(p)
        )
    return f"列入“{name}”告知书", _letter(addressee, paragraphs, unit, on)


def removal(
    p: PolicyText, addressee: str, kind: str, reason: str, unit: str, on: date
) -> tuple[str, str]:
    name = LIST_ZH[kind]
    cause = reason.strip().rstrip("。")
    text = f"因{cause}，你单位自{zh_date(on)}起不再列入“{name}”，相关信息停止公布。"
    return f"移出“{name}”告知书", _letter(addressee, [text], unit, on)


def objection_accepted(
    p: PolicyText,
    addressee: str,
    filed_on: date,
    objection_id: int,
    due: date,
    unknown_years: Sequence[int],
    unit: str,
    on: date,
) -> tuple[str, str]:
    """`unknown_years`: years whose holiday arrangement was unknown when `due` was counted
    (the date is then provisional, and the applicant is told so)."""
    text = (
        f"你单位于{zh_date(filed_on)}提出的异议申请（编号{objection_id}）已于{zh_date(on)}受理。"
        f"本机关将于{zh_date(due)}前核实完毕，并将核实结果书面告知。"
    )
    if unknown_years:
        years = "、".join(f"{y}年" for y in sorted(set(unknown_years)))
        text += f"（该日期按现行工作日暂定；{years}法定节假日安排公布后，以据此计算的日期为准。）"
    return "异议受理通知书", _letter(addressee, [text], unit, on)


def objection_not_accepted(
    p: PolicyText,
    addressee: str,
    filed_on: date,
    objection_id: int,
    reason: str,
    unit: str,
    on: date,
) -> tuple[str, str]:
    text = (
        f"你单位于{zh_date(filed_on)}提出的异议申请（编号{objection_id}），经审查，"
        f"不予受理。理由：{sentence(reason)}"
    )
    return "异议不予受理通知书", _letter(addressee, [text], unit, on)


def objection_result(
    p: PolicyText,
    addressee: str,
    filed_on: date,
    objection_id: int,
    upheld: bool,
    reason: str,
    revoked: Sequence[RecordLine],
    removed_lists: Sequence[str],
    unit: str,
    on: date,
) -> tuple[str, str]:
    head = (
        f"你单位于{zh_date(filed_on)}提出的异议申请（编号{objection_id}），"
        f"本机关已依法核实{f'（{p.title}{p.objection}）' if p.objection else ''}。"
    )
    if upheld:
        paragraphs = [
            head,
            f"经核实，异议成立。理由：{sentence(reason)}",
            f"本机关决定撤销下列信用信息，即日起停止公布，不再计入信用评价：\n{_numbered(revoked)}",
        ]
        if removed_lists:
            names = "、".join(f"“{LIST_ZH[k]}”" for k in removed_lists)
            paragraphs.append(f"你单位自{zh_date(on)}起不再列入{names}。")
    else:
        paragraphs = [
            head,
            f"经核实，异议不成立，维持原公布信息。理由：{sentence(reason)}",
            _appeal(p),
        ]
    return "异议核实结果告知书", _letter(addressee, paragraphs, unit, on)


def repair_approved(
    p: PolicyText,
    addressee: str,
    decision_no: str,
    lines: Sequence[RecordLine],
    removed_lists: Sequence[str],
    reason: str,
    unit: str,
    on: date,
) -> tuple[str, str]:
    paragraphs = [
        f"你单位的信用修复申请，经核查已达到整改要求，且公示期间未接到有效投诉举报"
        f"{f'（{p.title}{p.repair}）' if p.repair else ''}。{sentence(reason)}",
        f"本机关决定（{decision_no}）：自{zh_date(on)}起，下列信用信息予以修复，停止公布，"
        f"不再计入信用评价：\n{_numbered(lines)}",
    ]
    if removed_lists:
        names = "、".join(f"“{LIST_ZH[k]}”" for k in removed_lists)
        paragraphs.append(f"解除对你单位的{names}管理，并向社会公开。")
    title = "解除管理决定书" if removed_lists else "信用修复决定书"
    return title, _letter(addressee, paragraphs, unit, on)


def repair_rejected(
    p: PolicyText, addressee: str, reason: str, unit: str, on: date
) -> tuple[str, str]:
    text = f"你单位的信用修复申请，经核查，不予修复。理由：{sentence(reason)}"
    return "不予信用修复决定书", _letter(addressee, [text], unit, on)


def written_reminder(
    p: PolicyText,
    addressee: str,
    grade_zh: str,
    reasons: Sequence[str],
    content: str,
    unit: str,
    on: date,
) -> tuple[str, str]:
    facts = "\n".join(f"    {i}. {r}" for i, r in enumerate(reasons, start=1))
    paragraphs = [
        f"经查，你（单位）存在下列失信行为，信用等级为{grade_zh}：\n{facts}",
        content,
        "请你（单位）及时纠正失信行为，严格自律、诚信守法、规范经营。",
    ]
    return "信用提醒书", _letter(addressee, paragraphs, unit, on)
