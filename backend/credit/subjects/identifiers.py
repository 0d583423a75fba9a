"""Identifiers of subjects: the USCC (GB 32100-2015) and the resident ID number.

`stdnum.cn.uscc` rejects the registration authorities A, N and Y (军队, 农业, 其他), which
are real; the check here follows the standard itself and accepts them.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Literal

from stdnum.cn import ric
from stdnum.exceptions import (
    InvalidChecksum,
    InvalidComponent,
    InvalidFormat,
    InvalidLength,
    ValidationError,
)

USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
USCC_AUTHORITIES = "123456789ANY"

Fault = Literal["length", "character", "authority", "check_digit"]


class InvalidUSCC(ValueError):
    """A malformed USCC; `fault` names what is wrong, the message says it in Chinese."""

    def __init__(self, fault: Fault, message: str, *, position: int | None = None) -> None:
        super().__init__(message)
        self.fault = fault
        self.position = position


def normalise(value: str) -> str:
    """Trim, fold full-width characters to half-width (NFKC) and upper-case."""
    return unicodedata.normalize("NFKC", value).strip().upper()


def uscc_check_digit(first17: str) -> str:
    total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(first17, USCC_WEIGHTS, strict=True))
    return USCC_ALPHABET[(31 - total % 31) % 31]


def validate_uscc(value: str) -> str:
    """Return the normalised code, or raise InvalidUSCC naming the fault."""
    code = normalise(value)
    if len(code) != 18:
        raise InvalidUSCC("length", f"统一社会信用代码应为18位，当前为{len(code)}位")
    for position, char in enumerate(code, start=1):
        if char not in USCC_ALPHABET:
            raise InvalidUSCC("character", f"第{position}位字符“{char}”不合法", position=position)
    if code[0] not in USCC_AUTHORITIES:
        raise InvalidUSCC("authority", f"第1位登记管理部门代码“{code[0]}”不合法", position=1)
    expected = uscc_check_digit(code[:17])
    if code[17] != expected:
        raise InvalidUSCC("check_digit", f"校验码错误：第18位应为“{expected}”", position=18)
    return code


def is_valid_uscc(value: str) -> bool:
    try:
        validate_uscc(value)
    except InvalidUSCC:
        return False
    return True


class InvalidIdNumber(ValueError):
    pass


# python-stdnum's messages are English: each of its error classes in Chinese.
_ID_FAULTS_ZH = {
    InvalidLength: "应为18位",
    InvalidChecksum: "校验码错误",
    InvalidFormat: "格式错误（前17位应为数字，第18位为数字或X）",
    InvalidComponent: "出生日期或地区码不合法",
}


def validate_id_number(value: str) -> str:
    """Validate a resident ID number (居民身份证号码) and return it normalised."""
    number = normalise(value)
    try:
        return str(ric.validate(number))
    except ValidationError as exc:
        fault = next((zh for cls, zh in _ID_FAULTS_ZH.items() if isinstance(exc, cls)), "不合法")
        raise InvalidIdNumber(f"居民身份证号码{fault}") from exc


def mask_id_number(number: str) -> str:
    """Keep the first 6 (region) and last 4 characters: 110101********1234."""
    return number[:6] + "*" * (len(number) - 10) + number[-4:]


def mask_person_name(name: str) -> str:
    """张三 → 张*, 张小三 → 张*三, 欧阳小明 → 欧**明 (DOMAIN.md: 张*三)."""
    if len(name) <= 1:
        return name
    if len(name) == 2:
        return name[0] + "*"
    return name[0] + "*" * (len(name) - 2) + name[-1]


@dataclass(frozen=True)
class USCCParts:
    authority: str
    organisation_type: str
    division: str
    organisation_code: str
    check_digit: str


def split_uscc(code: str) -> USCCParts:
    return USCCParts(code[0], code[1], code[2:8], code[8:17], code[17])
