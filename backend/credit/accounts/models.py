"""Organisation units, users, sessions and partner API tokens."""

from __future__ import annotations

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model


class UnitKind(StrEnum):
    CITY_BUREAU = "CITY_BUREAU"  # 市公安局
    DISTRICT_BUREAU = "DISTRICT_BUREAU"  # 分、县（市）局
    POLICE_STATION = "POLICE_STATION"  # 派出所
    ASSOCIATION = "ASSOCIATION"  # 行业协会
    PARTNER = "PARTNER"  # 合作机构


class Role(StrEnum):
    ADMIN = "ADMIN"
    CITY_REVIEWER = "CITY_REVIEWER"
    DISTRICT_OFFICER = "DISTRICT_OFFICER"
    ENTERPRISE = "ENTERPRISE"
    ASSOCIATION = "ASSOCIATION"


class Unit(Model):
    id = fields.IntField(primary_key=True)
    code = fields.CharField(max_length=32, unique=True)
    name = fields.CharField(max_length=100)
    kind = fields.CharEnumField(UnitKind, max_length=16)
    parent: fields.ForeignKeyNullableRelation[Unit] = fields.ForeignKeyField(
        "credit.Unit", related_name="children", null=True, on_delete=fields.RESTRICT
    )
    # Typed as a bare Model: Jurisdiction, District and Subject are credit.subjects' models,
    # a layer above accounts (docs/architecture.md); the code reads these by their *_id.
    jurisdiction: fields.ForeignKeyNullableRelation[Model] = fields.ForeignKeyField(
        "credit.Jurisdiction", related_name="units", null=True, on_delete=fields.RESTRICT
    )
    # The data scope of a district bureau or police station.
    district: fields.ForeignKeyNullableRelation[Model] = fields.ForeignKeyField(
        "credit.District", related_name="units", null=True, on_delete=fields.RESTRICT
    )
    # A unit is never deleted (users and records point at it): it is deactivated, after
    # which no user or token can be attached to it.
    is_active = fields.BooleanField(default=True)

    parent_id: int | None
    jurisdiction_id: int | None
    district_id: int | None

    class Meta:
        table = "unit"


class User(Model):
    id = fields.IntField(primary_key=True)
    username = fields.CharField(max_length=64, unique=True)
    password_hash = fields.CharField(max_length=200)
    display_name = fields.CharField(max_length=64)
    role = fields.CharEnumField(Role, max_length=20)
    unit: fields.ForeignKeyRelation[Unit] = fields.ForeignKeyField(
        "credit.Unit", related_name="users", on_delete=fields.RESTRICT
    )
    # An enterprise account is bound to exactly one subject (a bare Model: see Unit).
    subject: fields.ForeignKeyNullableRelation[Model] = fields.ForeignKeyField(
        "credit.Subject", related_name="accounts", null=True, on_delete=fields.RESTRICT
    )
    is_active = fields.BooleanField(default=True)
    # Set by an administrator's password reset: until the user picks a new password,
    # the session may do nothing else.
    must_change_password = fields.BooleanField(default=False)
    failed_logins = fields.IntField(default=0)
    locked_until = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    unit_id: int
    subject_id: int | None

    class Meta:
        table = "user_account"


# A console session. The cookie holds a random token; only its SHA-256 is stored.
class Session(Model):
    id = fields.IntField(primary_key=True)
    token_hash = fields.CharField(max_length=64, unique=True)
    csrf_token = fields.CharField(max_length=64)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "credit.User", related_name="sessions", on_delete=fields.CASCADE
    )
    created_at = fields.DatetimeField(auto_now_add=True)
    expires_at = fields.DatetimeField()
    ended_at = fields.DatetimeField(null=True)

    user_id: int

    class Meta:
        table = "user_session"


# A partner agency's bearer token: shown once, stored hashed, scoped, expiring.
class ApiToken(Model):
    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=100)
    prefix = fields.CharField(max_length=12)
    token_hash = fields.CharField(max_length=64, unique=True)
    unit: fields.ForeignKeyRelation[Unit] = fields.ForeignKeyField(
        "credit.Unit", related_name="api_tokens", on_delete=fields.RESTRICT
    )
    scopes: fields.JSONField[list[str]] = fields.JSONField(default=list)
    rate_limit_per_minute = fields.IntField(default=600)
    created_at = fields.DatetimeField(auto_now_add=True)
    expires_at = fields.DatetimeField()
    revoked_at = fields.DatetimeField(null=True)

    unit_id: int

    class Meta:
        table = "api_token"
