"""Administration of users: edit role, unit and active flag, reset a password; and every
user's own password change. Each mutation: a declared permission, one transaction, an
audit event (never with a password or hash in it), typed errors."""

from __future__ import annotations

import strawberry
from tortoise.backends.base.client import BaseDBAsyncClient

from credit.accounts.administration import (
    check_password,
    check_role_fits_unit,
    end_sessions,
    ensure_an_administrator_remains,
    unit_for_admin,
    user_for_admin,
)
from credit.accounts.error_codes import AccountError, AccountErrorCode
from credit.accounts.models import Role as RoleEnum
from credit.accounts.models import Unit as UnitModel
from credit.accounts.models import User as UserModel
from credit.accounts.passwords import hash_password, verify_password
from credit.accounts.permissions import Permission, requires
from credit.accounts.types import Role, User
from credit.apicore import ratelimit
from credit.apicore.context import Info
from credit.apicore.mutations import MutationFailed, Outcome, run_mutation

PASSWORD_CHANGE_LIMIT = 10  # attempts per user and five minutes


@strawberry.type
class UserAdminPayload:
    user: User | None
    errors: list[AccountError]


@strawberry.type
class PasswordChangePayload:
    ok: bool
    errors: list[AccountError]


@strawberry.input(description="修改用户：省略的字段保持不变")
class UserUpdateInput:
    display_name: str | None = None
    role: Role | None = None  # type: ignore[valid-type]  # a strawberry.enum(...) value
    unit_code: str | None = None
    is_active: bool | None = None


def _facts(user: UserModel, unit_code: str) -> dict[str, object]:
    return {
        "display_name": user.display_name,
        "role": RoleEnum(user.role).value,
        "unit": unit_code,
        "is_active": user.is_active,
    }


def _user_id(raw: strawberry.ID) -> int:
    try:
        return int(raw)
    except ValueError:
        raise MutationFailed("用户不存在", AccountErrorCode.NOT_FOUND, "id") from None


@strawberry.type
class UserAdminMutations:
    @strawberry.mutation(
        extensions=requires(Permission.MANAGE_USERS),
        description="修改用户的姓名、角色、单位或启用状态（不能停用或降级最后一个系统管理员）",
    )
    async def user_update(
        self, info: Info, id: strawberry.ID, input: UserUpdateInput
    ) -> UserAdminPayload:
        actor = info.context.actor

        async def body(conn: BaseDBAsyncClient) -> Outcome:
            user = await user_for_admin(actor, conn, _user_id(id))
            unit = await UnitModel.get(id=user.unit_id, using_db=conn)
            before = _facts(user, unit.code)
            role = RoleEnum(input.role) if input.role is not None else RoleEnum(user.role)
            active = input.is_active if input.is_active is not None else user.is_active
            if input.unit_code is not None and input.unit_code != unit.code:
                unit = await unit_for_admin(actor, conn, "unitCode", code=input.unit_code)
            if input.role is not None or input.unit_code is not None:
                check_role_fits_unit(role, unit, user.subject_id)
            if input.display_name is not None:
                name = input.display_name.strip()
                if not 1 <= len(name) <= 64:
                    raise MutationFailed(
                        "姓名须为1–64个字符", AccountErrorCode.INVALID, "displayName"
                    )
                user.display_name = name
            await ensure_an_administrator_remains(conn, user, role=role, active=active)
            user.role = role
            user.unit_id = unit.id
            user.is_active = active
            await user.save(
                using_db=conn, update_fields=["display_name", "role", "unit_id", "is_active"]
            )
            after = _facts(user, unit.code)
            # A role, unit or activity change alters what the user may see: the sessions
            # opened under the old rights end.
            if (before["role"], before["unit"], before["is_active"]) != (
                after["role"],
                after["unit"],
                after["is_active"],
            ):
                await end_sessions(conn, user.id)
            return Outcome(user, "user", user.id, before, after, public_change=False)

        value, errors = await run_mutation(info, "user.update", body, AccountError)
        return UserAdminPayload(user=User.from_model(value) if value else None, errors=errors)

    @strawberry.mutation(
        extensions=requires(Permission.MANAGE_USERS),
        description="重置用户密码：用户下次登录须先修改密码；其所有会话立即结束",
    )
    async def user_password_reset(
        self, info: Info, id: strawberry.ID, new_password: str
    ) -> UserAdminPayload:
        actor = info.context.actor

        async def body(conn: BaseDBAsyncClient) -> Outcome:
            user = await user_for_admin(actor, conn, _user_id(id))
            check_password(new_password, "newPassword")
            user.password_hash = hash_password(new_password)
            user.must_change_password = True
            # A reset also lifts a lockout: the administrator has just vouched for the user.
            user.failed_logins = 0
            user.locked_until = None
            await user.save(
                using_db=conn,
                update_fields=[
                    "password_hash",
                    "must_change_password",
                    "failed_logins",
                    "locked_until",
                ],
            )
            ended = await end_sessions(conn, user.id)
            return Outcome(
                user,
                "user",
                user.id,
                None,
                {"password_reset": True, "sessions_ended": ended},
                public_change=False,
            )

        value, errors = await run_mutation(info, "user.password_reset", body, AccountError)
        return UserAdminPayload(user=User.from_model(value) if value else None, errors=errors)

    @strawberry.mutation(
        extensions=requires(Permission.CHANGE_OWN_PASSWORD),
        description="修改本人密码：需当前密码；本人的其他会话立即结束",
    )
    async def password_change(
        self, info: Info, current_password: str, new_password: str
    ) -> PasswordChangePayload:
        actor = info.context.actor
        # A stolen session must not become a way to guess the current password.
        allowed, retry = await ratelimit.hit(
            f"password_change:{actor.user_id}", PASSWORD_CHANGE_LIMIT, 300
        )
        if not allowed:
            message = f"修改密码尝试过于频繁，请{retry}秒后再试"
            return PasswordChangePayload(
                ok=False,
                errors=[
                    AccountError(field=None, message=message, code=AccountErrorCode.RATE_LIMITED)
                ],
            )

        async def body(conn: BaseDBAsyncClient) -> Outcome:
            user = await UserModel.filter(id=actor.user_id).select_for_update().using_db(conn).get()
            if not verify_password(user.password_hash, current_password):
                raise MutationFailed(
                    "当前密码不正确", AccountErrorCode.INVALID_CREDENTIALS, "currentPassword"
                )
            check_password(new_password, "newPassword")
            if new_password == current_password:
                raise MutationFailed(
                    "新密码不能与当前密码相同", AccountErrorCode.INVALID, "newPassword"
                )
            user.password_hash = hash_password(new_password)
            user.must_change_password = False
            await user.save(using_db=conn, update_fields=["password_hash", "must_change_password"])
            ended = await end_sessions(conn, user.id, keep_session_id=actor.session_id)
            return Outcome(
                True,
                "user",
                user.id,
                None,
                {"password_changed": True, "sessions_ended": ended},
                public_change=False,
            )

        value, errors = await run_mutation(info, "user.password_change", body, AccountError)
        return PasswordChangePayload(ok=bool(value), errors=errors)
