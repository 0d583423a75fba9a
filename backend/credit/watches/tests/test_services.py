"""The diff of two public snapshots into change events (no database)."""

from __future__ import annotations

import builtins
from datetime import date
from typing import Any

from credit.watches.models import WatchEventKind as K
from credit.watches.services import diff

DAY = date(2026, 6, 10)
EMPTY: dict[str, Any] = {"grade": None, "gradeReasons": [], "lists": [], "records": []}


def _record(rid: str, public_until: str | None = None) -> dict[str, Any]:
    return {
        "id": rid,
        "type": "watch_list_case",
        "typeName": "技防警示情形",
        "summary": "未履行服务承诺",
        "decisionNo": "沈公技防警〔2026〕9号",
        "publicUntil": public_until,
    }


def _entry(until: str | None = "2027-06-10") -> dict[str, Any]:
    return {
        "list": "WATCH",
        "since": "2026-06-10",
        "until": until,
        "decisionNo": "沈公技防警〔2026〕9号",
        "article": "第十条",
        "recordIds": ["7"],
    }


def test_nothing_changed_is_no_event() -> None:
    snap = EMPTY | {"records": [_record("7")], "lists": [_entry()]}
    assert diff(snap, dict(snap), DAY) == []


def test_publication_that_lists_a_subject_is_two_events_with_chinese_reasons() -> None:
    after = EMPTY | {"records": [_record("7")], "lists": [_entry()]}
    events = diff(EMPTY, after, DAY)
    assert [e.kind for e in events] == [K.RECORD_PUBLISHED, K.LIST_ENTRY_ADDED]
    assert all(e.effective_date == DAY for e in events)
    assert "沈公技防警〔2026〕9号" in events[0].reasons[0]["summary"]
    assert events[1].reasons[0]["summary"].startswith("列入警示目录")
    assert events[1].reasons[0]["article"] == "第十条"


def test_removed_record_kind_follows_its_status() -> None:
    before = EMPTY | {"records": [_record("7"), _record("8"), _record("9", "2026-06-01")]}
    status = {"7": "revoked", "8": "repaired", "9": "published"}
    events = diff(before, EMPTY, DAY, status)
    kinds = [e.kind for e in events]
    assert kinds == [K.RECORD_REVOKED, K.RECORD_REPAIRED, K.RECORD_PUBLIC_WINDOW_ENDED]
    # the window ended on its last public day, not on the day it was noticed
    assert events[2].effective_date == date(2026, 6, 1)
    assert "撤销" in events[0].reasons[0]["summary"]
    assert "信用修复" in events[1].reasons[0]["summary"]


def test_expired_list_entry_ends_on_its_until_day() -> None:
    before = EMPTY | {"lists": [_entry(until="2026-06-05")]}
    [event] = diff(before, EMPTY, DAY)
    assert event.kind == K.LIST_ENTRY_ENDED
    assert event.effective_date == date(2026, 6, 5)
    assert event.reasons[0]["summary"].startswith("移出警示目录")


def test_grade_change_names_both_grades_and_carries_the_grade_reasons() -> None:
    reason = {"summary": "12 个月内受到 1 次警告", "rule": "wugang-b", "article": "第五条"}
    after = EMPTY | {"grade": "B", "gradeReasons": [reason]}
    [event] = diff(EMPTY | {"grade": "A"}, after, DAY)
    assert event.kind == K.GRADE_CHANGED
    assert event.reasons[0]["summary"] == "信用等级由A级（信用优良）变为B级（一般失信）"
    assert event.reasons[1] == reason


def test_several_changes_come_in_a_stable_order() -> None:
    before = EMPTY | {"grade": "A", "records": [_record("1")], "lists": []}
    after = EMPTY | {"grade": "C", "records": [_record("2")], "lists": [_entry()]}
    kinds = [e.kind for e in diff(before, after, DAY, {"1": "revoked"})]
    assert kinds == [
        K.RECORD_REVOKED,
        K.RECORD_PUBLISHED,
        K.LIST_ENTRY_ADDED,
        K.GRADE_CHANGED,
    ]


def test_snapshot_values_become_plain_json() -> None:
    import json
    from dataclasses import dataclass
    from decimal import Decimal

    from credit.policies.facts import ListKind
    from credit.watches.snapshot import _as_dict

    @dataclass
    class Basis:
        decision_no: str
        amount: Decimal

    @dataclass
    class Entry:
        list: ListKind
        since: date
        basis: Basis
        record_ids: builtins.list[str]  # builtins: `list` is a field here

    out = _as_dict(Entry(ListKind.WATCH, DAY, Basis("沈公技防警〔2026〕9号", Decimal("5")), ["7"]))
    assert out == {
        "list": "WATCH",
        "since": "2026-06-10",
        "basis": {"decisionNo": "沈公技防警〔2026〕9号", "amount": "5"},
        "recordIds": ["7"],
    }
    json.dumps(out)
