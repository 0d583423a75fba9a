"""GraphQL types of accounts: the signed-in user, units, users, API tokens."""

from __future__ import annotations

from datetime import datetime

import strawberry

from credit.accounts.models import ApiToken as ApiTokenModel
from credit.accounts.models import Role as RoleEnum
from credit.accounts.models import Unit as UnitModel
from credit.accounts.models import UnitKind as UnitKindEnum
from credit.accounts.models import User as UserModel
from credit.accounts.permissions import Permission
from credit.subjects.models import District as DistrictModel

Role = strawberry.enum(RoleEnum, description="角色")
UnitKind = strawberry.enum(UnitKindEnum, description="单位类型")


@strawberry.type(description="单位（市局、分县局、派出所、行业协会、合作机构）")
class Unit:
    id: strawberry.ID
    code: str
    name: str
    kind: UnitKind  # type: ignore[valid-type]
    parent_id: strawberry.ID | None
    jurisdiction_id: strawberry.ID | None = strawberry.field(
        description="所属管辖区；为空表示平台级单位（其管理员为系统管理员）"
    )
    district_id: strawberry.ID | None
    is_active: bool

    @classmethod
    def from_model(cls, u: UnitModel) -> Unit:
        return cls(
            id=strawberry.ID(str(u.id)),
            code=u.code,
            name=u.name,
            kind=UnitKindEnum(u.kind),
            parent_id=strawberry.ID(str(u.parent_id)) if u.parent_id else None,
            jurisdiction_id=strawberry.ID(str(u.jurisdiction_id)) if u.jurisdiction_id else None,
            district_id=strawberry.ID(str(u.district_id)) if u.district_id else None,
            is_active=u.is_active,
        )


@strawberry.type(description="辖区（管理视图：含所属管辖区与启用状态）")
class AdminDistrict:
    id: strawberry.ID
    code: str
    name: str
    jurisdiction_code: str
    is_active: bool

    @classmethod
    def from_model(cls, d: DistrictModel, jurisdiction_code: str) -> AdminDistrict:
        return cls(
            id=strawberry.ID(str(d.id)),
            code=d.code,
            name=d.name,
            jurisdiction_code=jurisdiction_code,
            is_active=d.is_active,
        )


@strawberry.type(description="管辖区：适用一项信用监管政策的市、县")
class Jurisdiction:
    id: strawberry.ID
    code: str
    name: str
    policy_code: str


@strawberry.type(description="当前登录用户及其权限（前端据此显示菜单与按钮）")
class Me:
    username: str
    display_name: str
    role: str
    unit_code: str
    unit_name: str
    subject_id: strawberry.ID | None
    permissions: list[Permission]
    csrf_token: str | None = strawberry.field(
        description="本会话的 CSRF 令牌（新标签页据此恢复；跨站页面读不到同源响应）"
    )
    must_change_password: bool = strawberry.field(
        default=False,
        description="管理员重置了密码：须先修改密码，此前除修改密码外不能做任何操作",
    )


@strawberry.type(description="用户")
class User:
    id: strawberry.ID
    username: str
    display_name: str
    role: Role  # type: ignore[valid-type]
    unit_id: strawberry.ID
    is_active: bool
    locked_until: datetime | None
    must_change_password: bool

    @classmethod
    def from_model(cls, u: UserModel) -> User:
        return cls(
            id=strawberry.ID(str(u.id)),
            username=u.username,
            display_name=u.display_name,
            role=RoleEnum(u.role),
            unit_id=strawberry.ID(str(u.unit_id)),
            is_active=u.is_active,
            locked_until=u.locked_until,
            must_change_password=u.must_change_password,
        )


@strawberry.type(description="合作机构 API 令牌（令牌本身只在创建时显示一次）")
class ApiToken:
    id: strawberry.ID
    name: str
    prefix: str
    unit_id: strawberry.ID
    scopes: list[Permission]
    rate_limit_per_minute: int
    created_at: datetime
    expires_at: datetime
    revoked_at: datetime | None

    @classmethod
    def from_model(cls, t: ApiTokenModel) -> ApiToken:
        return cls(
            id=strawberry.ID(str(t.id)),
            name=t.name,
            prefix=t.prefix,
            unit_id=strawberry.ID(str(t.unit_id)),
            scopes=[Permission(s) for s in t.scopes],
            rate_limit_per_minute=t.rate_limit_per_minute,
            created_at=t.created_at,
            expires_at=t.expires_at,
            revoked_at=t.revoked_at,
        )
