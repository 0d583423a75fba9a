"""Policy parameters: each default resolves an ambiguity of the regulations (see DOMAIN.md).

Parameters are frozen dataclasses, validated on construction, and built from a plain mapping
(``from_mapping``; missing keys take the default, an unknown key is a ValueError naming it).
``POLICY_DEFAULTS`` holds the defaults as JSON-friendly dicts (Decimal as str, tuples as
lists), the shape a policy row stores.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from decimal import Decimal, InvalidOperation
from typing import Any, Self

from .catalogues import INFO_TYPES_BY_CODE, SANCTION_KINDS_BY_CODE

SHENYANG_CODE = "shenyang-jifang-2018"
WUGANG_CODE = "wugang-2021"

RETENTION_FROM_CHOICES = ("decision_date", "occurred_on")

# 行政处罚 for counting: fine and heavier. A 警告 is legally a penalty too, but both seeds set
# it apart (SY 第六条（三）1 "约谈或警告" is hint info; WG 三（二） pairs it with 责令改正).
DEFAULT_PENALTY_KINDS = ("fine", "confiscation", "suspension", "licence_revocation", "detention")
# 罚没款 = 罚款 + 没收 (the money value of confiscated gains or property).
DEFAULT_MONETARY_KINDS = ("fine", "confiscation")


# The name of every parameter as a person reads it (errors, the console's policy page).
PARAM_LABELS: dict[str, str] = {
    "good_public_years": "优良信息公示期限（年）",
    "bad_public_years": "不良信息公示期限（年）",
    "retention_years": "记录保存期限（年）",
    "retention_from": "保存期限起算日",
    "blacklist_threshold": "列入黑名单的警示目录累计次数",
    "suppress_red_while_listed": "列入警示目录或黑名单期间不在红名单公示",
    "repeat_penalty_threshold": "同一类违法行为生成警示信息的处罚次数",
    "penalty_kinds": "计为行政处罚的处罚种类",
    "watch_entry_public_years": "警示目录条目公示期限（年）",
    "window_months": "评级统计期（月）",
    "b_max_count": "一般失信的最多次数",
    "fine_total_max_yuan": "一般失信的罚没款累计上限（元）",
    "public_years": "公示期限（年）",
    "a_record_types": "视为红名单条件的信息类型",
    "c_record_types": "视为黑名单条件的信息类型",
    "monetary_kinds": "计入罚没款的处罚种类",
    "red_entry_requires_grade_a": "红名单须评为A级",
}
RETENTION_FROM_LABELS = {"decision_date": "决定日期", "occurred_on": "发生日期"}


class ParamError(ValueError):
    """A parameter value the rules cannot take; the message is for people (Chinese) and
    `param` is the parameter's code."""

    def __init__(self, param: str, message: str) -> None:
        super().__init__(message)
        self.param = param


def _label(name: str) -> str:
    return f"“{PARAM_LABELS.get(name, name)}”"


def _int(name: str, value: object, minimum: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ParamError(name, f"参数{_label(name)}须为整数，当前为 {value!r}")
    if value < minimum:
        raise ParamError(name, f"参数{_label(name)}不能小于 {minimum}，当前为 {value}")


def _bool(name: str, value: object) -> None:
    if not isinstance(value, bool):
        raise ParamError(name, f"参数{_label(name)}须为是或否（true/false）")


def _codes(name: str, value: object, known: Mapping[str, object]) -> None:
    if not isinstance(value, tuple) or not all(isinstance(v, str) for v in value):
        raise ParamError(name, f"参数{_label(name)}须为代码列表")
    for code in value:
        if code not in known:
            raise ParamError(name, f"参数{_label(name)}含未知代码 {code!r}")


def _retention_from(value: object) -> None:
    if value not in RETENTION_FROM_CHOICES:
        choices = "、".join(f"{k}（{v}）" for k, v in RETENTION_FROM_LABELS.items())
        raise ParamError(
            "retention_from", f"参数{_label('retention_from')}须为 {choices} 之一，当前为 {value!r}"
        )


def _coerce(value: Any, default: Any) -> Any:
    """Turn JSON-shaped values into the field's type (lists → tuples, str/int → Decimal)."""
    if isinstance(default, tuple) and isinstance(value, list):
        return tuple(value)
    if (
        isinstance(default, Decimal)
        and isinstance(value, int | str)
        and not isinstance(value, bool)
    ):
        try:
            return Decimal(value)
        except InvalidOperation as exc:
            raise ValueError(f"不是有效的数值：{value!r}") from exc
    return value


class _FromMapping:
    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> Self:
        # A mixin of dataclasses: mypy cannot know that cls is one.
        names = {f.name: f for f in fields(cls)}  # type: ignore[arg-type]
        unknown = sorted(set(data) - set(names))
        if unknown:
            raise ParamError(unknown[0], f"未知的参数 {unknown[0]!r}")
        defaults = cls()
        kwargs = {k: _coerce(v, getattr(defaults, k)) for k, v in data.items()}
        return cls(**kwargs)

    def to_mapping(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in fields(self):  # type: ignore[arg-type]  # a dataclass (see from_mapping)
            value = getattr(self, f.name)
            if isinstance(value, tuple):
                value = list(value)
            elif isinstance(value, Decimal):
                value = str(value)
            out[f.name] = value
        return out


@dataclass(frozen=True)
class ShenyangParams(_FromMapping):
    """沈公发〔2018〕4号.

    - good_public_years=1: 第七条, good info public 1 year from the date it occurred; also the
      life of a red-list entry (第十条 names no period: it lasts as long as the good info).
    - bad_public_years=1: 第七条, bad info public 1 year from its publication date; also the
      life of the warning derived by 第六条（四）1 and of a BLACK entry from a blacklist record.
    - retention_years=5 / retention_from="decision_date": 第七条 "记录期限为5年" names no start;
      the decision date (fallback occurred_on) is the legal act the record stands for.
    - blacklist_threshold=5: 第十一条 "累计5次被列入警示目录"; counted cases are those
      published, inside retention and not revoked/repaired (DOMAIN.md).
    - suppress_red_while_listed=True: DOMAIN.md, an enterprise with an active WATCH/BLACK
      entry is not shown on the red list.
    - repeat_penalty_threshold=2: 第六条（四）1 "两次以上" read as two or more.
    - penalty_kinds: which heaviest sanction makes a 行政处罚 (fine and heavier).
    - watch_entry_public_years=1: a watch-list entry is bad info, public 1 year from
      publication (第七条); after that it no longer shows but still counts for 第十一条.
    """

    good_public_years: int = 1
    bad_public_years: int = 1
    retention_years: int = 5
    retention_from: str = "decision_date"
    blacklist_threshold: int = 5
    suppress_red_while_listed: bool = True
    repeat_penalty_threshold: int = 2
    penalty_kinds: tuple[str, ...] = DEFAULT_PENALTY_KINDS
    watch_entry_public_years: int = 1

    def __post_init__(self) -> None:
        _int("good_public_years", self.good_public_years, 0)
        _int("bad_public_years", self.bad_public_years, 0)
        _int("retention_years", self.retention_years, 1)
        _retention_from(self.retention_from)
        _int("blacklist_threshold", self.blacklist_threshold, 1)
        _bool("suppress_red_while_listed", self.suppress_red_while_listed)
        _int("repeat_penalty_threshold", self.repeat_penalty_threshold, 2)
        _codes("penalty_kinds", self.penalty_kinds, SANCTION_KINDS_BY_CODE)
        _int("watch_entry_public_years", self.watch_entry_public_years, 0)


@dataclass(frozen=True)
class WugangParams(_FromMapping):
    """舞公〔2021〕394号.

    - window_months=12: 三 "一年内" read as a rolling 12 months by decision date.
    - b_max_count=2: 三（二） "3次（不含）以内" = 1..2; 3 or more of a kind is C (DOMAIN.md).
    - fine_total_max_yuan=500000: 三（二） "罚没款金额累计不超过50万元"; a total above is C.
    - public_years=1 / retention_years=5 / retention_from: the seed names no periods; the
      Shenyang periods (1 year public from publication, 5 years kept) are reused.
    - a_record_types=("red_list", "inspection"): 三（一） A = "红名单条件", which the seed does
      not define; a red-list record or a passed inspection in the window stands for them.
    - c_record_types=("blacklist",): 三（三） C = "黑名单条件", e.g. an upstream joint
      punishment list.
    - penalty_kinds: sanctions that make a 行政处罚案件 (fine and heavier).
    - monetary_kinds: sanctions whose amounts make up 罚没款 (fines and confiscations).
    - red_entry_requires_grade_a=True: a RED entry shows only while the grade is A, so the
      public never sees a red-list entry beside grade B or C.
    """

    window_months: int = 12
    b_max_count: int = 2
    fine_total_max_yuan: Decimal = Decimal(500000)
    public_years: int = 1
    retention_years: int = 5
    retention_from: str = "decision_date"
    a_record_types: tuple[str, ...] = ("red_list", "inspection")
    c_record_types: tuple[str, ...] = ("blacklist",)
    penalty_kinds: tuple[str, ...] = DEFAULT_PENALTY_KINDS
    monetary_kinds: tuple[str, ...] = DEFAULT_MONETARY_KINDS
    red_entry_requires_grade_a: bool = True

    def __post_init__(self) -> None:
        _int("window_months", self.window_months, 1)
        _int("b_max_count", self.b_max_count, 1)
        if not isinstance(self.fine_total_max_yuan, Decimal) or self.fine_total_max_yuan < 0:
            raise ParamError(
                "fine_total_max_yuan", f"参数{_label('fine_total_max_yuan')}须为不小于0的金额"
            )
        _int("public_years", self.public_years, 0)
        _int("retention_years", self.retention_years, 1)
        _retention_from(self.retention_from)
        _codes("a_record_types", self.a_record_types, INFO_TYPES_BY_CODE)
        _codes("c_record_types", self.c_record_types, INFO_TYPES_BY_CODE)
        _codes("penalty_kinds", self.penalty_kinds, SANCTION_KINDS_BY_CODE)
        _codes("monetary_kinds", self.monetary_kinds, SANCTION_KINDS_BY_CODE)
        _bool("red_entry_requires_grade_a", self.red_entry_requires_grade_a)


POLICY_DEFAULTS: dict[str, dict[str, Any]] = {
    SHENYANG_CODE: ShenyangParams().to_mapping(),
    WUGANG_CODE: WugangParams().to_mapping(),
}
