"""The one public way to a natural person: the exact, complete resident ID number.

No partial match (the number is compared by its HMAC digest, never by LIKE), a stricter
rate limit than the rest of the public API (each lookup is a guess an enumerator pays
for), and the answer masked like every public view of a person."""

from __future__ import annotations

import re

from tortoise.expressions import Q

from credit.accounts.actor import ActorKind
from credit.accounts.crypto import digest
from credit.apicore import ratelimit
from credit.apicore.context import Info
from credit.apicore.errors import CodedError, ErrorCode
from credit.policies.facts import SubjectKind
from credit.subjects.identifiers import InvalidIdNumber, validate_id_number

# Per client address (anonymous) or per token (partners), per minute; staff unlimited.
PERSON_LOOKUPS_PER_MINUTE = 10

_ID_SHAPE = re.compile(r"^\d{17}[\dX]$")


def looks_like_id_number(term: str) -> bool:
    """An 18-character resident ID number shape (valid check digit or not: every guess
    counts against the limit)."""
    return bool(_ID_SHAPE.match(term))


def natural_person_by_id_number(term: str) -> Q:
    """The natural person whose number is exactly `term` (nobody for an invalid one)."""
    try:
        number = validate_id_number(term)
    except InvalidIdNumber:
        return Q(id=-1)
    return Q(id_number_digest=digest(number), kind=SubjectKind.NATURAL_PERSON)


async def check_person_lookup_limit(info: Info) -> None:
    actor = info.context.actor
    if actor.kind == ActorKind.USER:
        return
    if actor.kind == ActorKind.PARTNER:
        bucket = f"person:token:{actor.token_id}"
    else:
        bucket = f"person:ip:{info.context.client_addr or 'unknown'}"
    allowed, retry = await ratelimit.hit(bucket, PERSON_LOOKUPS_PER_MINUTE, 60)
    if not allowed:
        raise CodedError(
            f"按身份证号码查询过于频繁，请{retry}秒后再试",
            ErrorCode.RATE_LIMITED,
            field="name",
            retryAfter=retry,
        )
