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


@strawberry.type(description="关注的主体（仅本令牌自己的关注）")
class Watch:
    model: strawberry.Private[WatchModel]

    @strawberry.field(description="统一社会信用代码")
    def uscc(self) -> str:
        return self.model.uscc

    @strawberry.field(description="主体名称")
    async def subject_name(self, info: Info) -> str:
        s = await info.context.loaders.get(subject_by_id).load(self.model.subject_id)
        return s.name if s else ""

    @strawberry.field(description="开始关注的时间")
    def created_at(self) -> datetime:
        return self.model.created_at


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
    model: strawberry.Private[WatchEventModel]

    @strawberry.field(description="事件编号（幂等键）")
    def event_id(self) -> strawberry.ID:
        return strawberry.ID(str(self.model.event_id))

    @strawberry.field(description="游标：从此之后继续读取（after）")
    def cursor(self) -> str:
        return encode_position(self.model.position)

    @strawberry.field(description="统一社会信用代码")
    def uscc(self) -> str:
        return self.model.uscc

    @strawberry.field
    def kind(self) -> WatchEventKind:  # type: ignore[valid-type]
        return WatchEventKindEnum(self.model.kind)

    @strawberry.field(description="变更前的公开信息")
    def before(self) -> strawberry.scalars.JSON | None:
        return self.model.before

    @strawberry.field(description="变更后的公开信息")
    def after(self) -> strawberry.scalars.JSON | None:
        return self.model.after

    @strawberry.field(description="生效日期")
    def effective_date(self) -> date:
        return self.model.effective_date

    @strawberry.field(description="变更理由")
    def reasons(self) -> list[WatchEventReason]:
        return [
            WatchEventReason(
                summary=str(r.get("summary", "")),
                rule=str(r.get("rule", "")),
                article=str(r.get("article", "")),
            )
            for r in self.model.reasons or []
        ]

    @strawberry.field(description="写入时间")
    def created_at(self) -> datetime:
        return self.model.created_at


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


def node(e: WatchEventModel) -> WatchEventNode:
    return WatchEventNode(model=e)
