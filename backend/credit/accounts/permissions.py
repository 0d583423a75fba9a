"""Permissions: one published enum, a fixed grant per role, and the strawberry permission
class every protected field and mutation declares (shown in the SDL as @requires)."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

import strawberry
from strawberry.permission import BasePermission
from strawberry.schema_directive import Location

from credit.accounts.models import Role


@strawberry.enum(description="权限。每个受保护的字段与变更都以 @requires 声明其所需权限。")
class Permission(StrEnum):
    VIEW_INTERNAL = "VIEW_INTERNAL"  # internal data of subjects in the caller's scope
    VIEW_OWN_SUBJECT = "VIEW_OWN_SUBJECT"  # an enterprise account's own full record
    MANAGE_SUBJECTS = "MANAGE_SUBJECTS"
    ENTER_RECORDS = "ENTER_RECORDS"  # create and submit records (district data scope)
    REVIEW_RECORDS = "REVIEW_RECORDS"  # verify / reject
    PUBLISH_RECORDS = "PUBLISH_RECORDS"
    DECIDE_LISTS = "DECIDE_LISTS"  # list decisions, removals, revocations
    FILE_OBJECTIONS = "FILE_OBJECTIONS"
    HANDLE_OBJECTIONS = "HANDLE_OBJECTIONS"
    APPLY_REPAIR = "APPLY_REPAIR"
    HANDLE_REPAIRS = "HANDLE_REPAIRS"
    MANAGE_REMINDERS = "MANAGE_REMINDERS"  # reminders and interviews
    HANDLE_REPORTS = "HANDLE_REPORTS"  # public reports (举报)
    SUBMIT_ASSOCIATION_RATINGS = "SUBMIT_ASSOCIATION_RATINGS"
    # an association's member register: the association itself, and the city bureau
    MANAGE_ASSOCIATION_MEMBERS = "MANAGE_ASSOCIATION_MEMBERS"
    IMPORT_DECISIONS = "IMPORT_DECISIONS"
    VIEW_AUDIT = "VIEW_AUDIT"
    VIEW_UNMASKED_ID = "VIEW_UNMASKED_ID"
    MANAGE_USERS = "MANAGE_USERS"  # units, users, roles
    MANAGE_API_TOKENS = "MANAGE_API_TOKENS"
    MANAGE_POLICIES = "MANAGE_POLICIES"  # policies' parameters and the working-day calendar
    VIEW_DELIVERIES = "VIEW_DELIVERIES"  # the outbox of notices and publications
    CHANGE_OWN_PASSWORD = "CHANGE_OWN_PASSWORD"  # every signed-in user, for themself
    WATCH_SUBJECTS = "WATCH_SUBJECTS"  # a partner's watch list and its change events


P = Permission

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.ADMIN: frozenset(
        {
            P.VIEW_INTERNAL,
            P.VIEW_AUDIT,
            P.MANAGE_USERS,
            P.MANAGE_API_TOKENS,
            P.MANAGE_POLICIES,
            P.VIEW_DELIVERIES,
            P.IMPORT_DECISIONS,
        }
    ),
    Role.CITY_REVIEWER: frozenset(
        {
            P.VIEW_INTERNAL,
            P.MANAGE_SUBJECTS,
            P.REVIEW_RECORDS,
            P.PUBLISH_RECORDS,
            P.DECIDE_LISTS,
            P.FILE_OBJECTIONS,  # paper applications entered for the applicant
            P.HANDLE_OBJECTIONS,
            P.APPLY_REPAIR,  # paper applications entered for the applicant
            P.HANDLE_REPAIRS,
            P.HANDLE_REPORTS,
            P.MANAGE_REMINDERS,
            P.IMPORT_DECISIONS,
            P.VIEW_AUDIT,
            P.VIEW_UNMASKED_ID,
            P.VIEW_DELIVERIES,
            P.MANAGE_ASSOCIATION_MEMBERS,
        }
    ),
    Role.DISTRICT_OFFICER: frozenset(
        {P.VIEW_INTERNAL, P.MANAGE_SUBJECTS, P.ENTER_RECORDS, P.MANAGE_REMINDERS}
    ),
    Role.ENTERPRISE: frozenset({P.VIEW_OWN_SUBJECT, P.FILE_OBJECTIONS, P.APPLY_REPAIR}),
    Role.ASSOCIATION: frozenset({P.SUBMIT_ASSOCIATION_RATINGS, P.MANAGE_ASSOCIATION_MEMBERS}),
}
# Every signed-in user may change their own password.
ROLE_PERMISSIONS = {r: ps | {P.CHANGE_OWN_PASSWORD} for r, ps in ROLE_PERMISSIONS.items()}
# All a session may do while its user must change a password an administrator reset.
PASSWORD_CHANGE_ONLY = frozenset({P.CHANGE_OWN_PASSWORD})

# What a partner token may be granted (its scopes): reads, and the push of decisions.
# IMPORT_DECISIONS lets an upstream agency push its decisions (decisionsImport);
# WATCH_SUBJECTS lets it watch subjects and read their change events (credit.watches).
PARTNER_SCOPES = frozenset({P.VIEW_UNMASKED_ID, P.IMPORT_DECISIONS, P.WATCH_SUBJECTS})


@strawberry.schema_directive(
    locations=[Location.FIELD_DEFINITION], description="该字段或变更所需的权限"
)
class Requires:
    permission: Permission


class HasPermission(BasePermission):
    """Granted when the caller holds `permission`; otherwise UNAUTHENTICATED for an
    anonymous caller and PERMISSION_DENIED for a signed-in one."""

    def __init__(self, permission: Permission) -> None:
        self.permission = permission
        # Per instance (each field names its own permission): strawberry reads it from the
        # instance, though it declares it a ClassVar.
        self._schema_directive = Requires(permission=permission)  # type: ignore[misc]

    async def has_permission(self, source: Any, info: Any, **kwargs: Any) -> bool:
        actor = info.context.actor
        if not actor.is_authenticated:
            self.message = "请先登录（UNAUTHENTICATED）"
            self.error_extensions = {"code": "UNAUTHENTICATED"}
            return False
        if self.permission in actor.permissions:
            return True
        self.message = f"无权执行此操作：需要权限 {self.permission.value}"
        self.error_extensions = {"code": "PERMISSION_DENIED", "permission": self.permission.value}
        return False


def requires(permission: Permission) -> list[Any]:
    """Field extensions declaring `permission` (use: strawberry.field(extensions=requires(P.X)))."""
    from strawberry.permission import PermissionExtension

    return [PermissionExtension(permissions=[HasPermission(permission)])]


def declared_permission(field: Any) -> Permission | None:
    """The permission a strawberry field declares (through `requires`), if any."""
    from strawberry.permission import PermissionExtension

    for ext in getattr(field, "extensions", None) or ():
        if isinstance(ext, PermissionExtension):
            for p in ext.permissions:
                if isinstance(p, HasPermission):
                    return p.permission
    return None
