"""Reading the values of one row, each on its own: text, a coded choice, a date, a yes/no,
an amount. Every problem is collected with its field path and the row goes on, so that a
file's every mistake is reported at once."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache
from typing import Any

from credit.records.amounts import InvalidAmount, parse_amount
from credit.records.importer.choices import BOOLEANS
from credit.records.importer.formats.columns import fold
from credit.records.importer.rows import ImportIssue
from credit.records.rules import RuleCode

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_INVALID = date.min  # YYYY-MM-DD that is no date (2025-02-30)


@lru_cache(maxsize=16384)  # a file's dates repeat
def _day(text: str) -> date | None:
    """The date of YYYY-MM-DD, _INVALID if it has the form but is no date, else None."""
    if not _DATE.match(text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return _INVALID


class RowReader:
    """Reads the fields of one row, collecting every problem with its field path."""

    def __init__(self, line: int, data: Mapping[str, Any], issues: list[ImportIssue]) -> None:
        self.line = line
        self.data = data
        self.issues = issues
        self.ok = True

    def error(self, path: str | None, message: str, code: str | None = None) -> None:
        self.issues.append(ImportIssue(self.line, path, message, code=code))
        self.ok = False

    def unknown(self, data: Mapping[str, Any], allowed: frozenset[str], prefix: str = "") -> None:
        for key in data:
            if key not in allowed:
                self.error(f"{prefix}{key}", "未知字段（或不适用于这一类行）")

    @staticmethod
    def _present(value: Any) -> bool:
        return value is not None and not (isinstance(value, str) and not value.strip())

    def text(
        self,
        data: Mapping[str, Any],
        name: str,
        path: str,
        *,
        required: bool = False,
        max_len: int | None = None,
    ) -> str | None:
        value = data.get(name)
        if not self._present(value):
            if required:
                self.error(path, "必填字段缺失")
            return None
        if isinstance(value, bool) or not isinstance(value, str | int | Decimal):
            self.error(path, "应为文本")
            return None
        text = str(value).strip()
        if max_len is not None and len(text) > max_len:
            self.error(path, f"长度不能超过{max_len}个字符（当前{len(text)}个）")
            return None
        return text

    def choice(
        self,
        data: Mapping[str, Any],
        name: str,
        path: str,
        table: Mapping[str, Any],
        what: str,
        *,
        required: bool = False,
    ) -> Any:
        text = self.text(data, name, path, required=required)
        if text is None:
            return None
        found = table.get(fold(text))
        if found is None:
            self.error(path, f"未知的{what}：{text}")
        return found

    def day(
        self, name: str, *, required: bool = False, not_after: date | None = None
    ) -> date | None:
        value = self.data.get(name)
        if not self._present(value):
            if required:
                self.error(name, "必填字段缺失")
            return None
        if isinstance(value, datetime):
            self.error(name, "日期格式应为 YYYY-MM-DD（不含时间）")
            return None
        if isinstance(value, date):
            day = value
        elif isinstance(value, str) and (parsed := _day(value.strip())) is not None:
            if parsed is _INVALID:
                self.error(name, f"不是有效的日期：{value.strip()}")
                return None
            day = parsed
        else:
            self.error(name, "日期格式应为 YYYY-MM-DD")
            return None
        if not_after is not None and day > not_after:
            self.error(name, f"日期不能晚于今天（{not_after.isoformat()}）", RuleCode.FUTURE_DATE)
            return None
        return day

    def boolean(self, name: str) -> bool | None:
        value = self.data.get(name)
        if not self._present(value):
            return None
        if isinstance(value, bool):
            return value
        found = BOOLEANS.get(fold(str(value)))
        if found is None:
            self.error(name, f"应为 true/false（是/否、合格/不合格）：{value}")
        return found

    def amount(self, data: Mapping[str, Any], path: str) -> Decimal | None:
        value = data.get("amount_yuan")
        if not self._present(value):
            return Decimal(0)
        try:
            return parse_amount(value)
        except InvalidAmount as exc:
            self.error(path, str(exc))
            return None
