"""Subjects entered and corrected in the console (subjectCreate / subjectUpdate): the
checks of each field, without a database. Identifiers are normalised and validated as
the import does (credit.subjects.identifiers); an ID number is kept only as its digest,
its cipher and its masked form (credit.accounts.crypto.protect_id_number)."""

from __future__ import annotations

from dataclasses import dataclass

from credit.policies.facts import SubjectKind
from credit.subjects.identifiers import (
    InvalidIdNumber,
    InvalidUSCC,
    validate_id_number,
    validate_uscc,
)

SUBJECT_KIND_ZH = {
    SubjectKind.ENTERPRISE: "企业/法人",
    SubjectKind.SOCIAL_ORGANISATION: "社会组织",
    SubjectKind.INDIVIDUAL_BUSINESS: "个体工商户",
    SubjectKind.NATURAL_PERSON: "自然人",
}
# Field lengths (the columns of credit.subjects.models.Subject).
MAX_LENGTHS = {
    "name": 200,
    "address": 255,
    "legalRepresentative": 100,
    "licenceNo": 100,
}


class SubjectInputError(ValueError):
    """A field's value is wrong; `field` is the GraphQL input field (camelCase)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class Identifier:
    """A subject's key: the USCC of an organisation, the ID number of a person."""

    field: str  # "uscc" | "idNumber"
    uscc: str | None = None
    id_number: str | None = None


def clean_text(field: str, value: str | None, *, required: bool = False) -> str:
    text = (value or "").strip()
    if "\x00" in text:
        raise SubjectInputError(field, "含有不允许的控制字符")
    if required and not text:
        raise SubjectInputError(field, "必填")
    limit = MAX_LENGTHS[field]
    if len(text) > limit:
        raise SubjectInputError(field, f"不能超过{limit}个字符（当前{len(text)}个）")
    return text


def identifier(kind: SubjectKind, uscc: str | None, id_number: str | None) -> Identifier:
    """The key of a subject of `kind`: a natural person by ID number, any other kind by
    USCC; the other one must be empty."""
    uscc = (uscc or "").strip() or None
    id_number = (id_number or "").strip() or None
    if kind == SubjectKind.NATURAL_PERSON:
        if uscc:
            raise SubjectInputError("uscc", "自然人以居民身份证号码识别，不填统一社会信用代码")
        if not id_number:
            raise SubjectInputError("idNumber", "自然人须填写居民身份证号码")
        try:
            return Identifier("idNumber", id_number=validate_id_number(id_number))
        except InvalidIdNumber as exc:
            raise SubjectInputError("idNumber", str(exc)) from exc
    if id_number:
        raise SubjectInputError(
            "idNumber", f"{SUBJECT_KIND_ZH[kind]}以统一社会信用代码识别，不填身份证号码"
        )
    if not uscc:
        raise SubjectInputError("uscc", f"{SUBJECT_KIND_ZH[kind]}须填写统一社会信用代码")
    try:
        return Identifier("uscc", uscc=validate_uscc(uscc))
    except InvalidUSCC as exc:
        raise SubjectInputError("uscc", f"统一社会信用代码不合法：{exc}") from exc


def check_kind_change(old: SubjectKind, new: SubjectKind) -> None:
    """An organisation may be re-classified among organisations; a person stays a person
    (the key would change from an ID number to a USCC, or the reverse)."""
    if (old == SubjectKind.NATURAL_PERSON) != (new == SubjectKind.NATURAL_PERSON):
        raise SubjectInputError("kind", "自然人与单位之间不能互改类型：请新建主体")
