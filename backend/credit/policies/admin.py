"""Policies in the console: the versions in force, and a new version of a policy's
parameters (validated by the engine's own parameter classes) from a given date.

A new version never rewrites history: evaluations as of a date before `effectiveFrom`
keep using the version that was in force then (credit.policies.services.policy_for).
"""

from __future__ import annotations

from datetime import date
from typing import Any

import strawberry
from strawberry.scalars import JSON
from tortoise.backends.base.client import BaseDBAsyncClient

from credit.accounts.permissions import Permission, requires
from credit.apicore.context import Info
from credit.apicore.mutations import MutationFailed, Outcome, run_mutation
from credit.core import clock
from credit.policies import display
from credit.policies.error_codes import PolicyError, PolicyErrorCode
from credit.policies.models import Policy as PolicyModel
from credit.policies.params import PARAM_LABELS, ParamError, ShenyangParams, WugangParams
from credit.policies.services import expire_evaluations_from

PARAMS_CLASSES: dict[str, type[ShenyangParams] | type[WugangParams]] = {
    "shenyang-jifang-2018": ShenyangParams,
    "wugang-2021": WugangParams,
}


@strawberry.type(description="政策参数（中文名称与取值）")
class PolicyParam:
    key: str
    label: str
    value: str


@strawberry.type(description="政策（版本化的规则集）")
class Policy:
    code: str
    version: int
    name: str
    document_no: str
    effective_from: date
    params: strawberry.scalars.JSON

    @strawberry.field(description="参数，逐项以中文名称与取值列出")
    def param_list(self) -> list[PolicyParam]:
        items: list[tuple[str, Any]] = (
            list(self.params.items()) if isinstance(self.params, dict) else []
        )
        return [
            PolicyParam(
                key=k, label=PARAM_LABELS.get(str(k), str(k)), value=display.param_value(k, v)
            )
            for k, v in items
        ]

    @classmethod
    def from_model(cls, p: PolicyModel) -> Policy:
        return cls(
            code=p.code,
            version=p.version,
            name=p.name,
            document_no=p.document_no,
            effective_from=p.effective_from,
            params=JSON(p.params),
        )


@strawberry.type
class PolicyPayload:
    policy: Policy | None
    errors: list[PolicyError]


@strawberry.type
class PolicyQueries:
    @strawberry.field(
        extensions=requires(Permission.MANAGE_POLICIES), description="政策及其各版本参数"
    )
    async def policies(self) -> list[Policy]:
        rows = await PolicyModel.all().order_by("code", "version")
        return [Policy.from_model(p) for p in rows]


@strawberry.type
class PolicyMutations:
    @strawberry.mutation(
        extensions=requires(Permission.MANAGE_POLICIES),
        description="以新版本发布政策参数（自 effectiveFrom 起适用，不早于今天；此前的评价不变）",
    )
    async def policy_version_create(
        self,
        info: Info,
        code: str,
        params: strawberry.scalars.JSON,
        effective_from: date,
    ) -> PolicyPayload:
        async def body(conn: BaseDBAsyncClient) -> Outcome:
            params_class = PARAMS_CLASSES.get(code)
            if params_class is None:
                raise MutationFailed(f"未知的政策：{code}", PolicyErrorCode.NOT_FOUND, "code")
            if effective_from < clock.today():
                raise MutationFailed(
                    "生效日期不能早于今天（不改变已作出的评价）",
                    PolicyErrorCode.INVALID,
                    "effectiveFrom",
                )
            if not isinstance(params, dict):
                raise MutationFailed("参数须为对象", PolicyErrorCode.INVALID, "params")
            try:
                checked = params_class.from_mapping(params).to_mapping()
            except ParamError as exc:
                raise MutationFailed(str(exc), PolicyErrorCode.INVALID, "params") from exc
            except (ValueError, TypeError) as exc:
                raise MutationFailed(
                    f"参数不合法：{exc}", PolicyErrorCode.INVALID, "params"
                ) from exc
            latest = await PolicyModel.filter(code=code).using_db(conn).order_by("-version").first()
            assert latest is not None  # the seeds load every known code
            row = await PolicyModel.create(
                code=code,
                version=latest.version + 1,
                name=latest.name,
                document_no=latest.document_no,
                effective_from=effective_from,
                params=checked,
                using_db=conn,
            )
            await expire_evaluations_from(code, effective_from, conn)
            return Outcome(
                row, "policy", f"{code}@{row.version}", latest.params, checked, public_change=True
            )

        value, errors = await run_mutation(info, "policy.version_create", body, PolicyError)
        return PolicyPayload(policy=Policy.from_model(value) if value else None, errors=errors)
