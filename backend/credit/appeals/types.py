"""GraphQL enums of appeals on a decision."""

from __future__ import annotations

import strawberry

from credit.appeals import services

AppealKind = strawberry.enum(
    services.AppealKind, description="救济途径：行政复议/行政诉讼（第十六条）"
)
AppealOutcome = strawberry.enum(
    services.AppealOutcome, description="复议/诉讼结果：待定/维持/撤销/变更/确认违法/撤回"
)
