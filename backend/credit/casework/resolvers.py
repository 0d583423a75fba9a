"""What every case resolver shares: fields open to several roles (`requires_any`), the data
scope, ids from the API, running a case mutation with its domain's conversion of
`CaseError` to the payload error, and the decoding of base64 evidence."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime
from typing import Any, TypeVar

import strawberry
from strawberry.permission import BasePermission, PermissionExtension
from strawberry.schema_directive import Location
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.expressions import Subquery
from tortoise.models import Model

from credit.accounts.actor import Actor
from credit.accounts.permissions import Permission
from credit.apicore.context import Info
from credit.apicore.errors import CodedError, ErrorCode
from credit.apicore.mutations import MutationFailed, Outcome, run_mutation
from credit.apicore.user_errors import UserError
from credit.casework.error_codes import CaseError, CaseErrors, CaseworkErrorCode
from credit.casework.evidence import EvidenceInput
from credit.core import clock
from credit.policies.facts import ListKind
from credit.subjects.scope import subjects_in_scope

E = TypeVar("E", bound=UserError)


@strawberry.schema_directive(
    locations=[Location.FIELD_DEFINITION],
    name="requiresAny",
    description="该字段所需的权限：持有其中任一即可（各角色所见范围仍受数据范围限制）",
)
class RequiresAny:
    permissions: list[Permission]


class HasAnyPermission(BasePermission):
    """Granted when the caller holds one of `permissions` (a field read by two audiences,
    e.g. the enterprise for its own subject and the reviewer for its jurisdiction)."""

    def __init__(self, *permissions: Permission) -> None:
        self.permissions = permissions
        # strawberry declares it on the class; each instance carries its own permissions.
        self._schema_directive = RequiresAny(permissions=list(permissions))  # type: ignore[misc]

    async def has_permission(self, source: Any, info: Any, **kwargs: Any) -> bool:
        actor = info.context.actor
        if not actor.is_authenticated:
            self.message = "请先登录（UNAUTHENTICATED）"
            self.error_extensions = {"code": "UNAUTHENTICATED"}
            return False
        if any(p in actor.permissions for p in self.permissions):
            return True
        names = " 或 ".join(p.value for p in self.permissions)
        self.message = f"无权执行此操作：需要权限 {names}"
        self.error_extensions = {
            "code": "PERMISSION_DENIED",
            "permissions": [p.value for p in self.permissions],
        }
        return False


def requires_any(*permissions: Permission) -> list[Any]:
    """Field extensions declaring that any one of `permissions` suffices."""
    return [PermissionExtension(permissions=[HasAnyPermission(*permissions)])]


# --- ids and arguments -----------------------------------------------------------------------


def int_id(value: str | int, field: str = "id") -> int:
    """An id from a mutation argument; a payload error when it is not a number."""
    try:
        return int(value)
    except (TypeError, ValueError) as exc:
        raise MutationFailed(f"无效的编号：{value}", CaseworkErrorCode.INVALID, field) from exc


def int_ids(values: Sequence[str | int], field: str) -> list[int]:
    return [int_id(v, field) for v in values]


def arg_id(value: str | int | None, field: str) -> int | None:
    """An id from a query argument; a top-level INVALID_ARGUMENT error when malformed."""
    if value is None:
        return None
    try:
        return int(value)
    except (TypeError, ValueError) as exc:
        raise CodedError(f"无效的编号：{value}", ErrorCode.INVALID_ARGUMENT, field=field) from exc


def local_aware(value: datetime) -> datetime:
    """A date-time without an offset is the bureau's local time."""
    return value if value.tzinfo is not None else value.replace(tzinfo=clock.TZ)


# --- data scope ------------------------------------------------------------------------------


def scoped_subject_ids(actor: Actor) -> Subquery:
    """The ids of the subjects the caller may see (an enterprise: its own; staff: their
    district or jurisdiction), for `subject_id__in=` filters."""
    return Subquery(subjects_in_scope(actor).values("id"))


async def require_subject_in_scope(
    conn: BaseDBAsyncClient, actor: Actor, subject_id: int, field: str = "subjectId"
) -> None:
    """NOT_FOUND, the same answer, for a subject that does not exist and for one outside
    the caller's data scope (an enterprise: any but its own): ids cannot be enumerated."""
    if not await subjects_in_scope(actor).filter(id=subject_id).using_db(conn).exists():
        raise MutationFailed("主体不存在", CaseworkErrorCode.NOT_FOUND, field)


async def require_owner_in_scope(
    conn: BaseDBAsyncClient,
    actor: Actor,
    model: type[Model],
    object_id: int,
    what: str,
    field: str = "id",
) -> int:
    """The subject id of a workflow object (objection, application, report, reminder,
    decision) after checking it exists and its subject is in the caller's scope; both
    failures get the same NOT_FOUND, so ids of other scopes look unused."""
    found = (
        await model.filter(id=object_id, subject_id__in=scoped_subject_ids(actor))
        .using_db(conn)
        .values("subject_id")
    )
    if not found:
        raise MutationFailed(f"{what}不存在", CaseworkErrorCode.NOT_FOUND, field)
    return int(found[0]["subject_id"])


# --- mutations -------------------------------------------------------------------------------


async def run_case(
    info: Info,
    action: str,
    body: Callable[[BaseDBAsyncClient], Awaitable[Outcome]],
    to_user_error: CaseErrors[E],
) -> tuple[Any, list[E]]:
    """`run_mutation` (CSRF, one transaction, audit event, cache invalidation) with the
    services' CaseError turned into the domain's payload error by its `to_user_error`."""

    async def wrapped(conn: BaseDBAsyncClient) -> Outcome:
        try:
            return await body(conn)
        except CaseError as exc:
            raise to_user_error(exc) from exc

    return await run_mutation(info, action, wrapped, to_user_error.error_type)


CaseStep = Callable[[BaseDBAsyncClient, Actor, int], Awaitable[tuple[Any, bool]]]


def case_snapshot(row: Any) -> dict[str, Any]:
    """The audit snapshot of an objection or repair application."""
    return {"status": row.status, "subject_id": row.subject_id, "record_ids": row.record_ids}


def list_kind_arg(value: Any) -> ListKind | None:
    return ListKind(value) if value is not None else None


async def run_case_step(
    info: Info,
    id: strawberry.ID,
    *,
    model: type[Model],
    what: str,
    object_type: str,
    action: str,
    step: CaseStep,
    to_user_error: CaseErrors[E],
) -> tuple[Any, list[E]]:
    """One step on an existing objection or repair application (`what` names it in
    Chinese): scope check, audit snapshots before and after; `step` returns the row and
    whether the public could see the change."""

    async def body(conn: BaseDBAsyncClient) -> Outcome:
        actor, oid = info.context.actor, int_id(id)
        await require_owner_in_scope(conn, actor, model, oid, what)
        before = case_snapshot(await model.get(id=oid, using_db=conn))
        row, public = await step(conn, actor, oid)
        return Outcome(row, object_type, oid, before, case_snapshot(row), public_change=public)

    return await run_case(info, f"{object_type}.{action}", body, to_user_error)


# --- evidence --------------------------------------------------------------------------------


@strawberry.input(description="证明材料：文件内容以 base64 编码（类型与大小由服务端校验）")
class EvidenceFileInput:
    name: str
    content_type: str
    base64: str


def decode_evidence(files: Sequence[EvidenceFileInput] | None) -> list[EvidenceInput]:
    """The files' bytes; a payload error naming the file whose base64 is malformed. The
    size, count and type checks are the service's (`check_evidence`)."""
    out = []
    for i, f in enumerate(files or ()):
        try:
            content = base64.b64decode("".join(f.base64.split()), validate=True)
        except (binascii.Error, ValueError) as exc:
            raise MutationFailed(
                f"文件“{f.name}”的 base64 编码无效", CaseworkErrorCode.INVALID, f"evidence[{i}]"
            ) from exc
        out.append(EvidenceInput(name=f.name, content_type=f.content_type, content=content))
    return out
