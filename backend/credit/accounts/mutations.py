"""Sign-in, sign-out, and the admin's users and partner tokens."""

from __future__ import annotations

from datetime import datetime

import strawberry
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from credit.accounts import auth
from credit.accounts.actor import Actor, ActorKind
from credit.accounts.administration import (
    check_password,
    check_role_fits_unit,
    ensure_an_administrator_remains,
    unit_for_admin,
    user_for_admin,
)
from credit.accounts.error_codes import AccountError, AccountErrorCode
from credit.accounts.models import ApiToken as ApiTokenModel
from credit.accounts.models import Role as RoleEnum
from credit.accounts.models import Unit as UnitModel
from credit.accounts.models import UnitKind as UnitKindEnum
from credit.accounts.models import User as UserModel
from credit.accounts.passwords import hash_password
from credit.accounts.permissions import PARTNER_SCOPES, Permission, requires
from credit.accounts.types import ApiToken, Me, Role, User
from credit.apicore import ratelimit
from credit.apicore.context import Info
from credit.apicore.mutations import MutationFailed, Outcome, run_mutation
from credit.audit.services import record_event
from credit.core import clock
from credit.core.settings import get_settings


def me_of(actor: Actor) -> Me:
    return Me(
        username=actor.username,
        display_name=actor.display_name,
        role=actor.role,
        unit_code=actor.unit_code,
        unit_name=actor.unit_name,
        subject_id=strawberry.ID(str(actor.subject_id)) if actor.subject_id else None,
        permissions=sorted(actor.permissions, key=lambda p: p.value),
        csrf_token=actor.csrf_token,
        must_change_password=actor.must_change_password,
    )


@strawberry.type
class LoginPayload:
    me: Me | None
    csrf_token: str | None
    errors: list[AccountError]


@strawberry.type
class LogoutPayload:
    ok: bool
    errors: list[AccountError]


@strawberry.type
class UserPayload:
    user: User | None
    errors: list[AccountError]


@strawberry.type
class ApiTokenCreatePayload:
    api_token: ApiToken | None
    token: str | None = strawberry.field(description="令牌明文：只在此处显示一次，请妥善保存")
    errors: list[AccountError]


@strawberry.type
class ApiTokenPayload:
    api_token: ApiToken | None
    errors: list[AccountError]


@strawberry.input
class UserCreateInput:
    username: str
    password: str
    display_name: str
    role: Role  # type: ignore[valid-type]
    unit_code: str
    subject_id: strawberry.ID | None = None


@strawberry.type
class AccountMutations:
    @strawberry.mutation(description="登录：成功后设置 HttpOnly 会话 Cookie，并返回 CSRF 令牌")
    async def login(self, info: Info, username: str, password: str) -> LoginPayload:
        ctx = info.context
        allowed, retry = await ratelimit.hit(f"login:{ctx.client_addr}", 20, 60)
        if not allowed:
            return LoginPayload(
                me=None,
                csrf_token=None,
                errors=[
                    AccountError(
                        field=None,
                        message=f"登录尝试过于频繁，请{retry}秒后再试",
                        code=AccountErrorCode.RATE_LIMITED,
                    )
                ],
            )
        refused: auth.LoginRefused | None = None
        try:  # outside the transaction: the attempt is counted (committed) before the check
            user = await auth.check_credentials(username, password)
        except auth.LoginRefused as exc:
            refused = exc
        async with in_transaction() as conn:
            if refused is None:
                session = await auth.open_session(user, conn)
            failed_actor = Actor(kind=ActorKind.ANONYMOUS, username=username[:64])
            await record_event(
                conn,
                failed_actor
                if refused
                else Actor(
                    kind=ActorKind.USER,
                    user_id=session.user.id,
                    username=session.user.username,
                    role=str(session.user.role),
                ),
                "auth.login" if refused is None else "auth.login_failed",
                object_type="user",
                object_id=username[:64],
                after={"code": refused.code, "reason": refused.reason} if refused else None,
                request_id=ctx.request_id,
                client_addr=ctx.client_addr,
            )
        if refused is not None:
            return LoginPayload(
                me=None,
                csrf_token=None,
                errors=[
                    AccountError(
                        field="password" if refused.code == "INVALID_CREDENTIALS" else None,
                        message=str(refused),
                        code=AccountErrorCode(refused.code),
                    )
                ],
            )
        actor = await auth.actor_from_session(session.token)
        if ctx.response is not None:
            ctx.response.set_cookie(
                auth.SESSION_COOKIE,
                session.token,
                httponly=True,
                samesite="lax",
                secure=get_settings().cookie_secure,
                path="/",
                max_age=int(auth.SESSION_LIFETIME.total_seconds()),
            )
        return LoginPayload(me=me_of(actor), csrf_token=session.csrf_token, errors=[])

    @strawberry.mutation(description="退出：会话在服务器端结束")
    async def logout(self, info: Info) -> LogoutPayload:
        actor = info.context.actor
        if actor.session_id is None:
            return LogoutPayload(
                ok=False,
                errors=[
                    AccountError(field=None, message="未登录", code=AccountErrorCode.INVALID_STATE)
                ],
            )

        async def body(conn: BaseDBAsyncClient) -> Outcome:
            await auth.end_session(actor.session_id or 0, conn)
            return Outcome(True, "session", actor.session_id or 0, public_change=False)

        _, errors = await run_mutation(info, "auth.logout", body, AccountError)
        if info.context.response is not None:
            # The same flags as when it was set (a browser may keep a Secure cookie that a
            # plain deletion does not match).
            info.context.response.delete_cookie(
                auth.SESSION_COOKIE,
                path="/",
                httponly=True,
                samesite="lax",
                secure=get_settings().cookie_secure,
            )
        return LogoutPayload(ok=not errors, errors=errors)

    @strawberry.mutation(extensions=requires(Permission.MANAGE_USERS), description="新建用户")
    async def user_create(self, info: Info, input: UserCreateInput) -> UserPayload:
        async def body(conn: BaseDBAsyncClient) -> Outcome:
            check_password(input.password, "password")
            if await UserModel.filter(username=input.username).using_db(conn).exists():
                raise MutationFailed("用户名已存在", AccountErrorCode.CONFLICT, "username")
            unit = await unit_for_admin(info.context.actor, conn, "unitCode", code=input.unit_code)
            role = RoleEnum(input.role)
            if role == RoleEnum.ENTERPRISE and not input.subject_id:
                raise MutationFailed("企业账号须绑定主体", AccountErrorCode.INVALID, "subjectId")
            check_role_fits_unit(role, unit, int(input.subject_id or 0) or None)
            user = await UserModel.create(
                username=input.username,
                password_hash=hash_password(input.password),
                display_name=input.display_name,
                role=role,
                unit_id=unit.id,
                subject_id=int(input.subject_id) if input.subject_id else None,
                using_db=conn,
            )
            return Outcome(
                user,
                "user",
                user.id,
                None,
                {"username": user.username, "role": role.value},
                public_change=False,
            )

        value, errors = await run_mutation(info, "user.create", body, AccountError)
        return UserPayload(user=User.from_model(value) if value else None, errors=errors)

    @strawberry.mutation(extensions=requires(Permission.MANAGE_USERS), description="停用/启用用户")
    async def user_set_active(self, info: Info, id: strawberry.ID, active: bool) -> UserPayload:
        async def body(conn: BaseDBAsyncClient) -> Outcome:
            user = await UserModel.get_or_none(id=int(id), using_db=conn)
            if user is None:
                raise MutationFailed("用户不存在", AccountErrorCode.NOT_FOUND, "id")
            user = await user_for_admin(info.context.actor, conn, user.id)
            await ensure_an_administrator_remains(
                conn, user, role=RoleEnum(user.role), active=active
            )
            before = {"is_active": user.is_active}
            user.is_active = active
            await user.save(using_db=conn, update_fields=["is_active"])
            if not active:
                from credit.accounts.models import Session

                await (
                    Session.filter(user_id=user.id, ended_at=None)
                    .using_db(conn)
                    .update(ended_at=clock.now())
                )
            return Outcome(
                user, "user", user.id, before, {"is_active": active}, public_change=False
            )

        value, errors = await run_mutation(info, "user.set_active", body, AccountError)
        return UserPayload(user=User.from_model(value) if value else None, errors=errors)

    @strawberry.mutation(
        extensions=requires(Permission.MANAGE_API_TOKENS), description="为合作机构签发 API 令牌"
    )
    async def api_token_create(
        self,
        info: Info,
        name: str,
        unit_code: str,
        expires_at: datetime,
        scopes: list[Permission] | None = None,
        rate_limit_per_minute: int = 600,
    ) -> ApiTokenCreatePayload:
        async def body(conn: BaseDBAsyncClient) -> Outcome:
            unit = await UnitModel.get_or_none(code=unit_code, using_db=conn)
            if unit is None or unit.kind != UnitKindEnum.PARTNER:
                raise MutationFailed("须为合作机构单位", AccountErrorCode.INVALID, "unitCode")
            if expires_at <= clock.now():
                raise MutationFailed("到期时间须晚于现在", AccountErrorCode.INVALID, "expiresAt")
            bad = [s for s in scopes or [] if s not in PARTNER_SCOPES]
            if bad:
                raise MutationFailed(
                    f"合作机构令牌不能授予：{', '.join(b.value for b in bad)}",
                    AccountErrorCode.INVALID,
                    "scopes",
                )
            if not 1 <= rate_limit_per_minute <= 6000:
                raise MutationFailed(
                    "限流须在 1–6000 次/分钟之间", AccountErrorCode.INVALID, "rateLimitPerMinute"
                )
            new = await auth.create_api_token(
                name=name,
                unit_id=unit.id,
                scopes=list(scopes or []),
                expires_at=expires_at,
                rate_limit_per_minute=rate_limit_per_minute,
                conn=conn,
            )
            return Outcome(
                new,
                "api_token",
                new.token.id,
                None,
                {"name": name, "unit": unit_code, "scopes": [s.value for s in scopes or []]},
                public_change=False,
            )

        value, errors = await run_mutation(info, "api_token.create", body, AccountError)
        if value is None:
            return ApiTokenCreatePayload(api_token=None, token=None, errors=errors)
        return ApiTokenCreatePayload(
            api_token=ApiToken.from_model(value.token), token=value.secret, errors=[]
        )

    @strawberry.mutation(extensions=requires(Permission.MANAGE_API_TOKENS), description="吊销令牌")
    async def api_token_revoke(self, info: Info, id: strawberry.ID) -> ApiTokenPayload:
        async def body(conn: BaseDBAsyncClient) -> Outcome:
            token = await ApiTokenModel.get_or_none(id=int(id), using_db=conn)
            if token is None:
                raise MutationFailed("令牌不存在", AccountErrorCode.NOT_FOUND, "id")
            if token.revoked_at is None:
                token.revoked_at = clock.now()
                await token.save(using_db=conn, update_fields=["revoked_at"])
            return Outcome(
                token, "api_token", token.id, None, {"revoked": True}, public_change=False
            )

        value, errors = await run_mutation(info, "api_token.revoke", body, AccountError)
        return ApiTokenPayload(
            api_token=ApiToken.from_model(value) if value else None, errors=errors
        )
