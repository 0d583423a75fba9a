"""Public GraphQL: checking a credit report's verification code (the SPA's /verify page)."""

from __future__ import annotations

from datetime import date

import strawberry

from credit.creditreport.verify import verify_report


@strawberry.type(description="信用报告核验结果")
class CreditReportVerification:
    valid: bool = strawberry.field(description="核验码与该主体该日的信用报告相符")
    subject_name: str | None = strawberry.field(
        description="主体名称（自然人脱敏）；未找到主体时为空"
    )
    as_of: date | None = strawberry.field(description="报告的信息截至日期")
    reason: str | None = strawberry.field(description="不相符或无法核验的原因；相符时为空")


@strawberry.type
class CreditReportQueries:
    @strawberry.field(
        description="核验信用报告（PDF）上的核验码：按统一社会信用代码与信息截至日期重新生成"
        "报告内容并比对。核验码不区分大小写，可含空格或连字符。任何错误（代码格式、日期、"
        "未收录、不符）都以 valid=false 与 reason 说明。"
    )
    async def verify_credit_report(
        self, uscc: str, as_of: date, code: str
    ) -> CreditReportVerification:
        result = await verify_report(uscc, as_of, code)
        return CreditReportVerification(
            valid=result.valid,
            subject_name=result.subject_name,
            as_of=result.as_of,
            reason=result.reason,
        )
