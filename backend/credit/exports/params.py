"""The parameters of an export URL: each is a GraphQL argument of the page's field, parsed
and checked here so that a bad one gets a 400 naming it, before anything is fetched."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

MAX_TEXT = 100


class BadParam(Exception):
    def __init__(self, name: str, message: str) -> None:
        super().__init__(message)
        self.name = name
        self.message = message


@dataclass(frozen=True)
class Param:
    name: str  # the URL parameter, also the GraphQL argument
    label: str  # Chinese, for the file's header rows
    gql_type: str
    parse: Callable[[str, str], Any]  # (name, raw) -> value; raises BadParam
    show: Callable[[Any], str] = str  # the value in Chinese
    required: bool = False


def text(name: str, raw: str) -> str | None:
    value = raw.strip()
    if len(value) > MAX_TEXT:
        raise BadParam(name, f"{name} 过长（最多 {MAX_TEXT} 字）")
    return value or None


_CODE = re.compile(r"^[A-Za-z0-9_.\-]{1,64}$")


def code(name: str, raw: str) -> str | None:
    value = raw.strip()
    if value and not _CODE.match(value):
        raise BadParam(name, f"{name} 格式不正确")
    return value or None


def day(name: str, raw: str) -> date | None:
    value = raw.strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise BadParam(name, f"{name} 应为日期，格式 YYYY-MM-DD") from exc


def object_id(name: str, raw: str) -> str | None:
    value = raw.strip()
    if value and not value.isdigit():
        raise BadParam(name, f"{name} 应为数字编号")
    return value or None


def one_of(choices: Mapping[str, str]) -> Callable[[str, str], str | None]:
    def parse(name: str, raw: str) -> str | None:
        value = raw.strip()
        if value and value not in choices:
            raise BadParam(name, f"{name} 只能是：{'、'.join(choices)}")
        return value or None

    return parse


def many_of(choices: Mapping[str, str]) -> Callable[[str, str], list[str] | None]:
    single = one_of(choices)

    def parse(name: str, raw: str) -> list[str] | None:
        values = [v for v in (single(name, part) for part in raw.split(",")) if v]
        return sorted(set(values), key=list(choices).index) or None

    return parse


def label_of(choices: Mapping[str, str]) -> Callable[[Any], str]:
    def show(value: Any) -> str:
        if isinstance(value, list):
            return "、".join(choices[v] for v in value)
        return choices[value]

    return show


def parse_all(params: tuple[Param, ...], query: Mapping[str, str]) -> dict[str, Any]:
    """The GraphQL variables of a request; unknown or repeated parameters are refused too
    (a misspelt filter would otherwise export everything)."""
    known = {p.name for p in params}
    for name in query:
        if name not in known:
            allowed = "、".join(sorted(known)) or "无"
            raise BadParam(name, f"未知参数 {name}（可用：{allowed}）")
    out: dict[str, Any] = {}
    for p in params:
        value = p.parse(p.name, query.get(p.name, ""))
        if value is None and p.required:
            raise BadParam(p.name, f"缺少参数 {p.name}（{p.label}）")
        if value is not None:
            out[p.name] = value
    return out
