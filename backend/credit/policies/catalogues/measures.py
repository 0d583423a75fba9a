"""The measures a list or grade brings: Shenyang 第十三条 and Wugang 四."""

from __future__ import annotations

from dataclasses import dataclass

from credit.policies.catalogues.base import NUMERALS, by_code

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
    Measure(f"sy_m{i}", zh, en, f"第十三条（{NUMERALS[i - 1]}）")
    for i, (zh, en) in enumerate(_SY_MEASURES, start=1)
)
SHENYANG_MEASURES_BY_CODE = by_code(SHENYANG_MEASURES)


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
WUGANG_MEASURES_BY_CODE = by_code(WUGANG_MEASURES)
