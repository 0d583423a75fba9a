"""GraphQL types of watches and change events (the delivery side reuses `WatchEventNode`
and the cursor helpers for the subscription)."""

from __future__ import annotations

import base64
from datetime import date, datetime
from enum import StrEnum

import strawberry

from credit.apicore.context import Info
from credit.apicore.errors import CodedError, ErrorCode
from credit.subjects.loaders import subject_by_id
from credit.watches.models import Watch as WatchModel
from credit.watches.models import WatchEvent as WatchEventModel
from credit.watches.models import WatchEventKind as WatchEventKindEnum

WatchEventKind = strawberry.enum(
    WatchEventKindEnum,
    description="变更类型：列入名单 / 移出名单 / 等级变化 / 公布信用信息 / 撤销 / 信用修复 / "
    "公示期届满",
)


@strawberry.enum(description="逐个代码的处理结果")
class WatchOutcome(StrEnum):
    ADDED = "ADDED"  # 已加入关注
    ALREADY_WATCHED = "ALREADY_WATCHED"  # 已在关注列表中
    REMOVED = "REMOVED"  # 已取消关注
    NOT_WATCHED = "NOT_WATCHED"  # 不在关注列表中
    UNKNOWN_SUBJECT = "UNKNOWN_SUBJECT"  # 未收录该代码的主体
    INVALID = "INVALID"  # 代码格式错误（见 reason）


@strawberry.type(description="一个代码的处理结果（与输入一一对应）")
class WatchResult:
    input: str = strawberry.field(description="提交的原始代码")
    uscc: str | None = strawberry.field(description="规范化后的代码；格式错误时为 null")
    outcome: WatchOutcome
    reason: str | None = strawberry.field(
        description="格式错误的原因代码：length / character / authority / check_digit"
    )
    message: str = strawberry.field(description="中文说明")


# Declared before the type: a field with a resolver keeps its place among the plain fields
# only when it is assigned in the class body (strawberry lists annotated fields first, then
# decorated methods), and the schema's field order is part of the API.
async def _subject_name(root: Watch, info: Info) -> str:
    s = await info.context.loaders.get(subject_by_id).load(root.row.subject_id)
    return s.name if s else ""


@strawberry.type(description="关注的主体（仅本令牌自己的关注）")
class Watch:
    row: strawberry.Private[WatchModel]
    uscc: str = strawberry.field(description="统一社会信用代码")
    subject_name: str = strawberry.field(resolver=_subject_name, description="主体名称")
    created_at: datetime = strawberry.field(description="开始关注的时间")

    @classmethod
    def from_model(cls, row: WatchModel) -> Watch:
        return cls(row=row, uscc=row.uscc, created_at=row.created_at)


@strawberry.type(description="变更的理由：说明、规则与条款")
class WatchEventReason:
    summary: str
    rule: str
    article: str


@strawberry.type(
    description="关注主体的一次公开信息变更。before / after 为变更前后的公开信息（与公开查询相同："
    "名单、等级及理由、公开的信用信息），eventId 为幂等键"
)
class WatchEventNode:
    event_id: strawberry.ID = strawberry.field(description="事件编号（幂等键）")
    cursor: str = strawberry.field(description="游标：从此之后继续读取（after）")
    uscc: str = strawberry.field(description="统一社会信用代码")
    kind: WatchEventKind  # type: ignore[valid-type]
    before: strawberry.scalars.JSON | None = strawberry.field(description="变更前的公开信息")
    after: strawberry.scalars.JSON | None = strawberry.field(description="变更后的公开信息")
    effective_date: date = strawberry.field(description="生效日期")
    reasons: list[WatchEventReason] = strawberry.field(description="变更理由")
    created_at: datetime = strawberry.field(description="写入时间")

    @classmethod
    def from_model(cls, e: WatchEventModel) -> WatchEventNode:
        return cls(
            event_id=strawberry.ID(str(e.event_id)),
            cursor=encode_position(e.position),
            uscc=e.uscc,
            kind=WatchEventKindEnum(e.kind),
            before=e.before,
            after=e.after,
            effective_date=e.effective_date,
            reasons=[
                WatchEventReason(
                    summary=str(r.get("summary", "")),
                    rule=str(r.get("rule", "")),
                    article=str(r.get("article", "")),
                )
                for r in e.reasons or []
            ],
            created_at=e.created_at,
        )


@strawberry.type(description="一页变更事件（按写入顺序）；下一页以 endCursor 为 after")
class WatchEventPage:
    events: list[WatchEventNode]
    end_cursor: str | None = strawberry.field(
        description="本页最后一个事件的游标；本页为空时为请求的 after（原样返回）"
    )
    has_next_page: bool


def encode_position(position: int) -> str:
    """The opaque cursor of an event position."""
    return base64.urlsafe_b64encode(f"w:{position}".encode()).decode()


def decode_position(cursor: str | None, field: str = "after") -> int | None:
    """The position a cursor stands for (None: from the start); a bad cursor is a coded
    INVALID_ARGUMENT naming `field`."""
    if cursor is None or cursor == "":
        return None
    try:
        kind, value = base64.urlsafe_b64decode(cursor.encode()).decode().split(":", 1)
        position = int(value)
        if kind != "w" or position < 0:
            raise ValueError(kind)
    except (ValueError, UnicodeDecodeError) as exc:
        raise CodedError("游标无效", ErrorCode.INVALID_ARGUMENT, field=field) from exc
    return position
