"""Password hashing: argon2id (argon2-cffi's defaults are the RFC 9106 low-memory profile).

Sign-in verifies through `check_password` / `check_dummy`: off the event loop (an argon2
verification is tens of milliseconds of CPU), and counted in `VERIFICATIONS` so the cost
of every path is observable: a refusal costs one verification, whichever the reason.
"""

from __future__ import annotations

import asyncio
from collections import Counter

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher()

# Verifications run by this process: "account" against a user's hash, "dummy" against
# _DUMMY_HASH (unknown username, locked account) so both take the time of a wrong password.
VERIFICATIONS: Counter[str] = Counter()


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


# Made with the same parameters as every real hash, so verifying against it costs the same.
_DUMMY_HASH = hash_password("not-a-real-password")


async def check_password(password_hash: str, password: str) -> bool:
    VERIFICATIONS["account"] += 1
    return await asyncio.to_thread(verify_password, password_hash, password)


async def check_dummy(password: str) -> None:
    """Spend a wrong password's argon2 work without looking at any account."""
    VERIFICATIONS["dummy"] += 1
    await asyncio.to_thread(verify_password, _DUMMY_HASH, password)
