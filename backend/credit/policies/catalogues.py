"""Catalogues of the two seed regulations, as data with stable codes.

Sources (texts copied verbatim; the engine never reads the seed files):
- SY: 沈阳市公安局 沈公发〔2018〕4号《沈阳市安全技术防范行业信用监管规定（试行）》
- WG: 舞钢市公安局 舞公〔2021〕394号《信用分级分类监管制度》

The Shenyang 第九条 texts keep the regulation's own punctuation, including the half-width
``(音)`` and ``, `` of items (十二) and (二十三); only the numbering prefix and the closing
``；``/``。`` are dropped. Codes are stable lower_snake ASCII and never reused.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol, TypeVar

from .facts import Category

SY = "沈公发〔2018〕4号"
WG = "舞公〔2021〕394号"


class _Coded(Protocol):
    @property
    def code(self) -> str: ...


_T = TypeVar("_T", bound=_Coded)


def _by_code(entries: Iterable[_T]) -> dict[str, _T]:
    table: dict[str, _T] = {}
    for entry in entries:
        if entry.code in table:
            raise ValueError(f"duplicate catalogue code {entry.code!r}")
        table[entry.code] = entry
    return table


# --- Shenyang 第九条: the 26 situations of the watch list -------------------------------


@dataclass(frozen=True)
class WatchSituation:
    code: str
    name_zh: str
    name_en: str
    article: str


_NUMERALS = (
    "一",
    "二",
    "三",
    "四",
    "五",
    "六",
    "七",
    "八",
    "九",
    "十",
    "十一",
    "十二",
    "十三",
    "十四",
    "十五",
    "十六",
    "十七",
    "十八",
    "十九",
    "二十",
    "二十一",
    "二十二",
    "二十三",
    "二十四",
    "二十五",
    "二十六",
)

_SITUATIONS: tuple[tuple[str, str], ...] = (
    ("未对从业人员进行业务和保密教育培训", "Staff not trained in business and confidentiality"),
    (
        "未依法施工，并将相关建设资料存档备查",
        "Construction not lawful, or construction documents not archived for inspection",
    ),
    (
        "未对在业务中涉及的客户信息保守秘密",
        "Customer information met in business not kept confidential",
    ),
    (
        "设计、安装、维护未符合相关标准、未保证质量",
        "Design, installation or maintenance below standard or of unassured quality",
    ),
    ("在企业经营中发生伪造工程业绩", "Forged project record in business operation"),
    ("工程质量检测不合格", "Project failed quality testing"),
    ("未履行服务承诺", "Service commitment not honoured"),
    ("因服务受到用户投诉", "Customer complaint about the service"),
    (
        "擅自在社会公共区域安装技防系统",
        "Security system installed in a public area without authorisation",
    ),
    (
        "妨碍社会公共区域技防系统正常运行",
        "Obstructing the normal operation of a public-area security system",
    ),
    (
        "社会公共区域和技术防范重点单位技防系统设计方案未经论证或者论证未通过或者未按照论证方案进行施工",
        "Design for a public area or key unit not reviewed, rejected, or not followed",
    ),
    (
        "在涉及他人隐私的场所或部位安装、使用具有视(音)频采集功能的技防系统",
        "Video/audio capture installed or used where it intrudes on others' privacy",
    ),
    ("损坏或者擅自拆除技防系统", "Damaging or removing a security system without authorisation"),
    (
        "妨碍或者擅自中断技防系统的正常使用",
        "Obstructing or interrupting the normal use of a security system",
    ),
    (
        "擅自改变技防系统的用途和使用范围",
        "Changing a security system's purpose or scope without authorisation",
    ),
    (
        "删改或者破坏技防系统的运行程序和运行记录",
        "Altering or destroying a security system's programs or operating logs",
    ),
    (
        "破坏或者妨碍技防系统正常使用的其他行为",
        "Other acts damaging or obstructing the normal use of a security system",
    ),
    (
        "买卖或者违法使用、传播获取信息",
        "Trading in, or unlawfully using or spreading, captured information",
    ),
    (
        "擅自提供、复制、翻拍或者删改、隐匿、毁灭获取信息",
        "Providing, copying, re-recording, altering, hiding or destroying captured information",
    ),
    ("违法使用获取信息的其他行为", "Other unlawful uses of captured information"),
    ("未依法安装技防系统", "Security system not installed as required by law"),
    (
        "未制定技防系统使用、保养、维护和更新制度",
        "No rules for use, upkeep, maintenance and renewal of the security system",
    ),
    (
        "未指定专人负责技防系统的运行、维护、管理, 并对其进行业务培训, 保障正常运行",
        "No trained person designated to run, maintain and manage the security system",
    ),
    (
        "未建立技防系统使用中所采集的信息资料的查询、调取、登记和保密制度",
        "No rules for querying, retrieving, logging and protecting captured information",
    ),
    ("未建立相应的值班制度和应急处置预案", "No duty roster or emergency response plan"),
    (
        "其他严重违反技防法律法规的行为",
        "Other serious violations of technical-prevention laws and regulations",
    ),
)

WATCH_SITUATIONS: tuple[WatchSituation, ...] = tuple(
    WatchSituation(f"s{i:02d}", zh, en, f"第九条（{_NUMERALS[i - 1]}）")
    for i, (zh, en) in enumerate(_SITUATIONS, start=1)
)
WATCH_SITUATIONS_BY_CODE = _by_code(WATCH_SITUATIONS)


# --- Information types: Shenyang 第六条 and Wugang 一/三 ----------------------------------


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
INFO_TYPES_BY_CODE = _by_code(INFO_TYPES)


# --- Measures: Shenyang 第十三条 -----------------------------------------------------------


@dataclass(frozen=True)
class Measure:
    code: str
    name_zh: str
    name_en: str
    article: str
    grade: str | None = None  # Wugang: the grade it applies to
    group_zh: str | None = None  # Wugang C: 行政性 / 市场性约束和惩戒


_SY_MEASURES: tuple[tuple[str, str], ...] = (
    (
        "在日常监管中将其列为重点监管对象，加大行政检查力度",
        "Key supervision target; more administrative inspections",
    ),
    (
        "在办理年检备案工作中，依法从严限制或者取消有关申请资格",
        "Annual inspection and filing: eligibility strictly limited or withdrawn",
    ),
    (
        "在行政许可工作中，列为重点核查对象，从严审核行政审批项目，限制新增项目审批、核准",
        "Licensing: key verification target, strict review, new approvals restricted",
    ),
    ("限制参加政府采购项目", "Restricted from government procurement"),
    ("限制承接政府授权或委托事项", "Restricted from government-authorised or delegated work"),
    (
        "建议相关组织限制参加技防企业资信评估和评比表彰活动",
        "Organisations advised to restrict credit rating and award participation",
    ),
    (
        "对已经取得技防企业资信评估等级且未到期的，建议相关组织予以降低或取消评估等级",
        "Organisations advised to lower or cancel an unexpired credit rating",
    ),
    (
        "列入失信“黑名单”的技防企业再次被列入失信“黑名单”或者在期间整改不力的，公安机关依法予以从重处理",
        "Blacklisted again or poor rectification: heavier handling by law",
    ),
    ("采取其它惩戒性措施", "Other punitive measures"),
)

SHENYANG_MEASURES: tuple[Measure, ...] = tuple(
    Measure(f"sy_m{i}", zh, en, f"第十三条（{_NUMERALS[i - 1]}）")
    for i, (zh, en) in enumerate(_SY_MEASURES, start=1)
)
SHENYANG_MEASURES_BY_CODE = _by_code(SHENYANG_MEASURES)


# --- Measures: Wugang 四 --------------------------------------------------------------------

_ADMIN = "依法加强行政性约束和惩戒"
_MARKET = "加强市场性约束和惩戒"

_WG_MEASURES: tuple[tuple[str, str, str, str | None], ...] = (
    (
        "A",
        "按照国家、省和市有关规定，符合条件的，予以发文表彰",
        "Official commendation where eligible",
        None,
    ),
    (
        "A",
        "除投诉举报和专项执法检查外，免于日常巡查检查",
        "Exempt from routine patrol inspections (except complaints and special campaigns)",
        None,
    ),
    (
        "A",
        "在办理行政许可过程中，可根据实际情况实施“绿色通道”等便利服务措施",
        "Green channel and other facilitation in licensing",
        None,
    ),
    (
        "A",
        "在政府采购、项目招投标、资格审查、资格认定等各类政府优惠政策中，优先考虑诚信市场主体",
        "Priority in procurement, tendering, qualification and other preferential policies",
        None,
    ),
    ("A", "法律、法规、规章和规范性文件规定的其他激励措施", "Other incentives by law", None),
    (
        "B",
        "适当增加日常检查频次，在随机抽查中列为检查对象",
        "More routine inspections; included in random checks",
        None,
    ),
    (
        "B",
        "加强对执法和管理相对人的政策法规宣传、业务辅导等服务工作，帮助其提升依法执业水平",
        "More legal education and business guidance",
        None,
    ),
    ("B", "法律、法规、规章规定的其他管理措施", "Other management measures by law", None),
    (
        "C",
        "引导管理相对人增强法律意识，提高法律遵从度",
        "Guidance to raise legal awareness and compliance",
        _ADMIN,
    ),
    (
        "C",
        "加大日常检查频次和随机抽查力度，实行动态监管",
        "More routine and random inspections; dynamic supervision",
        _ADMIN,
    ),
    ("C", "从严审核行政许可审批项目", "Strict review of licence applications", _ADMIN),
    ("C", "限制新增项目审批、核准", "New project approvals restricted", _ADMIN),
    ("C", "严格限制申请特种行业经营", "Special-trade licences strictly restricted", _ADMIN),
    (
        "C",
        "以统一社会信用代码为索引，及时公开披露相关信息，便于市场识别失信行为，防范信用风险",
        "Timely public disclosure indexed by USCC",
        _MARKET,
    ),
    (
        "C",
        "支持征信机构采集严重失信行为信息，纳入信用记录和信用报告",
        "Credit bureaus supported in collecting the serious-dishonesty information",
        _MARKET,
    ),
)

_WG_ARTICLE = {"A": "四（一）", "B": "四（二）", "C": "四（三）"}


def _wugang_measures() -> tuple[Measure, ...]:
    out: list[Measure] = []
    counters = {"A": 0, "B": 0, "C": 0}
    for grade, zh, en, group in _WG_MEASURES:
        counters[grade] += 1
        code = f"wg_{grade.lower()}{counters[grade]}"
        out.append(Measure(code, zh, en, _WG_ARTICLE[grade], grade, group))
    return tuple(out)


WUGANG_MEASURES: tuple[Measure, ...] = _wugang_measures()
WUGANG_MEASURES_BY_CODE = _by_code(WUGANG_MEASURES)


# --- Sanction kinds and violation domains ------------------------------------------------

PENALTY = "penalty"
CORRECTION_OR_WARNING = "correction_or_warning"


@dataclass(frozen=True)
class SanctionKind:
    code: str
    name_zh: str
    name_en: str
    article: str
    severity: int  # 1 = lightest
    bucket: str  # PENALTY (行政处罚案件) or CORRECTION_OR_WARNING
    monetary: bool  # its amount is part of 罚没款


SANCTION_KINDS: tuple[SanctionKind, ...] = (
    SanctionKind(
        "order_to_correct",
        "责令（限期）改正",
        "Order to correct (within a time limit)",
        f"{WG} 三（二）",
        1,
        CORRECTION_OR_WARNING,
        False,
    ),
    SanctionKind("warning", "警告", "Warning", f"{WG} 三（二）", 2, CORRECTION_OR_WARNING, False),
    SanctionKind("fine", "罚款", "Fine", f"{WG} 三（二）", 3, PENALTY, True),
    SanctionKind(
        "confiscation",
        "没收违法所得、没收非法财物",
        "Confiscation of illegal gains or property",
        f"{WG} 三（二）",
        4,
        PENALTY,
        True,
    ),
    SanctionKind(
        "suspension",
        "责令停产停业、暂扣许可证件",
        "Suspension of business or of a licence",
        f"{WG} 三（二）",
        5,
        PENALTY,
        False,
    ),
    SanctionKind(
        "licence_revocation",
        "吊销许可证件",
        "Licence revocation",
        f"{WG} 三（二）",
        6,
        PENALTY,
        False,
    ),
    SanctionKind(
        "detention", "行政拘留", "Administrative detention", f"{WG} 三（二）", 7, PENALTY, False
    ),
)
SANCTION_KINDS_BY_CODE = _by_code(SANCTION_KINDS)


@dataclass(frozen=True)
class ViolationDomain:
    code: str
    name_zh: str
    name_en: str
    article: str


VIOLATION_DOMAINS: tuple[ViolationDomain, ...] = tuple(
    ViolationDomain(code, zh, en, f"{WG} 二")
    for code, zh, en in (
        ("public_order", "治安", "Public order"),
        ("narcotics", "禁毒", "Narcotics control"),
        ("traffic", "交通", "Traffic"),
        ("cyber_security", "网络安全", "Cyber security"),
        ("tech_prevention", "技防", "Technical prevention"),
        ("entry_exit", "出入境", "Entry and exit"),
        ("fire", "消防", "Fire safety"),
        ("other", "其他", "Other"),
    )
)
VIOLATION_DOMAINS_BY_CODE = _by_code(VIOLATION_DOMAINS)
