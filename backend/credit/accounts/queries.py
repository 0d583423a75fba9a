"""Queries of accounts: who am I, units, users, tokens (admin)."""

from __future__ import annotations

import strawberry

from credit.accounts.administration import units_managed_by, users_managed_by
from credit.accounts.models import ApiToken as ApiTokenModel
from credit.accounts.mutations import me_of
from credit.accounts.permissions import Permission, requires
from credit.accounts.types import ApiToken, Me, Unit, User
from credit.apicore.context import Info
from credit.apicore.pagination import Connection, connection, page_bounds


@strawberry.type
class AccountQueries:
    @strawberry.field(description="当前登录用户；未登录为 null")
    def me(self, info: Info) -> Me | None:
        actor = info.context.actor
        return me_of(actor) if actor.is_authenticated else None

    @strawberry.field(extensions=requires(Permission.MANAGE_USERS), description="单位")
    async def units(self, info: Info) -> list[Unit]:
        query = units_managed_by(info.context.actor)
        return [Unit.from_model(u) for u in await query.order_by("code")]

    @strawberry.field(extensions=requires(Permission.MANAGE_USERS), description="用户")
    async def users(
        self, info: Info, first: int | None = 50, after: str | None = None
    ) -> Connection[User]:
        offset, limit = page_bounds(first, after)
        query = users_managed_by(info.context.actor)
        total = await query.count()
        rows = await query.order_by("username").offset(offset).limit(limit)
        return connection([User.from_model(u) for u in rows], offset, total)

    @strawberry.field(extensions=requires(Permission.MANAGE_API_TOKENS), description="API 令牌")
    async def api_tokens(self) -> list[ApiToken]:
        return [ApiToken.from_model(t) for t in await ApiTokenModel.all().order_by("-id")]
