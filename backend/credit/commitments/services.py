"""The rules of the commitments register, as plain functions (no GraphQL, no database):
which kinds exist and their standard texts, what a registration must hold, what status a
commitment has on a given day, which a record may breach, and what the public sees."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from credit.policies.facts import SubjectKind

MATTER_MAX = 200
CONTENT_MAX = 5000
UNIT_MAX = 200
REASON_MAX = 1000
# The record type whose breach a commitment records (WG 三: 违反许可承诺书).
BREACH_RECORD_TYPE = "licence_commitment_violation"


@dataclass(frozen=True)
class CommitmentKind:
    code: str
    name: str
    # Whether a 违反许可承诺书 record may name a commitment of this kind as breached.
    breachable: bool
    template: str


# The kinds, in the wording of the 告知承诺制 and 信用承诺 practice; 许可承诺书 is Wugang's
# word for the licence commitment whose breach it counts (一般失信).
KINDS: tuple[CommitmentKind, ...] = (
    CommitmentKind(
        "licence",
        "许可承诺书",
        True,
        "本单位（人）申请办理“{matter}”，已知晓许可的条件与要求，承诺所填报信息及提交材料真实、"
        "准确、完整，符合许可条件，并在规定期限内履行承诺事项；如有违反，愿意承担相应法律责任，"
        "接受撤销许可等处理，并同意将违诺情况记入信用记录。",
    ),
    CommitmentKind(
        "notification",
        "告知承诺书",
        True,
        "本单位（人）就“{matter}”已知晓告知的全部内容，承诺符合告知的条件和要求，愿意承担"
        "不实承诺的法律责任；承诺的意思表示真实。",
    ),
    CommitmentKind(
        "credit",
        "信用承诺书",
        False,
        "本单位（人）承诺：守法诚信经营，依法履行“{matter}”相关义务，自觉接受公安机关和社会监督；"
        "如有违法失信行为，愿意接受相应的管理和惩戒措施。",
    ),
    CommitmentKind(
        "repair",
        "信用修复承诺书",
        False,
        "本单位（人）就“{matter}”已完成整改，承诺今后严格遵守相关法律法规，不再发生同类失信行为；"
        "如违反承诺，愿意接受从重处理。",
    ),
)
KINDS_BY_CODE = {k.code: k for k in KINDS}


class CommitmentStatus(StrEnum):
    ACTIVE = "ACTIVE"
    EXPIRED = "EXPIRED"
    WITHDRAWN = "WITHDRAWN"
    NOT_YET_SIGNED = "NOT_YET_SIGNED"  # asked about a day before the signing date


STATUS_NAMES = {
    CommitmentStatus.ACTIVE: "有效",
    CommitmentStatus.EXPIRED: "已到期",
    CommitmentStatus.WITHDRAWN: "已撤回",
    CommitmentStatus.NOT_YET_SIGNED: "尚未签署",
}


class CommitmentInputError(ValueError):
    def __init__(self, message: str, field: str) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class CommitmentInput:
    kind: str
    matter: str
    signed_on: date
    receiving_unit: str
    content: str = ""
    valid_until: date | None = None


@dataclass(frozen=True)
class Checked:
    kind: str
    matter: str
    content: str
    from_template: bool
    signed_on: date
    valid_until: date | None
    receiving_unit: str


def check_input(data: CommitmentInput, today: date) -> Checked:
    """Validates and normalises a registration; an empty text takes the kind's template."""
    kind = KINDS_BY_CODE.get(data.kind)
    if kind is None:
        raise CommitmentInputError("未知的承诺类型", "kind")
    matter = data.matter.strip()
    if not matter:
        raise CommitmentInputError("须填写承诺事项", "matter")
    if len(matter) > MATTER_MAX:
        raise CommitmentInputError(f"承诺事项不得超过{MATTER_MAX}字", "matter")
    if data.signed_on > today:
        raise CommitmentInputError("签署日期不得晚于今天", "signedOn")
    if data.valid_until is not None and data.valid_until < data.signed_on:
        raise CommitmentInputError("有效期至不得早于签署日期", "validUntil")
    unit = data.receiving_unit.strip()
    if not unit:
        raise CommitmentInputError("须填写受理单位", "receivingUnit")
    if len(unit) > UNIT_MAX:
        raise CommitmentInputError(f"受理单位不得超过{UNIT_MAX}字", "receivingUnit")
    content = data.content.strip()
    if len(content) > CONTENT_MAX:
        raise CommitmentInputError(f"承诺内容不得超过{CONTENT_MAX}字", "content")
    from_template = not content
    if from_template:
        content = kind.template.format(matter=matter)
    return Checked(
        kind.code, matter, content, from_template, data.signed_on, data.valid_until, unit
    )


def check_reason(reason: str) -> str:
    text = reason.strip()
    if not text:
        raise CommitmentInputError("须填写撤回理由", "reason")
    if len(text) > REASON_MAX:
        raise CommitmentInputError(f"理由不得超过{REASON_MAX}字", "reason")
    return text


def status_on(
    signed_on: date, valid_until: date | None, withdrawn_on: date | None, day: date
) -> CommitmentStatus:
    if withdrawn_on is not None and withdrawn_on <= day:
        return CommitmentStatus.WITHDRAWN
    if signed_on > day:
        return CommitmentStatus.NOT_YET_SIGNED
    if valid_until is not None and valid_until < day:
        return CommitmentStatus.EXPIRED
    return CommitmentStatus.ACTIVE


def publicly_listed(status: CommitmentStatus) -> bool:
    """The public sees commitments signed and not withdrawn (expired ones stay listed:
    a breach of them may still be public)."""
    return status in (CommitmentStatus.ACTIVE, CommitmentStatus.EXPIRED)


def public_content(subject_kind: str, content: str) -> str | None:
    """A natural person's commitment text may name them: the public sees the kind and the
    matter only (DOMAIN.md: natural persons masked)."""
    return None if subject_kind == SubjectKind.NATURAL_PERSON else content


def check_breach(
    *,
    record_type: str,
    record_subject_id: int,
    commitment_subject_id: int,
    commitment_kind: str,
    commitment_withdrawn: bool,
    signed_on: date,
    occurred_on: date,
) -> None:
    """Whether a record may name a commitment as breached; raises naming the field."""
    if record_type != BREACH_RECORD_TYPE:
        raise CommitmentInputError("只有“违反许可承诺书”类信用信息可以关联承诺", "recordId")
    if record_subject_id != commitment_subject_id:
        raise CommitmentInputError("承诺与信用信息须属于同一主体", "commitmentId")
    kind = KINDS_BY_CODE.get(commitment_kind)
    if kind is None or not kind.breachable:
        raise CommitmentInputError("该类承诺不属于许可承诺，不能关联违诺记录", "commitmentId")
    if commitment_withdrawn:
        raise CommitmentInputError("该承诺已撤回", "commitmentId")
    if occurred_on < signed_on:
        raise CommitmentInputError("违诺行为发生日期早于承诺签署日期", "commitmentId")


def local_date(at: datetime | None) -> date | None:
    from credit.core.clock import TZ

    return at.astimezone(TZ).date() if at else None
