"""Authentication: console sessions (cookie + CSRF token), partner API tokens, lockout.

Sessions and tokens live in the database and counters in the cache (Redis when
configured), so every worker and every machine sees the same state.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from credit.accounts.actor import ANONYMOUS, Actor, ActorKind
from credit.accounts.models import ApiToken, Role, Session, Unit, User
from credit.accounts.passwords import check_dummy, check_password
from credit.accounts.permissions import (
    PARTNER_SCOPES,
    PASSWORD_CHANGE_ONLY,
    ROLE_PERMISSIONS,
    Permission,
)
from credit.core import clock

SESSION_COOKIE = "credit_session"
CSRF_HEADER = "x-csrf-token"
SESSION_LIFETIME = timedelta(hours=8)
TOKEN_PREFIX = "cst_"  # credit supervision token
# Lockout: after MAX_FAILURES wrong passwords in a row the account is locked, for a
# period that doubles with each further failure (capped).
MAX_FAILURES = 5
LOCK_BASE = timedelta(minutes=1)
LOCK_CAP = timedelta(hours=1)

# The one answer to every failed sign-in, whatever the cause (unknown user, wrong password,
# locked account): telling them apart would tell which usernames exist and which are locked.
# It mentions the lock, so a locked-out person knows to wait without being told.
REFUSED = f"用户名或密码错误（连续输错{MAX_FAILURES}次将暂时锁定，请稍后再试）"


def sha256(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


class LoginRefused(Exception):
    def __init__(self, code: str, message: str, reason: str) -> None:
        super().__init__(message)
        self.code = code
        # Why, for the audit trail only (never in the answer): unknown_user, locked,
        # wrong_password, disabled.
        self.reason = reason


def _refused(reason: str) -> LoginRefused:
    return LoginRefused("INVALID_CREDENTIALS", REFUSED, reason)


@dataclass(frozen=True)
class NewSession:
    token: str
    csrf_token: str
    user: User
    expires_at: datetime


def lock_period(failures: int) -> timedelta:
    extra = max(0, failures - MAX_FAILURES)
    return min(LOCK_BASE * (2**extra), LOCK_CAP)


async def check_credentials(username: str, password: str) -> User:
    """The user whose password this is, or LoginRefused. Runs outside any transaction: the
    failure is counted (and committed) before the password is checked, so concurrent
    guesses see it, and at most MAX_FAILURES passwords are checked before the lock-out.

    Only a right password is told more than "refused": a disabled account is then said to
    be disabled. A locked account's password is not checked at all (a right guess would
    otherwise be recognisable and the lock would not stop guessing). Every refusal costs
    one argon2 verification, against the dummy hash when no password is checked."""
    user = await User.get_or_none(username=username.strip())
    if user is None:
        await check_dummy(password)
        raise _refused("unknown_user")
    if not await _count_attempt(user.id, clock.now()):
        await check_dummy(password)
        raise _refused("locked")
    if not await check_password(user.password_hash, password):
        raise _refused("wrong_password")
    await User.filter(id=user.id).update(failed_logins=0, locked_until=None)
    if not user.is_active:
        raise LoginRefused("ACCOUNT_DISABLED", "账号已停用，请联系管理员", "disabled")
    return user


async def _count_attempt(user_id: int, now: datetime) -> bool:
    """Count one failure in advance, under a row lock, and lock the account when it is the
    MAX_FAILURES-th; a right password clears the count afterwards. False while the account
    is locked (nothing counted). On SQLite the transaction holds the only connection."""
    async with in_transaction() as conn:
        user = await User.filter(id=user_id).using_db(conn).select_for_update().first()
        if user is None or (user.locked_until is not None and user.locked_until > now):
            return False
        failures = user.failed_logins + 1
        values: dict[str, object] = {"failed_logins": failures}
        if failures >= MAX_FAILURES:
            values["locked_until"] = now + lock_period(failures)
        await User.filter(id=user_id).using_db(conn).update(**values)
    return True


async def open_session(user: User, conn: BaseDBAsyncClient | None) -> NewSession:
    token = secrets.token_urlsafe(32)
    csrf = secrets.token_urlsafe(24)
    expires = clock.now() + SESSION_LIFETIME
    await Session.create(
        token_hash=sha256(token),
        csrf_token=csrf,
        user_id=user.id,
        expires_at=expires,
        using_db=conn,
    )
    return NewSession(token=token, csrf_token=csrf, user=user, expires_at=expires)


async def end_session(session_id: int, conn: BaseDBAsyncClient | None) -> None:
    await Session.filter(id=session_id, ended_at=None).using_db(conn).update(ended_at=clock.now())


async def _user_actor(user: User, session: Session | None) -> Actor:
    unit = await Unit.get(id=user.unit_id)
    return Actor(
        kind=ActorKind.USER,
        user_id=user.id,
        username=user.username,
        display_name=user.display_name,
        role=user.role.value if isinstance(user.role, Role) else str(user.role),
        unit_id=unit.id,
        unit_code=unit.code,
        unit_name=unit.name,
        jurisdiction_id=unit.jurisdiction_id,
        district_id=unit.district_id if user.role == Role.DISTRICT_OFFICER else None,
        subject_id=user.subject_id if user.role == Role.ENTERPRISE else None,
        permissions=PASSWORD_CHANGE_ONLY
        if user.must_change_password
        else ROLE_PERMISSIONS[Role(user.role)],
        session_id=session.id if session else None,
        csrf_token=session.csrf_token if session else None,
        must_change_password=user.must_change_password,
    )


async def actor_from_session(token: str) -> Actor:
    session = await Session.get_or_none(token_hash=sha256(token), ended_at=None)
    if session is None or session.expires_at <= clock.now():
        return ANONYMOUS
    user = await User.get_or_none(id=session.user_id, is_active=True)
    if user is None:
        return ANONYMOUS
    return await _user_actor(user, session)


async def actor_from_token(raw: str) -> Actor | None:
    """None when the token is unknown, expired or revoked (the caller answers 401)."""
    token = await ApiToken.get_or_none(token_hash=sha256(raw))
    now = clock.now()
    if token is None or token.revoked_at is not None or token.expires_at <= now:
        return None
    unit = await Unit.get(id=token.unit_id)
    scopes = frozenset(Permission(s) for s in token.scopes if s in PARTNER_SCOPES)
    return Actor(
        kind=ActorKind.PARTNER,
        username=f"token:{token.prefix}",
        role="PARTNER",
        unit_id=unit.id,
        unit_code=unit.code,
        unit_name=unit.name,
        jurisdiction_id=unit.jurisdiction_id,
        permissions=scopes,
        token_id=token.id,
        rate_limit_per_minute=token.rate_limit_per_minute,
    )


@dataclass(frozen=True)
class NewToken:
    token: ApiToken
    secret: str  # shown once, never stored


async def create_api_token(
    *,
    name: str,
    unit_id: int,
    scopes: list[Permission],
    expires_at: datetime,
    rate_limit_per_minute: int,
    conn: BaseDBAsyncClient | None,
) -> NewToken:
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = await ApiToken.create(
        name=name,
        prefix=secret[:10],
        token_hash=sha256(secret),
        unit_id=unit_id,
        scopes=[s.value for s in scopes],
        rate_limit_per_minute=rate_limit_per_minute,
        expires_at=expires_at,
        using_db=conn,
    )
    return NewToken(token=token, secret=secret)


def csrf_ok(actor: Actor, header_value: str | None) -> bool:
    if actor.csrf_token is None:
        return True
    return header_value is not None and hmac.compare_digest(actor.csrf_token, header_value)
