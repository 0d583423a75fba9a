"""Field classification: who may read each field of the schema (issue 11).

Every field of every object type has exactly one level:

- PUBLIC: anyone, anonymous callers included;
- ENTERPRISE_SELF: the outside account the data is about or that filed it (an enterprise
  account, an association, the caller's own account), and staff in scope; never the public;
- INTERNAL: staff of the bureau, within their jurisdiction (and district);
- RESTRICTED: only holders of one named permission.

Where the level comes from, in order:
1. a field that declares its permission (@requires / @requiresAny) gets the level that
   permission implies (`level_of_guard`);
2. a field whose value is an object, a list or a connection (a link) carries no data of its
   own: it gets the level of the readers who can reach it, and the fields of what it links
   to are classified themselves;
3. so do the plumbing fields that carry no subject data (PageInfo, cursors, payload errors:
   every type implementing UserError);
4. every other field (a scalar or enum value) is named in `credit.api.classification.TABLE`.

`classify(schema)` applies the levels as `@visibility` directives (visible in
schema.graphql); `check(schema)` lists every field the table misses or misnames and every
field some reader can reach although its level forbids it (the reach analysis below walks
each reader's profile from the root fields through the permission guards).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import strawberry
from graphql import (
    GraphQLField,
    GraphQLObjectType,
    GraphQLSchema,
    get_named_type,
    is_leaf_type,
)
from strawberry.permission import PermissionExtension
from strawberry.schema_directive import Location
from strawberry.types.unset import UNSET

from credit.accounts.models import Role
from credit.accounts.permissions import (
    PARTNER_SCOPES,
    ROLE_PERMISSIONS,
    HasPermission,
    Permission,
)


@strawberry.enum(description="字段的可见级别")
class Visibility(StrEnum):
    PUBLIC = "PUBLIC"  # 公开：任何人（含匿名）
    ENTERPRISE_SELF = "ENTERPRISE_SELF"  # 企业自身：本企业（或提交方、本人）与辖区内部用户
    INTERNAL = "INTERNAL"  # 内部：本辖区（区县）内部用户
    RESTRICTED = "RESTRICTED"  # 受限：持有指定权限者


@strawberry.schema_directive(
    locations=[Location.FIELD_DEFINITION],
    name="visibility",
    description="字段的可见级别（见 docs/partners.md「各类读者可见的内容」）；"
    "RESTRICTED 时 permission 为所需权限",
)
class VisibilityDirective:
    level: Visibility
    permission: Permission | None = UNSET


@dataclass(frozen=True)
class Level:
    visibility: Visibility
    permission: Permission | None = None

    def __str__(self) -> str:
        if self.permission is None:
            return self.visibility.value
        return f"{self.visibility.value}({self.permission.value})"


PUBLIC = Level(Visibility.PUBLIC)
ENTERPRISE_SELF = Level(Visibility.ENTERPRISE_SELF)
INTERNAL = Level(Visibility.INTERNAL)


def restricted(permission: Permission) -> Level:
    return Level(Visibility.RESTRICTED, permission)


# --- readers --------------------------------------------------------------------------------

# A reader profile: a kind of caller and the permissions it holds. SELF is any signed-in
# caller reading about its own account through a SELF_ROOT.
ANONYMOUS = "ANONYMOUS"
PARTNER = "PARTNER"
SELF = "SELF"
STAFF = frozenset({Role.ADMIN.value, Role.CITY_REVIEWER.value, Role.DISTRICT_OFFICER.value})
OUTSIDE_ACCOUNTS = frozenset({Role.ENTERPRISE.value, Role.ASSOCIATION.value, SELF})

PROFILES: dict[str, frozenset[Permission]] = {
    ANONYMOUS: frozenset(),
    PARTNER: PARTNER_SCOPES,  # a partner token with every scope it may be granted
    **{role.value: perms for role, perms in ROLE_PERMISSIONS.items()},
}
ALL = frozenset(PROFILES) | {SELF}

# Root fields that answer only about the caller itself (its account, its sign-in, the
# acknowledgement of its own report): whoever calls them reaches what they return as SELF.
SELF_ROOTS = frozenset(
    {"Query.me", "Mutation.login", "Mutation.logout", "Mutation.publicReportFile"}
)

# Plumbing: fields that carry no subject data, whatever type they sit on.
PLUMBING_TYPES = frozenset({"PageInfo"})
PLUMBING_INTERFACES = frozenset({"UserError"})
PLUMBING_FIELDS = frozenset({"totalCount", "cursor"})


def holders(permission: Permission) -> frozenset[str]:
    return frozenset(name for name, perms in PROFILES.items() if permission in perms)


def audience(level: Level) -> frozenset[str]:
    """The reader profiles a level allows."""
    if level.visibility is Visibility.PUBLIC:
        return ALL
    if level.visibility is Visibility.ENTERPRISE_SELF:
        return STAFF | OUTSIDE_ACCOUNTS
    if level.visibility is Visibility.INTERNAL:
        return STAFF
    assert level.permission is not None
    return holders(level.permission)


def guard_of(field: Any) -> frozenset[Permission] | None:
    """The permissions a strawberry field declares (any one suffices), or None."""
    for ext in getattr(field, "extensions", None) or ():
        if isinstance(ext, PermissionExtension):
            perms: set[Permission] = set()
            for p in ext.permissions:
                # HasPermission names one; a class granting any of several names them all
                many = getattr(p, "permissions", None)
                perms.update(many or ((p.permission,) if isinstance(p, HasPermission) else ()))
            return frozenset(perms)
    return None


def level_of_guard(guard: frozenset[Permission]) -> Level:
    """VIEW_INTERNAL is the internal level; a permission an outside account holds makes the
    field its own (self) data; any other single permission restricts the field to it."""
    if guard == {Permission.VIEW_INTERNAL}:
        return INTERNAL
    if any(holders(p) & OUTSIDE_ACCOUNTS for p in guard):
        return ENTERPRISE_SELF
    if len(guard) == 1:
        return restricted(next(iter(guard)))
    return INTERNAL


def level_of_reach(readers: frozenset[str]) -> Level:
    """The level of a link or plumbing field: the narrowest one that admits every reader
    who reaches it (a partner's import results: the permission they all hold)."""
    if ANONYMOUS in readers or not readers:
        return PUBLIC
    if readers <= STAFF:
        return INTERNAL
    if readers <= STAFF | OUTSIDE_ACCOUNTS:
        return ENTERPRISE_SELF
    common = frozenset.intersection(*(PROFILES.get(r, frozenset()) for r in readers))
    return restricted(min(common)) if common else PUBLIC


# --- the walk -------------------------------------------------------------------------------


def _object_types(gs: GraphQLSchema) -> dict[str, GraphQLObjectType]:
    return {
        name: t
        for name, t in gs.type_map.items()
        if isinstance(t, GraphQLObjectType) and not name.startswith("__")
    }


def _strawberry_field(field: GraphQLField) -> Any:
    return (field.extensions or {}).get("strawberry-definition")


def _passes(field: GraphQLField, readers: frozenset[str]) -> frozenset[str]:
    guard = guard_of(_strawberry_field(field))
    if guard is None:
        return readers
    return frozenset(r for r in readers if r in PROFILES and PROFILES[r] & guard)


def reach(gs: GraphQLSchema, trusted: Iterable[str] = ()) -> dict[str, frozenset[str]]:
    """For each object type, the reader profiles that can obtain one (a fixpoint over the
    field graph from Query and Mutation, each guard letting through only its holders).
    A trusted path ("Type.field@READER") is not followed for that reader."""
    trusted = frozenset(trusted)
    types = _object_types(gs)
    roots = [t.name for t in (gs.query_type, gs.mutation_type) if t is not None]
    result: dict[str, frozenset[str]] = {root: ALL - {SELF} for root in roots}
    todo = list(roots)
    while todo:
        name = todo.pop()
        for fname, field in types[name].fields.items():
            target = get_named_type(field.type)
            if target is None or target.name not in types:
                continue
            readers = frozenset(
                r for r in _passes(field, result[name]) if f"{name}.{fname}@{r}" not in trusted
            )
            if f"{name}.{fname}" in SELF_ROOTS and readers:
                readers = frozenset({SELF})
            before = result.get(target.name, frozenset())
            if not readers <= before:
                result[target.name] = before | readers
                todo.append(target.name)
    return result


@dataclass(frozen=True)
class Classified:
    type_name: str
    field_name: str
    level: Level
    source: str  # "permission", "reach" (links and plumbing) or "table"


def classify_fields(
    gs: GraphQLSchema, table: dict[str, Level], trusted: Iterable[str] = ()
) -> tuple[list[Classified], list[str]]:
    """Every field's level, and the fields that have none."""
    reached = reach(gs, trusted)
    done: list[Classified] = []
    missing: list[str] = []
    for tname, t in sorted(_object_types(gs).items()):
        for fname, field in t.fields.items():
            key = f"{tname}.{fname}"
            guard = guard_of(_strawberry_field(field))
            if key in table:
                done.append(Classified(tname, fname, table[key], "table"))
            elif guard is not None:
                done.append(Classified(tname, fname, level_of_guard(guard), "permission"))
            elif not is_leaf_type(get_named_type(field.type)) or (
                tname in PLUMBING_TYPES
                or fname in PLUMBING_FIELDS
                or any(i.name in PLUMBING_INTERFACES for i in t.interfaces)
            ):
                readers = _passes(field, reached.get(tname, frozenset()))
                done.append(Classified(tname, fname, level_of_reach(readers), "reach"))
            else:
                missing.append(key)
    return done, missing


def check(gs: GraphQLSchema, table: dict[str, Level], trusted: Iterable[str] = ()) -> list[str]:
    """Every way the classification is incomplete or contradicts the permissions: empty
    when all is well. `trusted` paths ("Type.field@READER") are ones where the resolver
    itself narrows what that reader gets, which the guards alone cannot prove."""
    trusted = frozenset(trusted)
    problems: list[str] = []
    classified, missing = classify_fields(gs, table, trusted)
    problems += [
        f"{key}: not classified (add it to credit/api/classification.py)" for key in missing
    ]
    types = _object_types(gs)
    existing = {f"{t}.{f}" for t, ot in types.items() for f in ot.fields}
    problems += [f"{key}: classified but no such field" for key in sorted(set(table) - existing)]
    problems += [
        f"{path}: trusted path but no such field or reader"
        for path in sorted(trusted)
        if path.split("@")[0] not in existing or path.split("@")[-1] not in ALL
    ]
    reached = reach(gs, trusted)
    for c in classified:
        key = f"{c.type_name}.{c.field_name}"
        field = types[c.type_name].fields[c.field_name]
        guard = guard_of(_strawberry_field(field))
        if c.level == PUBLIC and guard is not None:
            problems.append(f"{key}: classified PUBLIC but behind a permission")
        if c.source == "table" and guard is not None and c.level != level_of_guard(guard):
            problems.append(
                f"{key}: classified {c.level} but its permission makes it {level_of_guard(guard)}"
            )
        readers = _passes(field, reached.get(c.type_name, frozenset()))
        beyond = readers - audience(c.level)
        if beyond:
            problems.append(
                f"{key}: classified {c.level} but reachable by {', '.join(sorted(beyond))}"
            )
    return problems


def directive_for(level: Level) -> VisibilityDirective:
    return VisibilityDirective(
        level=level.visibility,
        permission=level.permission if level.permission is not None else UNSET,
    )


def classify(schema: Any, table: dict[str, Level], trusted: Iterable[str] = ()) -> None:
    """Attach each field's @visibility directive (shown in schema.graphql). Unclassified
    fields get none: the classification test names them."""
    classified, _ = classify_fields(schema._schema, table, trusted)
    types = _object_types(schema._schema)
    seen: dict[int, Level] = {}
    for c in classified:
        field = _strawberry_field(types[c.type_name].fields[c.field_name])
        if field is None:
            continue
        # One strawberry field shared by two types would print one level for both.
        assert seen.setdefault(id(field), c.level) == c.level, f"{c.type_name}.{c.field_name}"
        field.directives = [
            d for d in field.directives if not isinstance(d, VisibilityDirective)
        ] + [directive_for(c.level)]


def levels(schema: Any, table: dict[str, Level], trusted: Iterable[str] = ()) -> dict[str, Level]:
    """'Type.field' → level, for tests that check answers against the classification."""
    classified, _ = classify_fields(schema._schema, table, trusted)
    return {f"{c.type_name}.{c.field_name}": c.level for c in classified}
