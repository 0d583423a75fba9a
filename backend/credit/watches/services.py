"""The rules of change events, without a database: the diff of two public snapshots of a
subject (credit.watches.snapshot) into events, in the order they are written."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from credit.policies.facts import ListKind, RecordStatus
from credit.watches.models import WatchEventKind

LIST_NAMES = {ListKind.RED: "红名单", ListKind.WATCH: "警示目录", ListKind.BLACK: "黑名单"}
GRADE_NAMES = {"A": "A级（信用优良）", "B": "B级（一般失信）", "C": "C级（严重失信）"}


@dataclass
class EventDraft:
    kind: WatchEventKind
    effective_date: date
    reasons: list[dict[str, Any]] = field(default_factory=list)


def _reason(summary: str, rule: str = "", article: str = "") -> dict[str, Any]:
    return {"summary": summary, "rule": rule, "article": article}


def _list_key(e: dict[str, Any]) -> tuple[str, str, str]:
    return (e["list"], e["since"], e["article"])


def _grade_name(grade: str | None) -> str:
    return GRADE_NAMES.get(grade or "", "未评级")


def _record_label(r: dict[str, Any]) -> str:
    return f"{r.get('typeName') or r.get('type')}（{r.get('decisionNo') or r.get('summary')}）"


def removed_kind(status: str | None) -> WatchEventKind:
    """Why a record left the public snapshot: its status says revoked or repaired; a record
    still published (or a derived record) has left its public window."""
    if status == RecordStatus.REVOKED:
        return WatchEventKind.RECORD_REVOKED
    if status == RecordStatus.REPAIRED:
        return WatchEventKind.RECORD_REPAIRED
    return WatchEventKind.RECORD_PUBLIC_WINDOW_ENDED


_REMOVED_TEXT = {
    WatchEventKind.RECORD_REVOKED: "信用信息已撤销，不再公示",
    WatchEventKind.RECORD_REPAIRED: "信用修复完成，信用信息停止公示",
    WatchEventKind.RECORD_PUBLIC_WINDOW_ENDED: "信用信息公示期届满，不再公示",
}


def diff(
    before: dict[str, Any],
    after: dict[str, Any],
    effective_date: date,
    record_status: dict[str, str] | None = None,
) -> list[EventDraft]:
    """The events that take the public state `before` to `after`. `record_status`: status
    of the records that left the public snapshot, by record id (as in the snapshot)."""
    status = record_status or {}
    out: list[EventDraft] = []

    old_records = {r["id"]: r for r in before.get("records", [])}
    new_records = {r["id"]: r for r in after.get("records", [])}
    for rid in sorted(old_records.keys() - new_records.keys()):
        r = old_records[rid]
        kind = removed_kind(status.get(rid))
        day = effective_date
        if kind == WatchEventKind.RECORD_PUBLIC_WINDOW_ENDED and r.get("publicUntil"):
            day = min(day, date.fromisoformat(r["publicUntil"]))
        out.append(
            EventDraft(
                kind,
                day,
                [_reason(f"{_REMOVED_TEXT[kind]}：{_record_label(r)}", r.get("type") or "")],
            )
        )
    for rid in sorted(new_records.keys() - old_records.keys()):
        r = new_records[rid]
        text = f"公布信用信息：{_record_label(r)}"
        out.append(
            EventDraft(
                WatchEventKind.RECORD_PUBLISHED,
                effective_date,
                [_reason(text, r.get("type") or "")],
            )
        )

    old_lists = {_list_key(e): e for e in before.get("lists", [])}
    new_lists = {_list_key(e): e for e in after.get("lists", [])}
    for key in sorted(old_lists.keys() - new_lists.keys()):
        e = old_lists[key]
        day = effective_date
        if e.get("until"):  # exclusive: the entry ends on `until`
            day = min(day, date.fromisoformat(e["until"]))
        name = LIST_NAMES.get(ListKind(e["list"]), e["list"])
        out.append(
            EventDraft(
                WatchEventKind.LIST_ENTRY_ENDED,
                day,
                [_reason(f"移出{name}（列入日期 {e['since']}）", "", e["article"])],
            )
        )
    for key in sorted(new_lists.keys() - old_lists.keys()):
        e = new_lists[key]
        name = LIST_NAMES.get(ListKind(e["list"]), e["list"])
        text = f"列入{name}（自 {e['since']} 起" + (
            f"至 {e['until']}）" if e.get("until") else "）"
        )
        if e.get("decisionNo"):
            text += f"，决定书文号 {e['decisionNo']}"
        out.append(
            EventDraft(
                WatchEventKind.LIST_ENTRY_ADDED, effective_date, [_reason(text, "", e["article"])]
            )
        )

    if before.get("grade") != after.get("grade"):
        text = f"信用等级由{_grade_name(before.get('grade'))}变为{_grade_name(after.get('grade'))}"
        reasons = [_reason(text)] + [
            _reason(r["summary"], r.get("rule", ""), r.get("article", ""))
            for r in after.get("gradeReasons", [])
        ]
        out.append(EventDraft(WatchEventKind.GRADE_CHANGED, effective_date, reasons))
    return out
