"""The verification code of a credit report, and checking one.

The code is an HMAC (key derived from SECRET_KEY) of (subject key, information date, digest
of the report's public content), shown as 16 Crockford base-32 characters in groups of
four (80 bits). An evaluation as of a past date is reproducible, so checking needs no
storage: recompute the content for that date and compare. The generation time and the
audience (a partner may see the full ID number) are not in the digest.

A report as of *today* reflects the day so far: if the subject's public information changes
later that day, the report no longer matches the (end-of-)day it names and reads invalid.
"""

from __future__ import annotations

import hashlib
import hmac
import unicodedata
from dataclasses import dataclass
from datetime import date

from credit.accounts.crypto import _derive
from credit.core import clock
from credit.creditreport.content import CONTENT_VERSION, ReportContent, build_content, public_name
from credit.subjects.identifiers import InvalidUSCC, validate_uscc
from credit.subjects.models import Subject

# Crockford's base 32: no I, L, O, U, so a code read aloud or typed is unambiguous.
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 16
_READ_AS = {"O": "0", "I": "1", "L": "1"}


def _key() -> bytes:
    return _derive("credit-report-verification")


def subject_key(subject: Subject) -> str:
    """What the code binds the report to: the USCC; a natural person has none, so the
    (secret-keyed) digest of the ID number, which never leaves the server."""
    if subject.uscc:
        return subject.uscc
    if subject.id_number_digest:
        return f"id:{subject.id_number_digest}"
    return f"subject:{subject.id}"


def verification_code(key: str, as_of: date, content_digest: str) -> str:
    message = f"credit-report/v{CONTENT_VERSION}|{key}|{as_of.isoformat()}|{content_digest}"
    mac = hmac.new(_key(), message.encode(), hashlib.sha256).digest()
    n = int.from_bytes(mac[:10], "big")  # 80 bits = 16 characters of 5 bits
    chars = "".join(ALPHABET[(n >> (5 * i)) & 31] for i in reversed(range(CODE_LENGTH)))
    return "-".join(chars[i : i + 4] for i in range(0, CODE_LENGTH, 4))


def code_for(subject: Subject, content: ReportContent) -> str:
    return verification_code(subject_key(subject), content.as_of_date, content.digest())


def normalise_code(text: str) -> str | None:
    """Accept what a person types: any case, full-width, spaces or hyphens, O for 0, I or L
    for 1. None when it cannot be a code."""
    raw = unicodedata.normalize("NFKC", text).upper()
    chars = [_READ_AS.get(c, c) for c in raw if c not in " -_\t"]
    if len(chars) != CODE_LENGTH or any(c not in ALPHABET for c in chars):
        return None
    return "-".join("".join(chars[i : i + 4]) for i in range(0, CODE_LENGTH, 4))


@dataclass(frozen=True)
class Verification:
    valid: bool
    subject_name: str | None = None
    as_of: date | None = None
    reason: str | None = None


async def verify_report(uscc: str, as_of: date, code: str) -> Verification:
    normal = normalise_code(code)
    if normal is None:
        return Verification(
            False, as_of=as_of, reason=f"核验码格式不正确：应为{CODE_LENGTH}位字母或数字"
        )
    try:
        uscc = validate_uscc(uscc)
    except InvalidUSCC as exc:
        return Verification(False, as_of=as_of, reason=f"统一社会信用代码有误：{exc}")
    today = clock.today()
    if as_of > today:
        return Verification(
            False, as_of=as_of, reason=f"信息日期不能晚于今天（{today.isoformat()}）"
        )
    subject = await Subject.get_or_none(uscc=uscc)
    if subject is None:
        return Verification(False, as_of=as_of, reason=f"本平台未收录统一社会信用代码 {uscc}")
    content = await build_content(subject, as_of)
    name = public_name(subject)
    if not hmac.compare_digest(code_for(subject, content), normal):
        return Verification(
            False,
            subject_name=name,
            as_of=as_of,
            reason=f"核验码与该主体信息截至 {as_of.isoformat()} 的信用报告不符："
            "报告可能被改动，或统一社会信用代码、信息日期填写有误",
        )
    return Verification(True, subject_name=name, as_of=as_of)
