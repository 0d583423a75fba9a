"""Partners' watch lists (watchAdd, watchRemove, watches) and the polling query of their
change events (watchEventsPage). A token sees and changes only its own watches."""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

import strawberry
from tortoise.backends.base.client import BaseDBAsyncClient

from credit.accounts.models import ApiToken
from credit.accounts.permissions import Permission, requires
from credit.apicore.context import Info
from credit.apicore.errors import CodedError, ErrorCode
from credit.apicore.mutations import MutationFailed, Outcome, run_mutation
from credit.apicore.pagination import Connection, connection, page_bounds
from credit.core import clock
from credit.core.settings import get_settings
from credit.policies.facts import SubjectKind
from credit.subjects.identifiers import InvalidUSCC, validate_uscc
from credit.subjects.models import Subject
from credit.watches.error_codes import WatchError, WatchErrorCode
from credit.watches.events import ensure_snapshots
from credit.watches.models import Watch as WatchModel
from credit.watches.queries import events_for_token
from credit.watches.types import (
    Watch,
    WatchEventNode,
    WatchEventPage,
    WatchOutcome,
    WatchResult,
    decode_position,
    encode_position,
)

MAX_CODES = 1000
MAX_EVENTS_PAGE = 100

_MESSAGES = {
    WatchOutcome.ADDED: "已加入关注",
    WatchOutcome.ALREADY_WATCHED: "已在关注列表中",
    WatchOutcome.REMOVED: "已取消关注",
    WatchOutcome.NOT_WATCHED: "不在关注列表中",
    WatchOutcome.UNKNOWN_SUBJECT: "未收录该统一社会信用代码的主体",
}


@strawberry.type
class WatchAddPayload:
    results: list[WatchResult] | None
    added: int
    errors: list[WatchError]


@strawberry.type
class WatchRemovePayload:
    results: list[WatchResult] | None
    removed: int
    errors: list[WatchError]


@dataclass
class _Parsed:
    input: str
    uscc: str | None
    fault: str | None = None
    message: str = ""


def _parse(usccs: list[str]) -> list[_Parsed]:
    if len(usccs) > MAX_CODES:
        raise MutationFailed(
            f"一次最多提交 {MAX_CODES} 个代码（收到 {len(usccs)} 个）",
            WatchErrorCode.INVALID,
            "usccs",
        )
    if not usccs:
        raise MutationFailed("请至少提交一个代码", WatchErrorCode.INVALID, "usccs")
    out = []
    for raw in usccs:
        try:
            out.append(_Parsed(raw, validate_uscc(raw)))
        except InvalidUSCC as exc:
            out.append(_Parsed(raw, None, exc.fault, str(exc)))
    return out


def _result(p: _Parsed, outcome: WatchOutcome) -> WatchResult:
    return WatchResult(
        input=p.input,
        uscc=p.uscc,
        outcome=outcome,
        reason=p.fault,
        message=p.message if outcome == WatchOutcome.INVALID else _MESSAGES[outcome],
    )


def _token_id(info: Info) -> int:
    token_id = info.context.actor.token_id
    if token_id is None:
        raise MutationFailed(
            "关注列表属于合作机构令牌：请以 API 令牌调用", WatchErrorCode.INVALID_STATE
        )
    return token_id


async def _lock_token(conn: BaseDBAsyncClient, token_id: int) -> None:
    """A token's watch changes run one at a time (the limit is counted under this lock)."""
    await ApiToken.filter(id=token_id).using_db(conn).select_for_update().first()


async def _subjects(conn: BaseDBAsyncClient, codes: list[str]) -> dict[str, Subject]:
    # Watched by USCC: organisations only (a natural person has no USCC).
    rows = (
        await Subject.filter(uscc__in=codes)
        .exclude(kind=SubjectKind.NATURAL_PERSON)
        .using_db(conn)
        .order_by("id")
    )
    return {s.uscc: s for s in rows if s.uscc}


@strawberry.type
class WatchMutations:
    @strawberry.mutation(
        extensions=requires(Permission.WATCH_SUBJECTS),
        description=f"关注主体（按统一社会信用代码，一次最多 {MAX_CODES} 个）：代码先规范化再校验，"
        "结果与输入一一对应（已加入 / 已在关注 / 未收录 / 格式错误及原因）。只能关注有统一社会信用"
        "代码的组织（企业、社会组织、个体工商户），自然人不能关注。每个令牌关注总数有上限"
        "（WATCH_LIMIT_PER_TOKEN，默认 100000），超出时整批不写入并返回 WATCH_LIMIT_EXCEEDED。",
    )
    async def watch_add(self, info: Info, usccs: list[str]) -> WatchAddPayload:
        async def body(conn: BaseDBAsyncClient) -> Outcome:
            token_id = _token_id(info)
            parsed = _parse(usccs)
            await _lock_token(conn, token_id)
            found = await _subjects(conn, [p.uscc for p in parsed if p.uscc])
            # values_list(flat=True) gives the ids themselves (Tortoise types them as tuples)
            ids = (
                await WatchModel.filter(
                    token_id=token_id, subject_id__in=[s.id for s in found.values()]
                )
                .using_db(conn)
                .values_list("subject_id", flat=True)
            )
            watched = set(cast(list[int], ids))
            results: list[WatchResult] = []
            new: list[Subject] = []
            for p in parsed:
                subject = found.get(p.uscc) if p.uscc else None
                if p.uscc is None:
                    results.append(_result(p, WatchOutcome.INVALID))
                elif subject is None:
                    results.append(_result(p, WatchOutcome.UNKNOWN_SUBJECT))
                elif subject.id in watched:
                    results.append(_result(p, WatchOutcome.ALREADY_WATCHED))
                else:
                    watched.add(subject.id)
                    new.append(subject)
                    results.append(_result(p, WatchOutcome.ADDED))
            limit = get_settings().watch_limit_per_token
            have = await WatchModel.filter(token_id=token_id).using_db(conn).count()
            if have + len(new) > limit:
                raise MutationFailed(
                    f"关注数量超出上限：每个令牌最多关注 {limit} 个主体（已关注 {have} 个，"
                    f"本次新增 {len(new)} 个），本次未写入",
                    WatchErrorCode.WATCH_LIMIT_EXCEEDED,
                    "usccs",
                )
            if new:
                now = clock.now()
                await WatchModel.bulk_create(
                    [
                        WatchModel(token_id=token_id, subject_id=s.id, uscc=s.uscc, created_at=now)
                        for s in new
                    ],
                    using_db=conn,
                )
                await ensure_snapshots(conn, [s.id for s in new])
            after = {"added": [s.uscc for s in new][:100], "addedCount": len(new)}
            return Outcome(results, "watch", token_id, None, after, public_change=False)

        value, errors = await run_mutation(info, "watch.add", body, WatchError)
        if value is None:
            return WatchAddPayload(results=None, added=0, errors=errors)
        added = sum(1 for r in value if r.outcome == WatchOutcome.ADDED)
        return WatchAddPayload(results=value, added=added, errors=[])

    @strawberry.mutation(
        extensions=requires(Permission.WATCH_SUBJECTS),
        description=f"取消关注（一次最多 {MAX_CODES} 个代码）；结果与输入一一对应",
    )
    async def watch_remove(self, info: Info, usccs: list[str]) -> WatchRemovePayload:
        async def body(conn: BaseDBAsyncClient) -> Outcome:
            token_id = _token_id(info)
            parsed = _parse(usccs)
            await _lock_token(conn, token_id)
            codes = [p.uscc for p in parsed if p.uscc]
            mine = {
                w.uscc: w
                for w in await WatchModel.filter(token_id=token_id, uscc__in=codes).using_db(conn)
            }
            results: list[WatchResult] = []
            gone: list[int] = []
            for p in parsed:
                w = mine.pop(p.uscc, None) if p.uscc else None
                if p.uscc is None:
                    results.append(_result(p, WatchOutcome.INVALID))
                elif w is None:
                    results.append(_result(p, WatchOutcome.NOT_WATCHED))
                else:
                    gone.append(w.id)
                    results.append(_result(p, WatchOutcome.REMOVED))
            if gone:
                await WatchModel.filter(id__in=gone).using_db(conn).delete()
            after = {"removedCount": len(gone)}
            return Outcome(results, "watch", token_id, None, after, public_change=False)

        value, errors = await run_mutation(info, "watch.remove", body, WatchError)
        if value is None:
            return WatchRemovePayload(results=None, removed=0, errors=errors)
        removed = sum(1 for r in value if r.outcome == WatchOutcome.REMOVED)
        return WatchRemovePayload(results=value, removed=removed, errors=[])


def _query_token_id(info: Info) -> int:
    token_id = info.context.actor.token_id
    if token_id is None:
        raise CodedError("关注列表属于合作机构令牌：请以 API 令牌调用", ErrorCode.PERMISSION_DENIED)
    return token_id


@strawberry.type
class WatchQueries:
    @strawberry.field(
        extensions=requires(Permission.WATCH_SUBJECTS),
        description="本令牌关注的主体，按开始关注的先后",
    )
    async def watches(
        self, info: Info, first: int | None = 20, after: str | None = None
    ) -> Connection[Watch]:
        offset, limit = page_bounds(first, after)
        query = WatchModel.filter(token_id=_query_token_id(info))
        total = await query.count()
        rows = await query.order_by("id").offset(offset).limit(limit)
        return connection([Watch.from_model(w) for w in rows], offset, total)

    @strawberry.field(
        extensions=requires(Permission.WATCH_SUBJECTS),
        description=f"轮询读取关注主体的变更事件（每页最多 {MAX_EVENTS_PAGE} 个），按写入顺序；"
        "after 为上次读到的 endCursor（或某事件的 cursor），省略则从头读起。"
        "只含开始关注之后的事件。",
    )
    async def watch_events_page(
        self, info: Info, after: str | None = None, first: int | None = 50
    ) -> WatchEventPage:
        size = 50 if first is None else first
        if not 0 <= size <= MAX_EVENTS_PAGE:
            raise CodedError(
                f"first 须在 0–{MAX_EVENTS_PAGE} 之间", ErrorCode.INVALID_ARGUMENT, field="first"
            )
        position = decode_position(after)
        token_id = _query_token_id(info)
        rows = await events_for_token(token_id, position, size + 1)
        page = rows[:size]
        end = encode_position(page[-1].position) if page else after or None
        return WatchEventPage(
            events=[WatchEventNode.from_model(e) for e in page],
            end_cursor=end,
            has_next_page=len(rows) > size,
        )
