"""Relay-style cursor pagination, with a hard cap on the page size."""

from __future__ import annotations

import base64
from collections.abc import Sequence
from typing import Generic, TypeVar

import strawberry

from credit.apicore.errors import CodedError, ErrorCode

MAX_PAGE_SIZE = 100
T = TypeVar("T")


@strawberry.type
class PageInfo:
    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None


@strawberry.type
class Edge(Generic[T]):
    node: T
    cursor: str


@strawberry.type
class Connection(Generic[T]):
    edges: list[Edge[T]]
    page_info: PageInfo
    total_count: int


def encode_cursor(offset: int) -> str:
    return base64.urlsafe_b64encode(f"o:{offset}".encode()).decode()


def decode_cursor(cursor: str | None) -> int:
    """The offset after which the next page starts (-1 for none)."""
    if not cursor:
        return -1
    try:
        kind, value = base64.urlsafe_b64decode(cursor.encode()).decode().split(":", 1)
        if kind != "o":
            raise ValueError(kind)
        return int(value)
    except (ValueError, UnicodeDecodeError) as exc:
        raise CodedError("游标无效（after）", ErrorCode.INVALID_ARGUMENT, field="after") from exc


def page_bounds(first: int | None, after: str | None) -> tuple[int, int]:
    """(offset, limit) for a request; `first` is capped at MAX_PAGE_SIZE."""
    size = 20 if first is None else first
    if size < 0:
        raise CodedError("first 不能为负数", ErrorCode.INVALID_ARGUMENT, field="first")
    if size > MAX_PAGE_SIZE:
        raise CodedError(
            f"每页最多 {MAX_PAGE_SIZE} 条（first={size}）",
            ErrorCode.INVALID_ARGUMENT,
            field="first",
        )
    return decode_cursor(after) + 1, size


def connection(items: Sequence[T], offset: int, total: int) -> Connection[T]:
    edges = [Edge(node=n, cursor=encode_cursor(offset + i)) for i, n in enumerate(items)]
    return Connection(
        edges=edges,
        page_info=PageInfo(
            has_next_page=offset + len(items) < total,
            has_previous_page=offset > 0,
            start_cursor=edges[0].cursor if edges else None,
            end_cursor=edges[-1].cursor if edges else None,
        ),
        total_count=total,
    )
