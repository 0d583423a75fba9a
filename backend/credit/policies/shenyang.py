"""沈公发〔2018〕4号《沈阳市安全技术防范行业信用监管规定（试行）》 as one pure function.

Rules (articles of the regulation; parameters in ``ShenyangParams``):
- 第七条 public window: good info from ``occurred_on`` for ``good_public_years``; bad info
  (hint, warning) from its publication date for ``bad_public_years``; basic info (public by
  第八条) for as long as it is retained. ``public_until_override`` replaces the end.
  Retention: ``retention_years`` from the decision date (fallback ``occurred_on``), then the
  record is archived: never public, never counted.
- Only records whose status as of ``at`` is PUBLISHED count or are public; a record
  revoked or repaired stops counting at once, including in the history below (its past
  effects, e.g. a blacklist it helped reach, disappear with it).
- 第九条 WATCH: one entry per counted ``watch_list_case``, active from its publication date
  for ``watch_entry_public_years`` (the override wins); ends early if the record is archived.
- 第十一条 BLACK: while the counted watch cases (published, inside retention) number at
  least ``blacklist_threshold``; ``since`` is the publication that reached the threshold,
  ``until`` the day the count drops below it (a case leaving retention). A counted
  ``blacklist`` record (第六条（四）2, e.g. a joint-punishment list) also gives a BLACK
  entry for its bad-info public window.
- 第十条 RED: a counted passed ``inspection`` or ``red_list`` record gives an entry from
  ``occurred_on`` for ``good_public_years`` (the override wins); omitted while a WATCH or
  BLACK entry is active if ``suppress_red_while_listed``.
- 第六条（四）1: when a penalty (a violation whose heaviest sanction is in ``penalty_kinds``)
  is published and the counted penalty records of the same violation ``type_code`` then
  number ``repeat_penalty_threshold`` or more, a warning is derived, published on that
  publication date and public for ``bad_public_years``. One decision is one penalty per
  type code, however many violations of that type it lists.
- 第十三条 measures: WATCH → sy_m1..sy_m7, sy_m9; BLACK → all nine.
- No grade: ``Evaluation.grade`` is None. Natural persons are outside 第三条 (ValueError).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime

from .catalogues import SHENYANG_MEASURES, WATCH_SITUATIONS_BY_CODE
from .core import State, archived_reason, run
from .facts import (
    Category,
    DerivedRecord,
    Evaluation,
    ListEntryFact,
    ListKind,
    Reason,
    RecordFact,
    RecordStatus,
    SubjectFact,
    SubjectKind,
)
from .params import SHENYANG_CODE, ShenyangParams
from .timeline import (
    ARCHIVABLE,
    Snapshot,
    add_years,
    heaviest_kind,
    id_tuple,
    retention_end,
)

_WATCH_MEASURES = tuple(m.code for m in SHENYANG_MEASURES if m.code != "sy_m8")
_BLACK_MEASURES = tuple(m.code for m in SHENYANG_MEASURES)
_LIST_ORDER = {ListKind.BLACK: 0, ListKind.WATCH: 1, ListKind.RED: 2}


def evaluate_shenyang(
    subject: SubjectFact,
    records: Iterable[RecordFact],
    at: datetime,
    params: ShenyangParams | None = None,
) -> Evaluation:
    """The Shenyang evaluation of ``subject`` as of ``at``."""
    p = params or ShenyangParams()
    if subject.kind == SubjectKind.NATURAL_PERSON:
        raise ValueError("沈公发〔2018〕4号 governs 技防企业 (第三条), not natural persons")
    return run(
        SHENYANG_CODE,
        records,
        at,
        lambda snaps, day: _state(snaps, day, p),
        lambda snaps: _candidates(snaps, p),
    )


def _retention(s: Snapshot, p: ShenyangParams) -> date:
    return retention_end(s.record, p.retention_years, p.retention_from)


def _end(record: RecordFact, default: date, retained_until: date) -> date:
    """A window end: the legal override wins; nothing outlives retention."""
    end = record.public_until_override or default
    return min(end, retained_until)


def _public_window(s: Snapshot, p: ShenyangParams, ret: date) -> tuple[date, date]:
    record = s.record
    assert s.published_on is not None  # only called for PUBLISHED records
    if record.category == Category.GOOD:
        start, default = record.occurred_on, add_years(record.occurred_on, p.good_public_years)
    elif record.category == Category.BASIC:  # 第八条: public for as long as it is retained
        start, default = s.published_on, ret
    else:
        start, default = s.published_on, add_years(s.published_on, p.bad_public_years)
    return start, _end(record, default, ret)


def _state(snaps: tuple[Snapshot, ...], day: date, p: ShenyangParams) -> State:
    ret = {s.id: _retention(s, p) for s in snaps}
    live = [s for s in snaps if s.status == RecordStatus.PUBLISHED]
    counted = [s for s in live if day < ret[s.id]]
    archived = frozenset(s.id for s in snaps if s.status in ARCHIVABLE and day >= ret[s.id])
    windows = {s.id: _public_window(s, p, ret[s.id]) for s in counted}
    public_until = tuple(
        (i, end) for i, (start, end) in sorted(windows.items()) if start <= day < end
    )
    public = frozenset(i for i, _ in public_until)

    reasons: list[Reason] = []
    watch = _watch_entries(counted, day, p, ret, reasons)
    black = _black_entries(live, counted, day, p, ret, reasons)
    red = _red_entries(counted, day, p, ret, reasons, listed=bool(watch or black))
    derived = _repeat_penalties(live, day, p, ret, reasons)

    measures: tuple[str, ...] = ()
    if black:
        measures = _BLACK_MEASURES
    elif watch:
        measures = _WATCH_MEASURES
    if measures:
        why = "列入黑名单" if black else "列入警示目录"
        reasons.append(
            Reason(
                "第十三条",
                "measures",
                f"{why}，采取第十三条惩戒措施",
                tuple(sorted({i for e in black + watch for i in e.record_ids})),
            )
        )
    reasons.extend(archived_reason("第七条", p.retention_years, archived))

    entries = sorted(
        black + watch + red, key=lambda e: (_LIST_ORDER[e.list], e.since, e.record_ids)
    )
    return State(
        grade=None,
        grade_reasons=(),
        list_entries=tuple(entries),
        public=public,
        public_until=public_until,
        counted=frozenset(s.id for s in counted),
        archived=archived,
        derived=derived,
        reasons=tuple(reasons),
        measures=measures,
    )


def _watch_entries(
    counted: Sequence[Snapshot],
    day: date,
    p: ShenyangParams,
    ret: dict[int, date],
    reasons: list[Reason],
) -> list[ListEntryFact]:
    out = []
    for s in counted:
        if s.record.type != "watch_list_case" or s.published_on is None:
            continue
        since = s.published_on
        until = _end(s.record, add_years(since, p.watch_entry_public_years), ret[s.id])
        if not since <= day < until:
            continue
        situation = WATCH_SITUATIONS_BY_CODE[s.record.situation_code or ""]
        out.append(
            ListEntryFact(
                ListKind.WATCH,
                since,
                until,
                "watch_list_case",
                situation.article,
                (s.id,),
                s.record.decision_no,
            )
        )
        reasons.append(
            Reason(
                situation.article,
                "watch_list_case",
                f"存在“{situation.name_zh}”情形，纳入“警示目录”管理",
                (s.id,),
            )
        )
    return out


def _black_entries(
    live: Sequence[Snapshot],
    counted: Sequence[Snapshot],
    day: date,
    p: ShenyangParams,
    ret: dict[int, date],
    reasons: list[Reason],
) -> list[ListEntryFact]:
    out = []
    cases = [
        (s.published_on, ret[s.id], s.id)
        for s in live
        if s.record.type == "watch_list_case" and s.published_on is not None
    ]
    period = _period_at_or_above(cases, day, p.blacklist_threshold)
    if period is not None:
        since, until = period
        ids = tuple(sorted(i for start, end, i in cases if start <= day < end))
        out.append(
            ListEntryFact(
                ListKind.BLACK, since, until, "watch_list_threshold", "第十一条", ids, None
            )
        )
        reasons.append(
            Reason(
                "第十一条",
                "watch_list_threshold",
                f"累计{len(ids)}次被列入“警示目录”（达到{p.blacklist_threshold}次），植入“黑名单”",
                ids,
            )
        )
    for s in counted:
        if s.record.type != "blacklist" or s.published_on is None:
            continue
        until = _end(s.record, add_years(s.published_on, p.bad_public_years), ret[s.id])
        if s.published_on <= day < until:
            out.append(
                ListEntryFact(
                    ListKind.BLACK,
                    s.published_on,
                    until,
                    "blacklist_record",
                    "第六条（四）2",
                    (s.id,),
                    s.record.decision_no,
                )
            )
            reasons.append(
                Reason("第六条（四）2", "blacklist_record", "被列入“黑名单”（记录）", (s.id,))
            )
    return out


def _period_at_or_above(
    intervals: Sequence[tuple[date, date, int]], day: date, threshold: int
) -> tuple[date, date | None] | None:
    """The maximal run of days around ``day`` on which at least ``threshold`` of the
    half-open intervals overlap, as (since, until); None if ``day`` is not in one."""

    def count(d: date) -> int:
        return sum(1 for start, end, _ in intervals if start <= d < end)

    if count(day) < threshold:
        return None
    points = sorted({d for start, end, _ in intervals for d in (start, end)})
    before = [d for d in points if d <= day]
    since = before[-1]  # the count is constant from the last change point up to `day`
    for d in reversed(before[:-1]):
        if count(d) < threshold:
            break
        since = d
    until = next((d for d in points if d > day and count(d) < threshold), None)
    return since, until


def _red_entries(
    counted: Sequence[Snapshot],
    day: date,
    p: ShenyangParams,
    ret: dict[int, date],
    reasons: list[Reason],
    *,
    listed: bool,
) -> list[ListEntryFact]:
    out = []
    for s in counted:
        record = s.record
        if not (
            record.type == "red_list" or (record.type == "inspection" and record.inspection_passed)
        ):
            continue
        since = record.occurred_on
        until = _end(record, add_years(since, p.good_public_years), ret[s.id])
        if since <= day < until:
            rule = "inspection_passed" if record.type == "inspection" else "red_list_record"
            out.append(
                ListEntryFact(
                    ListKind.RED, since, until, rule, "第十条", (s.id,), record.decision_no
                )
            )
    if out and listed and p.suppress_red_while_listed:
        ids = tuple(i for e in out for i in e.record_ids)
        reasons.append(
            Reason(
                "第十条",
                "red_list_suppressed",
                "处于“警示目录”或“黑名单”期间，不在“红名单”中公示",
                ids,
            )
        )
        return []
    for e in out:
        text = "公安机关依法检查结果合格" if e.rule == "inspection_passed" else "被列入“红名单”"
        reasons.append(Reason("第十条", e.rule, f"{text}，纳入“红名单”", e.record_ids))
    return out


def repeat_penalty_summary(type_code: str, members: Sequence[Snapshot]) -> str:
    """The public wording: the act as the decisions describe it, never its free code."""
    described = [
        v.description.strip()
        for s in reversed(members)
        for v in s.record.violations
        if v.type_code == type_code and v.description.strip()
    ]
    act = f"（{described[0]}）" if described else ""
    return f"因同一类违法行为{act}受到{len(members)}次行政处罚"


def _repeat_penalties(
    live: Sequence[Snapshot],
    day: date,
    p: ShenyangParams,
    ret: dict[int, date],
    reasons: list[Reason],
) -> tuple[DerivedRecord, ...]:
    by_type: dict[str, list[Snapshot]] = {}
    for s in live:
        kinds = {v.type_code for v in s.record.violations if heaviest_kind(v) in p.penalty_kinds}
        for type_code in kinds:
            by_type.setdefault(type_code, []).append(s)
    out = []
    for type_code in sorted(by_type):
        group = sorted(by_type[type_code], key=lambda s: (s.published_on, s.id))
        for k, trigger in enumerate(group):
            published = trigger.published_on
            assert published is not None
            members = [
                s
                for s in group[: k + 1]
                if s.published_on is not None and s.published_on <= published < ret[s.id]
            ]
            if trigger not in members or len(members) < p.repeat_penalty_threshold:
                continue
            until = min(add_years(published, p.bad_public_years), ret[trigger.id])
            if not published <= day < until:
                continue
            ids = id_tuple(members)
            summary = repeat_penalty_summary(type_code, members)
            out.append(
                DerivedRecord(
                    key=f"repeat_penalty:{type_code}:{trigger.id}",
                    category=Category.WARNING,
                    type="repeat_penalty",
                    occurred_on=trigger.record.decision_date or trigger.record.occurred_on,
                    published_on=published,
                    public_until=until,
                    record_ids=ids,
                    summary=summary,
                )
            )
            reasons.append(
                Reason("第六条（四）1", "repeat_penalty", f"{summary}，自动记入警示信息", ids)
            )
    return tuple(out)


def _candidates(snaps: tuple[Snapshot, ...], p: ShenyangParams) -> list[date]:
    days: list[date] = []
    for s in snaps:
        if s.status not in ARCHIVABLE:
            continue  # never counts, never public, never archived: no boundary of its own
        record = s.record
        days += [
            _retention(s, p),
            record.occurred_on,
            add_years(record.occurred_on, p.good_public_years),
        ]
        days += [d for d in (record.public_until_override, s.published_on) if d is not None]
        if s.published_on is not None:
            days += [
                add_years(s.published_on, n)
                for n in (p.bad_public_years, p.watch_entry_public_years)
            ]
    return days
