"""Administration of the organisation: create, rename, move and deactivate units and
districts. Nothing is ever deleted (users, records and subjects point at units and
districts): a unit or district is deactivated instead, once nothing active depends on it.
A city administrator acts within their jurisdiction, the system administrator everywhere."""

from __future__ import annotations

import strawberry
from tortoise.backends.base.client import BaseDBAsyncClient

from credit.accounts.administration import managed_jurisdiction, unit_for_admin
from credit.accounts.error_codes import AccountError, AccountErrorCode
from credit.accounts.models import ApiToken as ApiTokenModel
from credit.accounts.models import Unit as UnitModel
from credit.accounts.models import UnitKind as UnitKindEnum
from credit.accounts.models import User as UserModel
from credit.accounts.permissions import Permission, requires
from credit.accounts.types import AdminDistrict, Unit, UnitKind
from credit.apicore.context import Info
from credit.apicore.mutations import MutationFailed, Outcome, run_mutation
from credit.subjects.models import District as DistrictModel
from credit.subjects.models import Jurisdiction


@strawberry.type
class UnitPayload:
    unit: Unit | None
    errors: list[AccountError]


@strawberry.type
class DistrictPayload:
    district: AdminDistrict | None
    errors: list[AccountError]


@strawberry.input(description="新建单位：上级单位决定所属管辖区；无上级时须指明管辖区")
class UnitCreateInput:
    code: str
    name: str
    kind: UnitKind  # type: ignore[valid-type]  # a strawberry.enum(...) value
    parent_code: str | None = None
    jurisdiction_code: str | None = None
    district_code: str | None = None


@strawberry.input(description="修改单位：改名或调整上级单位、辖区；省略的字段保持不变")
class UnitUpdateInput:
    name: str | None = None
    parent_code: strawberry.Maybe[str | None] = None
    district_code: strawberry.Maybe[str | None] = None


def _text(value: str, field: str, limit: int, what: str) -> str:
    text = value.strip()
    if not text or len(text) > limit or "\x00" in text:
        raise MutationFailed(f"{what}须为1–{limit}个字符", AccountErrorCode.INVALID, field)
    return text


def _int_id(raw: strawberry.ID, what: str) -> int:
    try:
        return int(raw)
    except ValueError:
        raise MutationFailed(f"{what}不存在", AccountErrorCode.NOT_FOUND, "id") from None


async def _jurisdiction(info: Info, conn: BaseDBAsyncClient, code: str, field: str) -> int:
    own = managed_jurisdiction(info.context.actor)
    j = await Jurisdiction.get_or_none(code=code, using_db=conn)
    if j is None or (own is not None and j.id != own):
        raise MutationFailed("管辖区不存在", AccountErrorCode.NOT_FOUND, field)
    return j.id


async def _district(
    conn: BaseDBAsyncClient, code: str, jurisdiction_id: int | None, field: str
) -> DistrictModel:
    d = await DistrictModel.get_or_none(code=code, using_db=conn)
    if d is None or d.jurisdiction_id != jurisdiction_id:
        raise MutationFailed("辖区不存在或不属于该单位的管辖区", AccountErrorCode.NOT_FOUND, field)
    if not d.is_active:
        raise MutationFailed("辖区已停用", AccountErrorCode.INVALID_STATE, field)
    return d


async def _parent(info: Info, conn: BaseDBAsyncClient, code: str) -> UnitModel:
    parent = await unit_for_admin(info.context.actor, conn, "parentCode", code=code)
    if not parent.is_active:
        raise MutationFailed("上级单位已停用", AccountErrorCode.INVALID_STATE, "parentCode")
    return parent


def _facts(unit: UnitModel) -> dict[str, object]:
    return {
        "code": unit.code,
        "name": unit.name,
        "kind": UnitKindEnum(unit.kind).value,
        "parent_id": unit.parent_id,
        "jurisdiction_id": unit.jurisdiction_id,
        "district_id": unit.district_id,
        "is_active": unit.is_active,
    }


@strawberry.type
class UnitAdminMutations:
    @strawberry.mutation(extensions=requires(Permission.MANAGE_USERS), description="新建单位")
    async def unit_create(self, info: Info, input: UnitCreateInput) -> UnitPayload:
        async def body(conn: BaseDBAsyncClient) -> Outcome:
            code = _text(input.code, "code", 32, "单位代码")
            name = _text(input.name, "name", 100, "单位名称")
            if await UnitModel.filter(code=code).using_db(conn).exists():
                raise MutationFailed("单位代码已存在", AccountErrorCode.CONFLICT, "code")
            parent = await _parent(info, conn, input.parent_code) if input.parent_code else None
            if parent is not None:
                jurisdiction_id = parent.jurisdiction_id
                if input.jurisdiction_code is not None and jurisdiction_id != await _jurisdiction(
                    info, conn, input.jurisdiction_code, "jurisdictionCode"
                ):
                    raise MutationFailed(
                        "上级单位属于另一管辖区", AccountErrorCode.INVALID, "jurisdictionCode"
                    )
            elif input.jurisdiction_code:
                jurisdiction_id = await _jurisdiction(
                    info, conn, input.jurisdiction_code, "jurisdictionCode"
                )
            elif managed_jurisdiction(info.context.actor) is None:
                jurisdiction_id = None  # a deployment-wide unit (system administration)
            else:
                raise MutationFailed(
                    "请指明上级单位或管辖区", AccountErrorCode.INVALID, "parentCode"
                )
            district_id = parent.district_id if parent is not None else None
            if input.district_code:
                d = await _district(conn, input.district_code, jurisdiction_id, "districtCode")
                if district_id is not None and d.id != district_id:
                    raise MutationFailed(
                        "下级单位须与上级单位同属一个辖区",
                        AccountErrorCode.INVALID,
                        "districtCode",
                    )
                district_id = d.id
            unit = await UnitModel.create(
                code=code,
                name=name,
                kind=UnitKindEnum(input.kind),
                parent_id=parent.id if parent else None,
                jurisdiction_id=jurisdiction_id,
                district_id=district_id,
                using_db=conn,
            )
            return Outcome(unit, "unit", unit.id, None, _facts(unit), public_change=False)

        value, errors = await run_mutation(info, "unit.create", body, AccountError)
        return UnitPayload(unit=Unit.from_model(value) if value else None, errors=errors)

    @strawberry.mutation(
        extensions=requires(Permission.MANAGE_USERS), description="修改单位：改名、调整上级或辖区"
    )
    async def unit_update(
        self, info: Info, id: strawberry.ID, input: UnitUpdateInput
    ) -> UnitPayload:
        async def body(conn: BaseDBAsyncClient) -> Outcome:
            unit = await unit_for_admin(info.context.actor, conn, "id", id=_int_id(id, "单位"))
            before = _facts(unit)
            if input.name is not None:
                unit.name = _text(input.name, "name", 100, "单位名称")
            if input.parent_code is not None:
                await _move(info, conn, unit, input.parent_code.value)
            if input.district_code is not None:
                code = input.district_code.value
                unit.district_id = (
                    (await _district(conn, code, unit.jurisdiction_id, "districtCode")).id
                    if code
                    else None
                )
            await unit.save(using_db=conn, update_fields=["name", "parent_id", "district_id"])
            return Outcome(unit, "unit", unit.id, before, _facts(unit), public_change=False)

        value, errors = await run_mutation(info, "unit.update", body, AccountError)
        return UnitPayload(unit=Unit.from_model(value) if value else None, errors=errors)

    @strawberry.mutation(
        extensions=requires(Permission.MANAGE_USERS),
        description="停用/启用单位（单位从不删除；停用前须先停用或调出其用户、下级单位与令牌）",
    )
    async def unit_set_active(self, info: Info, id: strawberry.ID, active: bool) -> UnitPayload:
        async def body(conn: BaseDBAsyncClient) -> Outcome:
            unit = await unit_for_admin(info.context.actor, conn, "id", id=_int_id(id, "单位"))
            before = _facts(unit)
            if not active:
                await _ensure_nothing_active_in(conn, unit)
            elif unit.parent_id is not None:
                parent = await UnitModel.get(id=unit.parent_id, using_db=conn)
                if not parent.is_active:
                    raise MutationFailed("上级单位已停用", AccountErrorCode.INVALID_STATE, "id")
            unit.is_active = active
            await unit.save(using_db=conn, update_fields=["is_active"])
            return Outcome(unit, "unit", unit.id, before, _facts(unit), public_change=False)

        action = "unit.activate" if active else "unit.deactivate"
        value, errors = await run_mutation(info, action, body, AccountError)
        return UnitPayload(unit=Unit.from_model(value) if value else None, errors=errors)

    @strawberry.mutation(extensions=requires(Permission.MANAGE_USERS), description="新建辖区")
    async def district_create(
        self, info: Info, code: str, name: str, jurisdiction_code: str
    ) -> DistrictPayload:
        async def body(conn: BaseDBAsyncClient) -> Outcome:
            clean_code = _text(code, "code", 32, "辖区代码")
            clean_name = _text(name, "name", 64, "辖区名称")
            jurisdiction_id = await _jurisdiction(info, conn, jurisdiction_code, "jurisdictionCode")
            if await DistrictModel.filter(code=clean_code).using_db(conn).exists():
                raise MutationFailed("辖区代码已存在", AccountErrorCode.CONFLICT, "code")
            d = await DistrictModel.create(
                code=clean_code, name=clean_name, jurisdiction_id=jurisdiction_id, using_db=conn
            )
            return Outcome(d, "district", d.id, None, {"code": d.code, "name": d.name})

        value, errors = await run_mutation(info, "district.create", body, AccountError)
        return await _district_payload(value, errors)

    @strawberry.mutation(
        extensions=requires(Permission.MANAGE_USERS),
        description="修改辖区：改名，或（尚无主体与单位时）移到另一管辖区",
    )
    async def district_update(
        self,
        info: Info,
        id: strawberry.ID,
        name: str | None = None,
        jurisdiction_code: str | None = None,
    ) -> DistrictPayload:
        async def body(conn: BaseDBAsyncClient) -> Outcome:
            d = await _district_for_admin(info, conn, id)
            before = {"name": d.name, "jurisdiction_id": d.jurisdiction_id}
            if name is not None:
                d.name = _text(name, "name", 64, "辖区名称")
            if jurisdiction_code is not None:
                target = await _jurisdiction(info, conn, jurisdiction_code, "jurisdictionCode")
                if target != d.jurisdiction_id:
                    from credit.subjects.models import Subject

                    # Subjects and units take their data scope from the district: moving
                    # one in use would carry them into another jurisdiction unseen.
                    if (
                        await Subject.filter(district_id=d.id).using_db(conn).exists()
                        or await UnitModel.filter(district_id=d.id).using_db(conn).exists()
                    ):
                        raise MutationFailed(
                            "辖区已有主体或单位，不能移到另一管辖区",
                            AccountErrorCode.INVALID_STATE,
                            "jurisdictionCode",
                        )
                    d.jurisdiction_id = target
            await d.save(using_db=conn, update_fields=["name", "jurisdiction_id"])
            after = {"name": d.name, "jurisdiction_id": d.jurisdiction_id}
            return Outcome(d, "district", d.id, before, after)

        value, errors = await run_mutation(info, "district.update", body, AccountError)
        return await _district_payload(value, errors)

    @strawberry.mutation(
        extensions=requires(Permission.MANAGE_USERS),
        description="停用/启用辖区（辖区从不删除；停用前须先停用其单位）",
    )
    async def district_set_active(
        self, info: Info, id: strawberry.ID, active: bool
    ) -> DistrictPayload:
        async def body(conn: BaseDBAsyncClient) -> Outcome:
            d = await _district_for_admin(info, conn, id)
            if (
                not active
                and await UnitModel.filter(district_id=d.id, is_active=True).using_db(conn).exists()
            ):
                raise MutationFailed(
                    "辖区内仍有启用的单位，请先停用或调整这些单位",
                    AccountErrorCode.INVALID_STATE,
                    "id",
                )
            before = {"is_active": d.is_active}
            d.is_active = active
            await d.save(using_db=conn, update_fields=["is_active"])
            return Outcome(d, "district", d.id, before, {"is_active": active}, public_change=False)

        action = "district.activate" if active else "district.deactivate"
        value, errors = await run_mutation(info, action, body, AccountError)
        return await _district_payload(value, errors)


async def _district_payload(
    value: DistrictModel | None, errors: list[AccountError]
) -> DistrictPayload:
    if value is None:
        return DistrictPayload(district=None, errors=errors)
    j = await Jurisdiction.get(id=value.jurisdiction_id)
    return DistrictPayload(district=AdminDistrict.from_model(value, j.code), errors=errors)


async def _district_for_admin(
    info: Info, conn: BaseDBAsyncClient, raw: strawberry.ID
) -> DistrictModel:
    own = managed_jurisdiction(info.context.actor)
    d = await DistrictModel.get_or_none(id=_int_id(raw, "辖区"), using_db=conn)
    if d is None or (own is not None and d.jurisdiction_id != own):
        raise MutationFailed("辖区不存在", AccountErrorCode.NOT_FOUND, "id")
    return d


async def _move(
    info: Info, conn: BaseDBAsyncClient, unit: UnitModel, parent_code: str | None
) -> None:
    """Move `unit` under another parent of its own jurisdiction (or to the top). Its users'
    data scope follows the unit's jurisdiction, so a move never crosses jurisdictions."""
    if not parent_code:
        if unit.jurisdiction_id is None and managed_jurisdiction(info.context.actor) is not None:
            raise MutationFailed("单位不存在", AccountErrorCode.NOT_FOUND, "id")
        unit.parent_id = None
        return
    parent = await _parent(info, conn, parent_code)
    if parent.jurisdiction_id != unit.jurisdiction_id:
        raise MutationFailed("不能把单位移到另一管辖区", AccountErrorCode.INVALID, "parentCode")
    # Walk up from the new parent: reaching the unit itself would make a cycle.
    seen: set[int] = set()
    cursor: UnitModel | None = parent
    while cursor is not None and cursor.id not in seen:
        if cursor.id == unit.id:
            raise MutationFailed(
                "不能把单位移到其自身或其下级单位之下", AccountErrorCode.INVALID, "parentCode"
            )
        seen.add(cursor.id)
        cursor = (
            await UnitModel.get(id=cursor.parent_id, using_db=conn) if cursor.parent_id else None
        )
    unit.parent_id = parent.id


async def _ensure_nothing_active_in(conn: BaseDBAsyncClient, unit: UnitModel) -> None:
    checks = (
        (UserModel.filter(unit_id=unit.id, is_active=True), "单位仍有启用的用户，请先停用或调出"),
        (UnitModel.filter(parent_id=unit.id, is_active=True), "单位仍有启用的下级单位，请先停用"),
        (
            ApiTokenModel.filter(unit_id=unit.id, revoked_at=None),
            "单位仍有未吊销的 API 令牌，请先吊销",
        ),
    )
    for query, message in checks:
        if await query.using_db(conn).exists():
            raise MutationFailed(message, AccountErrorCode.INVALID_STATE, "id")
