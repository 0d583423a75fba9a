"""The GraphQL enums of subjects (shared by the public types and the list entries)."""

from __future__ import annotations

import strawberry

from credit.policies.facts import GradeLevel as GradeLevelEnum
from credit.policies.facts import ListKind as ListKindEnum
from credit.policies.facts import SubjectKind as SubjectKindEnum

SubjectKind = strawberry.enum(SubjectKindEnum, description="主体类型")
ListKind = strawberry.enum(ListKindEnum, description="名单：红名单 / 警示目录 / 黑名单")
GradeLevel = strawberry.enum(
    GradeLevelEnum, description="信用等级：A 信用优良 / B 一般失信 / C 严重失信 / 未评级"
)
