"""The information types of a credit record: Shenyang 第六条 and Wugang 一/三, each with its
category (基本/良好/提示/警示信息) and whether the engine produces it."""

from __future__ import annotations

from dataclasses import dataclass

from credit.policies.catalogues.base import SY, WG, by_code
from credit.policies.facts import Category


@dataclass(frozen=True)
class InfoType:
    code: str
    name_zh: str
    name_en: str
    article: str  # where the type is defined (regulation and article)
    category: Category
    automatic: bool = False  # produced by the engine, not entered by hand


def _it(code: str, zh: str, en: str, article: str, cat: Category, auto: bool = False) -> InfoType:
    return InfoType(code, zh, en, article, cat, auto)


_B, _G, _H, _W = Category.BASIC, Category.GOOD, Category.HINT, Category.WARNING

INFO_TYPES: tuple[InfoType, ...] = (
    _it(
        "filing",
        "技防企业在公安机关的备案信息",
        "Filing with the police",
        f"{SY} 第六条（一）1",
        _B,
    ),
    _it(
        "inspection",
        "公安机关依法对技防企业进行检查的结果",
        "Police inspection result",
        f"{SY} 第六条（一）2",
        _B,
    ),
    _it(
        "basic_other",
        "其他应当记入企业基础信息的信息",
        "Other basic information",
        f"{SY} 第六条（一）3",
        _B,
    ),
    _it(
        "red_list",
        "被列入技防企业信用“红名单”情况",
        "Red-list designation",
        f"{SY} 第六条（二）1；{WG} 三（一）",
        _G,
    ),
    _it(
        "association_rating",
        "技防行业协会信用等级信息",
        "Industry association credit rating",
        f"{SY} 第六条（二）2",
        _G,
    ),
    _it(
        "honour",
        "企业及其主要负责人受到各级行政机关或行业组织的（与技防业务相关）表彰、授予的荣誉称号",
        "Commendation or honorary title",
        f"{SY} 第六条（二）3",
        _G,
    ),
    _it("honest_operation", "企业诚信经营的信息", "Honest operation", f"{SY} 第六条（二）4", _G),
    _it(
        "good_other",
        "其他应当记入企业优良信息的信息",
        "Other good information",
        f"{SY} 第六条（二）5",
        _G,
    ),
    _it(
        "interview_or_warning",
        "企业因违法行为受到约谈或警告的",
        "Interview or warning for a violation",
        f"{SY} 第六条（三）1",
        _H,
    ),
    _it(
        "watch_list_case",
        "被列入技防企业信用“警示目录”情况",
        "Watch-list case",
        f"{SY} 第六条（三）2、第九条",
        _H,
    ),
    _it(
        "hint_other",
        "其他应当记入企业提示信息的信息",
        "Other hint information",
        f"{SY} 第六条（三）3",
        _H,
    ),
    _it(
        "repeat_penalty",
        "企业因同一类违法行为受到两次以上行政处罚",
        "Two or more penalties for the same type of violation",
        f"{SY} 第六条（四）1",
        _W,
        auto=True,
    ),
    _it(
        "blacklist",
        "被列入技防企业信用“黑名单”情况",
        "Blacklist designation",
        f"{SY} 第六条（四）2；{WG} 三（三）",
        _W,
    ),
    _it(
        "warning_other",
        "其他应当记入企业警示信息的信息",
        "Other warning information",
        f"{SY} 第六条（四）3",
        _W,
    ),
    _it(
        "administrative_decision",
        "公安行政处理决定",
        "Public-security administrative decision",
        f"{WG} 二、三（二）",
        _H,
    ),
    _it(
        "licence_commitment_violation",
        "违反许可承诺书",
        "Breach of a licence commitment",
        f"{WG} 三（二）",
        _H,
    ),
    _it(
        "external_evaluation",
        "上级推送的国家公共信用综合评价结果、失信惩戒名单，以及其他部门通报的联合奖惩信息",
        "Upstream national credit evaluation or other departments' reward/punishment info",
        f"{WG} 一",
        _B,
    ),
)
INFO_TYPES_BY_CODE = by_code(INFO_TYPES)
