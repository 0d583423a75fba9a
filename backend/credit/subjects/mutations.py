"""subjectCreate / subjectUpdate: subjects entered and corrected in the console, within the
officer's data scope (a district officer: their district; a city role: their
jurisdiction). The subject's jurisdiction, and so its policy, follows from its district,
as in the import. A USCC or ID number already registered is a DUPLICATE naming the field
and, when the caller may see it, the existing subject. A change of name is kept in the
name history (曾用名), with when and who."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import strawberry
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError

from credit.accounts.actor import Actor
from credit.accounts.crypto import digest, protect_id_number
from credit.accounts.permissions import Permission, requires
from credit.apicore.context import Info
from credit.apicore.mutations import MutationFailed, Outcome, run_mutation
from credit.core import clock
from credit.grades.services import reevaluate
from credit.policies.facts import SubjectKind as SubjectKindEnum
from credit.subjects.error_codes import SubjectError, SubjectErrorCode
from credit.subjects.internal import Subject
from credit.subjects.management import (
    SUBJECT_KIND_ZH,
    Identifier,
    SubjectInputError,
    check_kind_change,
    clean_text,
    identifier,
)
from credit.subjects.models import District, Jurisdiction, SubjectNameChange
from credit.subjects.models import Subject as SubjectModel
from credit.subjects.policy import policy_vocabulary
from credit.subjects.scope import covers, subjects_in_scope
from credit.subjects.types import SubjectKind

_AUDITED: tuple[str, ...] = ("kind", "name", "uscc", "id_number_masked", "district_id", "address")
_AUDITED += ("legal_representative", "licence_no", "jurisdiction_id")


@strawberry.input(description="新建主体")
class SubjectCreateInput:
    name: str
    kind: SubjectKind  # type: ignore[valid-type]
    district: str = strawberry.field(description="所属辖区（分、县（市）局）代码")
    uscc: str | None = strawberry.field(default=None, description="统一社会信用代码（单位）")
    id_number: str | None = strawberry.field(default=None, description="居民身份证号码（自然人）")
    address: str = ""
    legal_representative: str = ""
    licence_no: str = strawberry.field(default="", description="许可证/备案编号")


@strawberry.input(description="修改主体：未给出（null）的字段不变")
class SubjectUpdateInput:
    name: str | None = None
    kind: SubjectKind | None = None  # type: ignore[valid-type]
    district: str | None = None
    uscc: str | None = None
    id_number: str | None = None
    address: str | None = None
    legal_representative: str | None = None
    licence_no: str | None = None


@strawberry.type
class SubjectPayload:
    subject: Subject | None
    duplicate_of: Subject | None = strawberry.field(
        default=None, description="重复时：已登记的主体（仅当调用者有权查看时）"
    )
    errors: list[SubjectError] = strawberry.field(default_factory=list)


def _invalid(exc: SubjectInputError) -> MutationFailed:
    return MutationFailed(str(exc), SubjectErrorCode.INVALID, exc.field)


async def _district_in_scope(actor: Actor, code: str, conn: BaseDBAsyncClient) -> District:
    d = await District.get_or_none(code=code.strip(), using_db=conn) if code.strip() else None
    if d is None:
        raise MutationFailed(f"未知的辖区代码：{code}", SubjectErrorCode.INVALID, "district")
    if not d.is_active:
        raise MutationFailed(f"辖区“{d.name}”已停用", SubjectErrorCode.INVALID, "district")
    if not covers(actor, SimpleNamespace(jurisdiction_id=d.jurisdiction_id, district_id=d.id)):
        raise MutationFailed(
            f"辖区“{d.name}”不在您的数据范围内", SubjectErrorCode.OUT_OF_SCOPE, "district"
        )
    return d


async def _check_governed(kind: SubjectKindEnum, district: District, conn: Any) -> None:
    j = await Jurisdiction.get(id=district.jurisdiction_id, using_db=conn)
    vocab = await policy_vocabulary(j.policy_code, conn)
    if kind not in vocab.subject_kinds:
        raise MutationFailed(
            f"{j.name}适用的{vocab.regulation}不适用于{SUBJECT_KIND_ZH[kind]}",
            SubjectErrorCode.INVALID,
            "kind",
        )


class _Duplicate(MutationFailed):
    def __init__(self, message: str, field: str, existing: SubjectModel | None) -> None:
        super().__init__(message, SubjectErrorCode.DUPLICATE, field)
        self.existing = existing


async def _check_unique(
    actor: Actor, key: Identifier, conn: BaseDBAsyncClient, exclude_id: int | None = None
) -> None:
    """A USCC or ID number is registered once, in every jurisdiction. The existing subject
    is named only to a caller whose scope holds it."""
    if key.uscc:
        query = SubjectModel.filter(uscc=key.uscc)
        what = f"统一社会信用代码 {key.uscc}"
    else:
        assert key.id_number
        query = SubjectModel.filter(id_number_digest=digest(key.id_number))
        what = "该居民身份证号码"
    if exclude_id is not None:
        query = query.exclude(id=exclude_id)
    existing = await query.using_db(conn).first()
    if existing is None:
        return
    visible = await subjects_in_scope(actor).filter(id=existing.id).using_db(conn).exists()
    if visible:
        message = f"{what}已登记为主体“{existing.name}”（编号 {existing.id}）"
        raise _Duplicate(message, key.field, existing)
    raise _Duplicate(f"{what}已登记为主体（不在您的数据范围内）", key.field, None)


def _identity(key: Identifier) -> dict[str, Any]:
    if key.id_number:
        return {"uscc": None, **protect_id_number(key.id_number)}
    empty = dict.fromkeys(("id_number_digest", "id_number_cipher", "id_number_masked"))
    return {"uscc": key.uscc, **empty}


def _snapshot(s: SubjectModel) -> dict[str, Any]:
    out = {name: getattr(s, name) for name in _AUDITED}
    out["kind"] = str(out["kind"].value if hasattr(out["kind"], "value") else out["kind"])
    return out


async def _run(info: Info, action: str, body: Any) -> SubjectPayload:
    duplicate: list[SubjectModel] = []

    async def guarded(conn: BaseDBAsyncClient) -> Outcome:
        try:
            return await body(conn)
        except _Duplicate as exc:
            if exc.existing is not None:
                duplicate.append(exc.existing)
            raise
        except SubjectInputError as exc:
            raise _invalid(exc) from exc
        except IntegrityError as exc:  # a concurrent create of the same key
            raise MutationFailed(
                "统一社会信用代码或身份证号码刚被他人登记，请刷新后查看",
                SubjectErrorCode.DUPLICATE,
                None,
            ) from exc

    value, errors = await run_mutation(info, action, guarded, SubjectError)
    return SubjectPayload(
        subject=Subject.from_model(value) if value else None,
        duplicate_of=Subject.from_model(duplicate[0]) if duplicate else None,
        errors=errors,
    )


@strawberry.type
class SubjectMutations:
    @strawberry.mutation(
        extensions=requires(Permission.MANAGE_SUBJECTS), description="新建主体（数据范围内）"
    )
    async def subject_create(self, info: Info, input: SubjectCreateInput) -> SubjectPayload:
        actor = info.context.actor

        async def body(conn: BaseDBAsyncClient) -> Outcome:
            kind = SubjectKindEnum(input.kind)
            name = clean_text("name", input.name, required=True)
            key = identifier(kind, input.uscc, input.id_number)
            fields = {
                "address": clean_text("address", input.address),
                "legal_representative": clean_text(
                    "legalRepresentative", input.legal_representative
                ),
                "licence_no": clean_text("licenceNo", input.licence_no),
            }
            district = await _district_in_scope(actor, input.district, conn)
            await _check_governed(kind, district, conn)
            await _check_unique(actor, key, conn)
            row = await SubjectModel.create(
                kind=kind,
                name=name,
                jurisdiction_id=district.jurisdiction_id,
                district_id=district.id,
                **_identity(key),
                **fields,
                using_db=conn,
            )
            await reevaluate(row, conn)
            return Outcome(row, "subject", row.id, None, _snapshot(row))

        return await _run(info, "subject.create", body)

    @strawberry.mutation(
        extensions=requires(Permission.MANAGE_SUBJECTS),
        description="修改主体（数据范围内）；名称变更记入曾用名",
    )
    async def subject_update(
        self, info: Info, id: strawberry.ID, input: SubjectUpdateInput
    ) -> SubjectPayload:
        actor = info.context.actor

        async def body(conn: BaseDBAsyncClient) -> Outcome:
            missing = MutationFailed("主体不存在", SubjectErrorCode.NOT_FOUND, "id")
            try:
                sid = int(id)
            except (TypeError, ValueError) as exc:
                raise missing from exc
            row = (
                await SubjectModel.filter(id=sid)
                .using_db(conn)
                .select_for_update(no_key=True)
                .first()
            )
            if row is None or not covers(actor, row):
                raise missing
            before = _snapshot(row)
            old_kind = SubjectKindEnum(row.kind)
            kind = SubjectKindEnum(input.kind) if input.kind is not None else old_kind
            check_kind_change(old_kind, kind)
            changes: dict[str, Any] = {"kind": kind}
            if input.name is not None:
                changes["name"] = clean_text("name", input.name, required=True)
            for attr, field in (
                ("address", "address"),
                ("legal_representative", "legalRepresentative"),
                ("licence_no", "licenceNo"),
            ):
                value = getattr(input, attr)
                if value is not None:
                    changes[attr] = clean_text(field, value)
            if input.uscc is not None or input.id_number is not None:
                person = kind == SubjectKindEnum.NATURAL_PERSON
                key = identifier(
                    kind,
                    None if person else input.uscc,
                    input.id_number if person else None,
                )
                if key.uscc != row.uscc or (
                    key.id_number and digest(key.id_number) != row.id_number_digest
                ):
                    await _check_unique(actor, key, conn, exclude_id=row.id)
                    changes.update(_identity(key))
            district_id = row.district_id
            if input.district is not None:
                district = await _district_in_scope(actor, input.district, conn)
                if district.jurisdiction_id != row.jurisdiction_id:
                    raise MutationFailed(
                        "不能把主体改到另一辖区（适用的政策不同）：请在原辖区内选择",
                        SubjectErrorCode.INVALID,
                        "district",
                    )
                district_id = changes["district_id"] = district.id
            if kind != old_kind:
                d = await District.get(id=district_id, using_db=conn)
                await _check_governed(kind, d, conn)
            changes = {k: v for k, v in changes.items() if getattr(row, k) != v}
            if not changes:
                return Outcome(row, "subject", row.id, None, None, public_change=False)
            if "name" in changes:
                await SubjectNameChange.create(
                    subject_id=row.id,
                    old_name=row.name,
                    new_name=changes["name"],
                    changed_at=clock.now(),
                    changed_by_id=actor.user_id,
                    using_db=conn,
                )
            row.update_from_dict(changes)
            await row.save(using_db=conn, update_fields=[*changes, "updated_at"])
            if {"kind", "district_id"} & set(changes):
                await reevaluate(row, conn)
            after = _snapshot(row)
            return Outcome(
                row,
                "subject",
                row.id,
                {k: before[k] for k in after if after[k] != before[k]},
                {k: after[k] for k in after if after[k] != before[k]},
            )

        return await _run(info, "subject.update", body)
