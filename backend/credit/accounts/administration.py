"""Administration rules, as plain functions: whose units, districts and users an
administrator may manage, the password rule, the last active administrator, and ending a
user's sessions. The GraphQL mutations (accounts/admin_*.py) only call these."""

from __future__ import annotations

from typing import Any, cast

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.queryset import QuerySet

from credit.accounts.actor import Actor
from credit.accounts.error_codes import AccountErrorCode
from credit.accounts.models import Role, Session, Unit, UnitKind, User
from credit.apicore.mutations import MutationFailed
from credit.core import clock
from credit.core.orm import flat

MIN_PASSWORD_LENGTH = 10


def password_problem(password: str) -> str | None:
    """Why `password` may not be used (None when it may). The rule user creation has
    always applied: at least ten characters."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return f"密码至少{MIN_PASSWORD_LENGTH}位"
    return None


def check_password(password: str, field: str) -> None:
    problem = password_problem(password)
    if problem is not None:
        raise MutationFailed(problem, AccountErrorCode.INVALID, field)


def managed_jurisdiction(actor: Actor) -> int | None:
    """The jurisdiction an administrator manages; None for the system administrator,
    whose unit belongs to no jurisdiction (a deployment-wide unit)."""
    return actor.jurisdiction_id


def may_manage_jurisdiction(actor: Actor, jurisdiction_id: int | None) -> bool:
    own = managed_jurisdiction(actor)
    return own is None or own == jurisdiction_id


def units_managed_by(actor: Actor) -> QuerySet[Unit]:
    own = managed_jurisdiction(actor)
    return Unit.all() if own is None else Unit.filter(jurisdiction_id=own)


def users_managed_by(actor: Actor) -> QuerySet[User]:
    own = managed_jurisdiction(actor)
    return User.all() if own is None else User.filter(unit__jurisdiction_id=own)


async def unit_for_admin(actor: Actor, conn: BaseDBAsyncClient, field: str, **key: Any) -> Unit:
    """The unit the administrator names; NOT_FOUND both when it does not exist and when
    it lies outside the administrator's jurisdiction (ids cannot be probed)."""
    unit = await Unit.get_or_none(**key, using_db=conn)
    if unit is None or not may_manage_jurisdiction(actor, unit.jurisdiction_id):
        raise MutationFailed("单位不存在", AccountErrorCode.NOT_FOUND, field)
    return unit


async def user_for_admin(actor: Actor, conn: BaseDBAsyncClient, user_id: int) -> User:
    """The user, locked for the rest of the transaction (PostgreSQL; SQLite serialises
    writers itself)."""
    user = await User.filter(id=user_id).select_for_update().using_db(conn).first()
    if user is not None:
        unit = await Unit.get(id=user.unit_id, using_db=conn)
        if may_manage_jurisdiction(actor, unit.jurisdiction_id):
            return user
    raise MutationFailed("用户不存在", AccountErrorCode.NOT_FOUND, "id")


def check_role_fits_unit(role: Role, unit: Unit, subject_id: int | None) -> None:
    """A district officer's data scope is its unit's district: a unit without one would
    widen it to the whole jurisdiction. An enterprise account is bound to its subject."""
    if not unit.is_active:
        raise MutationFailed("单位已停用", AccountErrorCode.INVALID_STATE, "unitCode")
    if role == Role.DISTRICT_OFFICER and unit.district_id is None:
        raise MutationFailed(
            "分局民警须属于有辖区的单位（分、县（市）局或派出所）",
            AccountErrorCode.INVALID,
            "unitCode",
        )
    if role == Role.ENTERPRISE and subject_id is None:
        raise MutationFailed("企业账号须绑定主体", AccountErrorCode.INVALID, "role")
    if role == Role.ASSOCIATION and unit.kind != UnitKind.ASSOCIATION:
        raise MutationFailed("协会账号须属于行业协会单位", AccountErrorCode.INVALID, "unitCode")


async def ensure_an_administrator_remains(
    conn: BaseDBAsyncClient, user: User, *, role: Role, active: bool
) -> None:
    """Refuse to disable or demote the last active administrator: without one nobody
    could ever manage accounts again. The active administrators' rows are locked first,
    so two administrators disabling each other at once cannot both succeed."""
    was_admin = user.is_active and Role(user.role) == Role.ADMIN
    stays_admin = active and role == Role.ADMIN
    if not was_admin or stays_admin:
        return
    admins = await flat(
        User.filter(role=Role.ADMIN, is_active=True)
        .order_by("id")
        .select_for_update()
        .using_db(conn)
        .values_list("id", flat=True)
    )
    # values_list(flat=True) gives the ids themselves (Tortoise types them as tuples)
    if not [i for i in cast(list[int], admins) if i != user.id]:
        raise MutationFailed(
            "这是最后一个启用的系统管理员账号，不能停用或改为其他角色",
            AccountErrorCode.LAST_ADMINISTRATOR,
            "id",
        )


async def end_sessions(
    conn: BaseDBAsyncClient, user_id: int, *, keep_session_id: int | None = None
) -> int:
    """End every open session of the user but `keep_session_id`; returns how many."""
    query = Session.filter(user_id=user_id, ended_at=None)
    if keep_session_id is not None:
        query = query.exclude(id=keep_session_id)
    return await query.using_db(conn).update(ended_at=clock.now())
