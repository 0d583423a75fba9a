"""The codes of the credit records' mutations (entry, review, corrections, list entries)
and of the bulk import's rows: a record that is not legally complete fails with its rule's
code (credit.records.rules.RuleCode), the same in the console, the API and the import."""

from __future__ import annotations

from enum import StrEnum

import strawberry

from credit.apicore.user_errors import UserError


@strawberry.enum(description="信用信息类变更（录入、审核、更正、名单移出）与批量导入失败的原因")
class RecordErrorCode(StrEnum):
    INVALID = "INVALID"  # a field's value is wrong
    NOT_FOUND = "NOT_FOUND"
    INVALID_STATE = "INVALID_STATE"  # the object is not in a state that allows this
    OUT_OF_SCOPE = "OUT_OF_SCOPE"  # outside the caller's data scope
    CONFLICT = "CONFLICT"  # run_mutation gave up on a colliding transaction
    # A credit record that is not legally complete (credit.records.rules.RuleCode)
    DECISION_REQUIRED = "DECISION_REQUIRED"
    DATE_ORDER = "DATE_ORDER"
    FUTURE_DATE = "FUTURE_DATE"
    AMOUNT_OUT_OF_RANGE = "AMOUNT_OUT_OF_RANGE"


@strawberry.type(description="信用信息类变更的预期内失败")
class RecordError(UserError):
    code: RecordErrorCode
