"""Bulk import (docs/import.md): every row is checked first, with its line and field; then
all of it is written in one transaction, idempotently, with the historical dates that keep
each record's windows right, and the touched subjects are re-evaluated."""

from __future__ import annotations

import os
import random
import time
from collections.abc import AsyncIterator, Iterator
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from tortoise import connections
from tortoise.transactions import in_transaction

from credit.accounts.models import Unit, UnitKind
from credit.audit.models import AuditEvent
from credit.conftest import at, truncate_all
from credit.core import clock
from credit.core.orm import flat
from credit.grades.models import Evaluation
from credit.grades.services import reevaluate
from credit.lists.models import ListEntry
from credit.policies.facts import RecordStatus
from credit.policies.seed import ensure_policies
from credit.records.importer import (
    formats,
    import_file,
    import_file_cli,
    import_rows,
    reevaluate_many,
)
from credit.records.lifecycle import Action
from credit.records.models import CreditRecord, Decision, RecordTransition, Sanction, Violation
from credit.records.services import (
    RecordInput,
    SanctionInput,
    ViolationInput,
    create_published,
    transition,
)
from credit.subjects.identifiers import uscc_check_digit
from credit.subjects.models import District, Jurisdiction, Subject

EXAMPLES = Path(__file__).resolve().parents[4] / "docs" / "import-examples"
NOW = "2026-06-01 10:00"  # tests freeze the clock here unless they say otherwise
SY_UNIT, WG_UNIT = "SY-210102", "WG-410481-01"
PERSON = "410481199203040035"  # fictional, valid check digit


def uscc(n: int, division: str = "210102") -> str:
    body = f"91{division}MP{n:07d}"
    return body + uscc_check_digit(body)


def bad_check_digit(code: str) -> str:
    wrong = "0" if code[-1] != "0" else "1"
    return code[:-1] + wrong


async def make_places() -> None:
    """The jurisdictions, districts and units of the demo data (the examples use them)."""
    sy = await Jurisdiction.create(
        code="shenyang", name="沈阳市", policy_code="shenyang-jifang-2018"
    )
    wg = await Jurisdiction.create(code="wugang", name="舞钢市", policy_code="wugang-2021")
    districts = {}
    for code, name, j in (
        ("210102", "和平区", sy),
        ("210103", "沈河区", sy),
        ("410481-01", "垭口街道", wg),
        ("410481-02", "寺坡街道", wg),
    ):
        districts[code] = await District.create(code=code, name=name, jurisdiction_id=j.id)
    await Unit.create(
        code=SY_UNIT,
        name="沈阳市公安局和平分局",
        kind=UnitKind.DISTRICT_BUREAU,
        jurisdiction_id=sy.id,
        district_id=districts["210102"].id,
    )
    await Unit.create(
        code=WG_UNIT,
        name="舞钢市公安局垭口街道派出所",
        kind=UnitKind.POLICE_STATION,
        jurisdiction_id=wg.id,
        district_id=districts["410481-01"].id,
    )


@pytest.fixture
async def places(db: str) -> AsyncIterator[None]:
    clock.freeze(at(NOW))
    await make_places()
    yield None
    clock.freeze(None)


def ago(days: int) -> str:
    return (clock.today() - timedelta(days=days)).isoformat()


def subject_row(n: int = 1, **kw: Any) -> dict[str, Any]:
    row = {
        "kind": "subject",
        "subject_kind": "ENTERPRISE",
        "uscc": uscc(n),
        "name": f"沈阳测试技防{n}号有限公司",
        "jurisdiction_code": "shenyang",
        "district_code": "210102",
        "address": f"沈阳市和平区测试路{n}号",
    }
    return row | kw


def watch_row(n: int = 1, case: int = 1, days: int = 30, **kw: Any) -> dict[str, Any]:
    row = {
        "kind": "decision",
        "uscc": uscc(n),
        "document_no": f"沈公技防警〔测〕{n}-{case}号",
        "decided_on": ago(days + 2),
        "issuing_unit": "沈阳市公安局",
        "legal_basis": "沈公发〔2018〕4号 第九条",
        "type": "watch_list_case",
        "situation_code": "s06",
        "summary": "工程质量检测不合格",
        "published_on": ago(days),
        "provider_unit": SY_UNIT,
        "provider_person": "王警官",
    }
    return row | kw


def penalty_row(n: int = 1, case: int = 1, days: int = 30, **kw: Any) -> dict[str, Any]:
    row = watch_row(n, case, days) | {
        "document_no": f"沈公（技）行罚决字〔测〕{n}-{case}号",
        "type": "administrative_decision",
        "summary": "未依法安装技防系统，警告并处罚款",
        "legal_basis": "《辽宁省公共安全技术防范条例》",
        "violations": [
            {
                "type_code": "tech_unlawful_installation",
                "domain": "tech_prevention",
                "description": "未依法安装技防系统",
                "sanctions": [{"kind": "warning"}, {"kind": "fine", "amount_yuan": 20000}],
            }
        ],
    }
    del row["situation_code"]
    return row | kw


def filing_row(n: int = 1, **kw: Any) -> dict[str, Any]:
    row = {
        "kind": "record",
        "external_key": f"BA-{n}",
        "uscc": uscc(n),
        "type": "filing",
        "occurred_on": ago(100),
        "summary": "技防企业备案",
        "published_on": ago(100),
        "provider_unit": SY_UNIT,
    }
    return row | kw


async def table_counts() -> dict[str, int]:
    return {
        m.__name__: await m.all().count()
        for m in (
            Subject,
            Decision,
            Violation,
            Sanction,
            CreditRecord,
            RecordTransition,
            Evaluation,
            ListEntry,
            AuditEvent,
        )
    }


async def dump_tables() -> dict[str, list[dict[str, Any]]]:
    """Every row of every table the import writes, ids and timestamps included."""
    out = {}
    for m in (
        Subject,
        Decision,
        Violation,
        Sanction,
        CreditRecord,
        RecordTransition,
        Evaluation,
        ListEntry,
        AuditEvent,
    ):
        out[m.__name__] = await m.all().order_by("id").values()
    return out


# --- the happy path -----------------------------------------------------------------------


async def test_a_valid_file_is_imported_and_counted(places: None) -> None:
    # given two subjects, a watch-list decision, a penalty decision and a filing record
    rows = [subject_row(1), subject_row(2), watch_row(1), penalty_row(2), filing_row(1)]

    # when
    report = await import_rows(rows)

    # then
    assert report.ok, report.describe()
    assert (report.subjects_created, report.decisions_created, report.records_created) == (2, 2, 1)
    assert report.subjects_reevaluated == 2
    counts = await table_counts()
    assert counts["Decision"] == 2 and counts["CreditRecord"] == 3
    assert counts["Violation"] == 1 and counts["Sanction"] == 2
    assert counts["RecordTransition"] == 3 * 4
    assert counts["Evaluation"] == 2
    watched = await Subject.get(uscc=uscc(1))
    entries = await flat(ListEntry.filter(subject_id=watched.id).values_list("kind", flat=True))
    assert list(entries) == ["WATCH"]
    record = await CreditRecord.get(decision_no=watch_row(1)["document_no"])
    assert record.status == RecordStatus.PUBLISHED and record.source == "import"
    assert record.published_at == at(f"{ago(30)} 12:00")


async def test_imported_records_are_identical_to_records_published_through_the_service(
    places: None,
) -> None:
    # given the same decision imported for one subject and built by create_published (then
    # revoked) for another
    row = penalty_row(1, days=40) | {
        "status": "revoked",
        "revoked_on": ago(10),
        "status_reason": "异议成立，撤销",
        "occurred_on": ago(50),
        "public_until_override": ago(-400),
    }
    report = await import_rows([subject_row(1), subject_row(2), row])
    assert report.ok, report.describe()
    other = await Subject.get(uscc=uscc(2))
    unit = await Unit.get(code=SY_UNIT)
    data = RecordInput(
        type="administrative_decision",
        occurred_on=date.fromisoformat(ago(50)),
        summary=row["summary"],
        decision_no="对照〔1〕号",
        decision_date=date.fromisoformat(row["decided_on"]),
        issuing_unit=row["issuing_unit"],
        legal_basis=row["legal_basis"],
        violations=[
            ViolationInput(
                "tech_unlawful_installation",
                "tech_prevention",
                "未依法安装技防系统",
                [SanctionInput("warning"), SanctionInput("fine", Decimal(20000))],
            )
        ],
        public_until_override=date.fromisoformat(ago(-400)),
        provider_unit_id=unit.id,
        provider_person="王警官",
        source="import",
    )

    # when
    built = await create_published(other, data, date.fromisoformat(ago(40)), None)
    await transition(built, Action.REVOKE, None, at=at(f"{ago(10)} 15:00"), reason="异议成立，撤销")

    # then every stored value matches, but for the keys and the moment of creation
    imported = await CreditRecord.get(decision_no=row["document_no"])
    skip = {"id", "subject_id", "decision_id", "decision_no", "created_at", "updated_at"}
    mine = await CreditRecord.filter(id=imported.id).values()
    theirs = await CreditRecord.filter(id=built.id).values()
    assert {k: v for k, v in mine[0].items() if k not in skip} == {
        k: v for k, v in theirs[0].items() if k not in skip
    }

    async def steps(record_id: int) -> list[tuple[Any, ...]]:
        return (
            await RecordTransition.filter(record_id=record_id)
            .order_by("at", "id")
            .values_list("from_status", "to_status", "at", "by_user_id", "reason")
        )

    assert await steps(imported.id) == await steps(built.id)
    assert len(await steps(imported.id)) == 5

    async def decision_of(record: CreditRecord) -> tuple[Any, ...]:
        d = await Decision.get(id=record.decision_id)
        vs = await Violation.filter(decision_id=d.id).values_list(
            "seq", "type_code", "domain", "description"
        )
        ss = (
            await Sanction.filter(violation__decision_id=d.id)
            .order_by("id")
            .values_list("kind", "amount_yuan")
        )
        return (d.decided_on, d.issuing_unit, d.legal_basis, d.source, vs, ss)

    assert await decision_of(imported) == await decision_of(built)
    # and the raw stored values have the same form (SQLite keeps times as text)
    conn = connections.get("default")
    raw = await conn.execute_query_dict(
        'SELECT "published_at", "occurred_on" FROM "credit_record" ORDER BY "id"'
    )
    assert raw[0] == raw[1]


async def test_a_natural_person_is_stored_by_digest_and_graded(places: None) -> None:
    # given a person in Wugang with a detention decision
    person = {
        "kind": "subject",
        "subject_kind": "自然人",
        "id_number": PERSON,
        "name": "孙测试",
        "jurisdiction_code": "wugang",
        "district_code": "410481-01",
    }
    decision = {
        "kind": "decision",
        "id_number": PERSON,
        "document_no": "舞公（治）行罚决字〔测〕1号",
        "decided_on": ago(20),
        "issuing_unit": "舞钢市公安局",
        "legal_basis": "《中华人民共和国治安管理处罚法》",
        "type": "administrative_decision",
        "summary": "殴打他人，行政拘留五日",
        "published_on": ago(18),
        "provider_unit": WG_UNIT,
        "violations": [
            {"type_code": "assault", "domain": "治安", "sanctions": [{"kind": "行政拘留"}]}
        ],
    }

    # when
    report = await import_rows([person, decision])

    # then the number is never stored in clear, and the grade is B
    assert report.ok, report.describe()
    subject = await Subject.get(id_number_masked="410481********0035")
    assert subject.uscc is None and PERSON not in (subject.id_number_cipher or "")
    evaluation = await Evaluation.get(subject_id=subject.id)
    assert evaluation.grade == "B"


# --- validation: every row, every field -----------------------------------------------------


def _without(row: dict[str, Any], *names: str) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k not in names}


def bad_rows() -> list[tuple[dict[str, Any], str, str]]:
    """Rows that each have exactly one problem: (row, field, part of the message). They
    refer to subject 1 (the file's first line) or to subjects of their own."""
    person = {
        "kind": "subject",
        "subject_kind": "NATURAL_PERSON",
        "id_number": PERSON[:-1] + "7",
        "name": "孙测试",
        "jurisdiction_code": "wugang",
        "district_code": "410481-01",
    }
    tomorrow = (clock.today() + timedelta(days=1)).isoformat()
    watch = watch_row(1, 9)
    penalty = penalty_row(1, 9)

    def sanction(**kw: Any) -> dict[str, Any]:
        v = dict(penalty["violations"][0]) | kw
        return penalty | {"violations": [v]}

    return [
        (subject_row(11, uscc=bad_check_digit(uscc(11))), "uscc", "校验码错误：第18位应为"),
        (subject_row(12, uscc="9121010212345"), "uscc", "应为18位，当前为13位"),
        (subject_row(13, uscc="91210102MI00000131"), "uscc", "第10位字符“I”不合法"),
        (person, "id_number", "居民身份证号码"),
        (
            person
            | {"id_number": PERSON, "jurisdiction_code": "shenyang", "district_code": "210103"},
            "subject_kind",
            "不适用于自然人",
        ),
        (subject_row(14, subject_kind="ROBOT"), "subject_kind", "未知的主体类型：ROBOT"),
        (subject_row(15, jurisdiction_code="beijing"), "jurisdiction_code", "未知的辖区代码"),
        (subject_row(16, district_code="999999"), "district_code", "未知的区县代码"),
        (subject_row(17, district_code="410481-01"), "district_code", "不属于辖区 shenyang"),
        (_without(subject_row(18), "name"), "name", "必填字段缺失"),
        (watch | {"type": "gossip"}, "type", "未知的信息类型：gossip"),
        (_without(watch, "situation_code") | {"type": "repeat_penalty"}, "type", "自动生成"),
        (watch | {"situation_code": "s27"}, "situation_code", "未知的警示情形代码：s27"),
        (_without(watch, "situation_code"), "situation_code", "须填写第九条情形代码"),
        (
            _without(watch, "situation_code") | {"type": "inspection"},
            "inspection_passed",
            "须注明是否合格",
        ),
        (
            sanction(sanctions=[{"kind": "flogging"}]),
            "violations[0].sanctions[0].kind",
            "未知的处理种类：flogging",
        ),
        (sanction(domain="outer_space"), "violations[0].domain", "未知的违法领域"),
        (
            sanction(sanctions=[{"kind": "warning", "amount_yuan": 100}]),
            "violations[0].sanctions[0].amount_yuan",
            "不涉及金额",
        ),
        (
            sanction(sanctions=[{"kind": "fine", "amount_yuan": "十元"}]),
            "violations[0].sanctions[0].amount_yuan",
            "金额应为数字",
        ),
        (sanction(sanctions=[]), "violations[0].sanctions", "至少一项处理"),
        (watch | {"decided_on": "2025/03/01"}, "decided_on", "日期格式应为 YYYY-MM-DD"),
        (watch | {"decided_on": "2025-02-30"}, "decided_on", "不是有效的日期：2025-02-30"),
        (watch | {"published_on": tomorrow}, "published_on", "不能晚于今天（2026-06-01）"),
        (filing_row(1, external_key="F-1", occurred_on=tomorrow), "occurred_on", "不能晚于今天"),
        (watch | {"published_on": ago(400)}, "published_on", "不能早于决定日期"),
        (watch | {"occurred_on": ago(1)}, "decided_on", "不能早于发生日期"),
        (_without(watch, "document_no"), "document_no", "必填字段缺失"),
        (_without(watch, "summary"), "summary", "必填字段缺失"),
        (_without(watch, "published_on"), "published_on", "必填字段缺失"),
        (_without(watch, "provider_unit"), "provider_unit", "必填字段缺失"),
        (_without(watch, "legal_basis"), "legal_basis", "必填字段缺失"),
        (_without(watch, "kind"), "kind", "必填字段缺失"),
        (watch | {"kind": "rumour"}, "kind", "未知的类别"),
        (_without(watch, "uscc"), "uscc", "须填写统一社会信用代码"),
        (watch | {"decided_date": ago(3)}, "decided_date", "未知字段"),
        (filing_row(1, external_key="F-2", violations=[]), "violations", "未知字段"),
        (watch | {"status": "revoked"}, "revoked_on", "须填写revoked_on"),
        (watch | {"revoked_on": ago(1)}, "revoked_on", "不填写revoked_on"),
        (watch | {"status": "deleted"}, "status", "未知的状态"),
        (watch | {"status_reason": "异议成立"}, "status_reason", "不填写撤销或修复原因"),
        (watch | {"uscc": uscc(99)}, "uscc", "主体不存在"),
        (watch | {"provider_unit": "NOBODY"}, "provider_unit", "未知的提供单位代码"),
        (watch | {"provider_unit": WG_UNIT}, "provider_unit", "不属于该主体所在辖区"),
        (watch_row(1, 1), "document_no", "与第2行重复"),
        (subject_row(1), "uscc", "与第1行是同一主体"),
    ]


async def test_every_bad_row_is_reported_with_its_line_and_field(places: None) -> None:
    # given a valid subject and decision, then rows with one problem each
    cases = bad_rows()
    rows = [subject_row(1), watch_row(1, 1)] + [row for row, _, _ in cases]

    # when
    report = await import_rows(rows)

    # then each bad row has exactly its own error, and the good rows none
    found = {(e.line, e.field): e.message for e in report.errors}
    expected = {(n, f) for n, (_, f, _) in enumerate(cases, start=3)}
    assert set(found) == expected, sorted(set(found) ^ expected)
    for n, (_, f, fragment) in enumerate(cases, start=3):
        assert fragment in found[(n, f)], (n, f, found[(n, f)])
    assert len(report.errors) == len(cases)


async def test_an_error_reads_line_field_and_message(places: None) -> None:
    # given a date in the wrong format on line 12
    rows = [subject_row(1)] + [watch_row(1, k) for k in range(1, 11)]
    rows.append(watch_row(1, 11, decided_on="2025.3.1"))

    # when
    report = await import_rows(rows)

    # then
    assert [str(e) for e in report.errors] == ["第12行 字段 decided_on：日期格式应为 YYYY-MM-DD"]


async def test_nothing_is_written_when_any_row_is_bad(places: None) -> None:
    # given 200 good rows and one bad row at the end
    rows = list(big_rows(200))
    rows.append(watch_row(1, 99, situation_code="s99"))
    before = await table_counts()

    # when
    report = await import_rows(rows)

    # then
    assert [(e.line, e.field) for e in report.errors] == [(201, "situation_code")]
    assert (report.subjects_created, report.decisions_created) == (0, 0)
    assert await table_counts() == before


async def test_a_row_that_conflicts_with_the_database_is_an_error(places: None) -> None:
    # given an imported decision and record
    first = await import_rows([subject_row(1), subject_row(2), watch_row(1), filing_row(1)])
    assert first.ok, first.describe()
    before = await dump_tables()

    # when the same document number comes for another subject, or with other content
    conflicts = [
        watch_row(1) | {"uscc": uscc(2)},
        watch_row(1) | {"summary": "另一段摘要"},
        filing_row(1) | {"occurred_on": ago(101)},
        watch_row(1) | {"status": "revoked", "revoked_on": ago(1)},
        filing_row(1) | {"uscc": uscc(2)},
        watch_row(1) | {"published_on": ago(29)},
    ]
    reports = [await import_rows([subject_row(7), row]) for row in conflicts]

    # then each names the line and field, and nothing changed
    found = [[(e.line, e.field, e.message) for e in r.errors] for r in reports]
    assert [[(line, f) for line, f, _ in errors] for errors in found] == [
        [(2, "document_no")],
        [(2, "summary")],
        [(2, "occurred_on")],
        [(2, "status")],
        [(2, "external_key")],
        [(2, "published_on")],
    ]
    assert "已属于另一主体" in found[0][0][2]
    assert "已有“工程质量检测不合格”，文件为“另一段摘要”" in found[1][0][2]
    assert "不能改变已有信息的状态" in found[3][0][2]
    assert await dump_tables() == before


# --- idempotency --------------------------------------------------------------------------


async def test_importing_the_same_file_twice_changes_nothing(places: None) -> None:
    # given the example file imported once
    clock.freeze(None)
    first = await import_file(EXAMPLES / "example.jsonl")
    assert first.ok, first.describe()
    before = await dump_tables()

    # when it is imported again
    second = await import_file(EXAMPLES / "example.jsonl")

    # then every row is recognised and not one stored value moved
    assert second.ok, second.describe()
    assert (second.subjects_created, second.subjects_updated) == (0, 0)
    assert second.subjects_unchanged == first.subjects_created == 4
    assert second.decisions_created == second.records_created == 0
    assert second.decisions_skipped == first.decisions_created == 6
    assert second.records_skipped == first.records_created == 1
    assert second.subjects_reevaluated == 0
    assert await dump_tables() == before


async def test_a_record_revoked_since_its_import_is_still_recognised(places: None) -> None:
    # given an imported case, revoked in the console afterwards
    rows = [subject_row(1), watch_row(1)]
    assert (await import_rows(rows)).ok
    record = await CreditRecord.get(decision_no=watch_row(1)["document_no"])
    await transition(record, Action.REVOKE, None, reason="异议成立")
    before = await dump_tables()

    # when the original file is imported again
    report = await import_rows(rows)

    # then the file is an earlier state of the same history: skipped, nothing changes
    assert report.ok, report.describe()
    assert report.decisions_skipped == 1
    assert await dump_tables() == before


async def test_a_changed_subject_row_updates_the_subject_and_is_audited(places: None) -> None:
    # given an imported subject
    assert (await import_rows([subject_row(1)])).ok

    # when its address and district change
    report = await import_rows(
        [subject_row(1, address="沈阳市沈河区新址8号", district_code="210103")]
    )

    # then
    assert (report.subjects_updated, report.subjects_unchanged) == (1, 0)
    subject = await Subject.get(uscc=uscc(1)).prefetch_related("district")
    assert subject.address == "沈阳市沈河区新址8号" and subject.district.code == "210103"
    event = await AuditEvent.get(action="subject.import_update")
    # and a row without an address leaves the address as it is
    again = await import_rows([_without(subject_row(1), "address") | {"district_code": "210103"}])
    assert (again.subjects_updated, again.subjects_unchanged) == (0, 1)
    assert event.before == {
        "address": "沈阳市和平区测试路1号",
        "district_id": event.before["district_id"],
    }


async def test_a_dry_run_reports_what_would_change_and_writes_nothing(places: None) -> None:
    # given
    before = await table_counts()

    # when
    report = await import_rows([subject_row(1), watch_row(1), filing_row(1)], dry_run=True)

    # then
    assert report.ok and report.dry_run
    assert (report.subjects_created, report.decisions_created, report.records_created) == (1, 1, 1)
    assert await table_counts() == before
    assert "试运行" in report.describe()


async def test_the_actor_is_recorded_on_records_transitions_and_audit(places: None) -> None:
    # given
    from credit.accounts.actor import Actor, ActorKind

    actor = Actor(kind=ActorKind.USER, user_id=42, username="importer", role="ADMIN")

    # when
    report = await import_rows([subject_row(1), watch_row(1)], actor=actor)

    # then
    assert report.ok
    record = await CreditRecord.get(decision_no=watch_row(1)["document_no"])
    assert record.created_by_id == 42
    assert set(await flat(RecordTransition.all().values_list("by_user_id", flat=True))) == {42}
    actions = await flat(
        AuditEvent.filter(actor_username="importer").values_list("action", flat=True)
    )
    assert sorted(actions) == ["credit_record.import", "records.import", "subject.import"]


# --- history: windows come from the imported dates ----------------------------------------


async def test_imported_cases_keep_their_windows_and_five_make_the_blacklist(
    places: None,
) -> None:
    # given five watch-list cases of one enterprise, published 1700 … 30 days ago
    days = [1700, 1200, 800, 400, 30]
    rows = [subject_row(1)] + [watch_row(1, k, d) for k, d in enumerate(days, start=1)]

    # when
    report = await import_rows(rows)

    # then the case published 400 days ago is past its public window but still counts,
    # and the five counted cases put the enterprise on the blacklist
    assert report.ok, report.describe()
    subject = await Subject.get(uscc=uscc(1))
    ids = {
        d: (await CreditRecord.get(decision_no=watch_row(1, k, d)["document_no"])).id
        for k, d in enumerate(days, start=1)
    }
    payload = (await Evaluation.get(subject_id=subject.id)).payload
    assert ids[400] not in payload["public_record_ids"]
    assert ids[400] in payload["counted_record_ids"]
    assert ids[30] in payload["public_record_ids"]
    assert set(payload["counted_record_ids"]) == set(ids.values())
    kinds = sorted(
        await flat(ListEntry.filter(subject_id=subject.id).values_list("kind", flat=True))
    )
    assert kinds == ["BLACK", "WATCH"]


async def test_four_imported_cases_and_one_revoked_do_not_blacklist(places: None) -> None:
    # given five cases, one of them revoked on objection
    days = [1700, 1200, 800, 400, 30]
    rows = [subject_row(1)] + [watch_row(1, k, d) for k, d in enumerate(days, start=1)]
    rows[3] |= {"status": "revoked", "revoked_on": ago(700)}

    # when
    report = await import_rows(rows)

    # then
    assert report.ok, report.describe()
    subject = await Subject.get(uscc=uscc(1))
    kinds = await flat(ListEntry.filter(subject_id=subject.id).values_list("kind", flat=True))
    assert list(kinds) == ["WATCH"]


# --- formats ------------------------------------------------------------------------------


async def _fresh() -> None:
    await truncate_all()
    await ensure_policies()
    await make_places()


async def natural_state() -> dict[str, Any]:
    """What the database holds, by natural keys only (ids differ from one run to the next)."""
    subjects = {s.id: s.uscc or s.id_number_masked for s in await Subject.all()}
    decisions = {d.id: d.document_no for d in await Decision.all()}
    records = {r.id: r.decision_no or r.external_key for r in await CreditRecord.all()}
    violations = {v.id: (decisions[v.decision_id], v.seq) for v in await Violation.all()}

    def keys(ids: list[int]) -> list[str]:
        return sorted(str(records[i]) for i in ids)

    districts = {d.id: d.code for d in await District.all()}
    units = {u.id: u.code for u in await Unit.all()}
    skip = {"id", "created_at", "updated_at", "subject_id", "decision_id", "provider_unit_id"}
    return {
        "subjects": sorted(
            (subjects[s.id], s.kind, s.name, s.address, districts[s.district_id])
            for s in await Subject.all()
        ),
        "decisions": sorted(
            (d.document_no, subjects[d.subject_id], d.decided_on, d.issuing_unit, d.legal_basis)
            for d in await Decision.all()
        ),
        "violations": sorted(
            (decisions[v.decision_id], v.seq, v.type_code, v.domain, v.description)
            for v in await Violation.all()
        ),
        "sanctions": sorted(
            (*violations[s.violation_id], s.kind, str(s.amount_yuan)) for s in await Sanction.all()
        ),
        "records": sorted(
            (
                records[r["id"]],
                subjects[r["subject_id"]],
                units[r["provider_unit_id"]],
                *(str(r[k]) for k in sorted(r) if k not in skip),
            )
            for r in await CreditRecord.all().values()
        ),
        "transitions": sorted(
            (records[t.record_id], str(t.from_status), t.to_status, t.at.isoformat(), t.reason)
            for t in await RecordTransition.all()
        ),
        "evaluations": sorted(
            (
                subjects[e.subject_id],
                str(e.grade),
                str(e.next_change_at),
                keys(e.payload["public_record_ids"]),
                keys(e.payload["counted_record_ids"]),
            )
            for e in await Evaluation.all()
        ),
        "lists": sorted(
            (subjects[e.subject_id], e.kind, str(e.since), str(e.until), e.rule, str(e.decision_no))
            for e in await ListEntry.all()
        ),
    }


async def test_csv_and_xlsx_examples_give_the_same_result_as_jsonl(places: None) -> None:
    # given the three example files
    states = {}
    for fmt in ("jsonl", "csv", "xlsx"):
        await _fresh()

        # when each is imported into an empty database
        report = await import_file(EXAMPLES / f"example.{fmt}")
        assert report.ok, (fmt, report.describe())
        assert report.format == fmt
        states[fmt] = await natural_state()

    # then they hold the same data, and the example covers every row kind
    assert states["csv"] == states["jsonl"]
    assert states["xlsx"] == states["jsonl"]
    assert len(states["jsonl"]["subjects"]) == 4 and len(states["jsonl"]["sanctions"]) == 6
    assert any(t[2] == "revoked" for t in states["jsonl"]["transitions"])


def test_the_example_tables_are_the_jsonl_example_flattened() -> None:
    # given the JSON Lines example
    rows = [
        formats.read_jsonl((EXAMPLES / "example.jsonl").read_bytes()).rows[i].data
        for i in range(len((EXAMPLES / "example.jsonl").read_text().splitlines()))
    ]

    # when it is written as CSV
    text = formats.write_csv(rows)

    # then the committed CSV example is exactly that, and the templates are the headers
    assert (EXAMPLES / "example.csv").read_bytes() == text
    header = (EXAMPLES / "template.csv").read_bytes().decode("utf-8-sig").splitlines()
    assert header == [",".join(h for _, h in formats.COLUMNS)]


async def test_table_errors_name_the_column_a_person_sees(places: None) -> None:
    # given a CSV with a bad date in the decision row, and an unknown column
    rows = [subject_row(1), watch_row(1, decided_on="1/3/2025")]
    data = formats.write_csv(rows)
    bad_header = data.replace("类别".encode(), "类型别".encode(), 1)

    # when
    report = await import_file(data, "csv")
    header_report = await import_file(bad_header, "csv")

    # then
    assert [str(e) for e in report.errors] == [
        "第3行 字段 decided_on（决定日期）：日期格式应为 YYYY-MM-DD"
    ]
    assert [str(e) for e in header_report.errors] == ["第1行 字段 类型别：未知的列（第1列）"]


async def test_a_gb18030_csv_and_excel_cells_are_read(places: None) -> None:
    # given a CSV saved by Excel on Chinese Windows, and an XLSX typed by hand: a date cell
    # and a number cell
    from io import BytesIO

    from openpyxl import load_workbook

    rows = [subject_row(1), penalty_row(1)]
    gbk = formats.write_csv(rows).decode("utf-8-sig").encode("gb18030")
    book = load_workbook(BytesIO(formats.write_xlsx(rows)))
    sheet = book[formats.DATA_SHEET]
    headers = [c.value for c in sheet[1]]
    decided = sheet.cell(row=3, column=headers.index("决定日期") + 1)
    decided.value = date.fromisoformat(penalty_row(1)["decided_on"])
    amount = sheet.cell(row=3, column=headers.index("违法行为1处理2金额（元）") + 1)
    amount.value = 20000
    out = BytesIO()
    book.save(out)

    # when
    from_csv = await import_file(gbk, "csv", dry_run=True)
    from_xlsx = await import_file(out.getvalue(), "xlsx")

    # then
    assert from_csv.ok, from_csv.describe()
    assert from_xlsx.ok, from_xlsx.describe()
    assert await flat(Sanction.filter(kind="fine").values_list("amount_yuan", flat=True)) == [
        Decimal("20000.00")
    ]


async def test_broken_json_lines_are_reported_by_line(places: None) -> None:
    # given
    data = b'{"kind": "subject"\n\n[1, 2]\n'

    # when
    report = await import_file(data, "jsonl")

    # then
    assert [(e.line, e.field) for e in report.errors] == [(1, None), (3, None)]
    assert report.errors[0].message.startswith("不是合法的 JSON")


# --- the command line -----------------------------------------------------------------------


async def test_the_cli_exit_code_says_whether_the_file_was_imported(
    places: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # given a valid file, a file with 60 bad rows, a file that is not there, and a file
    # of an unknown type
    good = tmp_path / "good.jsonl"
    good.write_bytes(formats.write_jsonl([subject_row(1), watch_row(1)]))
    bad = tmp_path / "bad.csv"
    bad.write_bytes(formats.write_csv([subject_row(n, name="") for n in range(1, 61)]))
    runs: list[tuple[int, str, int]] = []

    # when each is imported from the command line (the valid one first as a dry run)
    for path, dry_run in (
        (good, True),
        (good, False),
        (bad, False),
        (tmp_path / "missing.jsonl", False),
        (tmp_path / "notes.txt", False),
    ):
        code = await import_file_cli(str(path), dry_run=dry_run)
        runs.append((code, capsys.readouterr().out, await Subject.all().count()))

    # then
    assert [(code, subjects) for code, _, subjects in runs] == [
        (0, 0),
        (0, 1),
        (1, 1),
        (1, 1),
        (1, 1),
    ]
    assert runs[0][1].startswith("试运行") and runs[1][1].startswith("导入完成")
    bad_out = runs[2][1].splitlines()
    assert bad_out[0] == "文件有 60 处错误，未写入任何数据："
    assert bad_out[1] == "第2行 字段 name（名称或姓名）：必填字段缺失"
    assert len(bad_out) == 1 + 50 + 1 and bad_out[-1].startswith("…and 10 more")
    assert "无法读取" in runs[3][1]
    assert "无法识别的文件类型" in runs[4][1]


# --- many rows ------------------------------------------------------------------------------


def big_rows(n: int, seed: int = 7) -> Iterator[dict[str, Any]]:
    """`n` valid rows: blocks of a subject and four of its decisions and records, with dates
    spread over six years (so some are archived, some out of their public window)."""
    rng = random.Random(seed)
    made = 0
    k = 0
    while made < n:
        k += 1
        district = rng.choice(["210102", "210103"])
        block: list[dict[str, Any]] = [subject_row(k, district_code=district)]
        for case in range(1, 3):
            situation = f"s{rng.randint(1, 26):02d}"
            block.append(watch_row(k, case, rng.randint(5, 2000), situation_code=situation))
        block.append(penalty_row(k, 3, rng.randint(5, 900)))
        block.append(filing_row(k, occurred_on=ago(2100), published_on=ago(2090)))
        yield from block[: n - made]
        made += len(block)


async def test_two_thousand_rows_import_in_bulk_and_match_reevaluate(places: None) -> None:
    # given 2,000 rows (400 subjects)
    data = formats.write_jsonl(big_rows(2000))

    # when
    started = time.perf_counter()
    report = await import_file(data, "jsonl")
    seconds = time.perf_counter() - started

    # then
    assert report.ok, report.describe()
    assert (report.subjects_created, report.decisions_created, report.records_created) == (
        400,
        1200,
        400,
    )
    assert await RecordTransition.all().count() == 1600 * 4
    assert seconds < 60  # generous for slow CI; the bulk path takes a few seconds
    # and the batched re-evaluation stored exactly what `reevaluate` stores
    stored = {e.subject_id: e for e in await Evaluation.all()}
    entries = await ListEntry.all().values_list("subject_id", "kind", "since", "until", "rule")
    for subject in await Subject.all().order_by("id").limit(40):
        await reevaluate(subject)
        again = await Evaluation.get(subject_id=subject.id)
        assert (again.grade, again.next_change_at, again.payload) == (
            stored[subject.id].grade,
            stored[subject.id].next_change_at,
            stored[subject.id].payload,
        )
    assert sorted(
        await ListEntry.all().values_list("subject_id", "kind", "since", "until", "rule")
    ) == sorted(entries)
    # and a second import finds all of it
    again_report = await import_file(data, "jsonl")
    assert (again_report.decisions_skipped, again_report.records_skipped) == (1200, 400)


async def test_reevaluate_many_matches_reevaluate_for_existing_evaluations(places: None) -> None:
    # given subjects evaluated one by one, then given more records
    assert (await import_rows(list(big_rows(50)))).ok
    subjects = await Subject.all()
    assert (await import_rows([watch_row(s.id, 7, 3) | {"uscc": s.uscc} for s in subjects[:3]])).ok
    by_one = {}
    for s in subjects:
        await reevaluate(s)
        e = await Evaluation.get(subject_id=s.id)
        by_one[s.id] = (e.grade, e.next_change_at, e.payload)
    lists = sorted(await ListEntry.all().values_list("subject_id", "kind", "since", "until"))

    # when
    async with in_transaction() as conn:
        await reevaluate_many([s.id for s in subjects], conn)

    # then
    for s in subjects:
        e = await Evaluation.get(subject_id=s.id)
        assert (e.grade, e.next_change_at, e.payload) == by_one[s.id]
    assert (
        sorted(await ListEntry.all().values_list("subject_id", "kind", "since", "until")) == lists
    )


@pytest.mark.skipif(not os.environ.get("IMPORT_BENCH_ROWS"), reason="set IMPORT_BENCH_ROWS")
async def test_benchmark(places: None, capsys: pytest.CaptureFixture[str]) -> None:
    # given IMPORT_BENCH_ROWS rows (10,000 for the documented timing)
    n = int(os.environ["IMPORT_BENCH_ROWS"])
    data = formats.write_jsonl(big_rows(n))

    # when
    started = time.perf_counter()
    first = await import_file(data, "jsonl")
    middle = time.perf_counter()
    second = await import_file(data, "jsonl")
    done = time.perf_counter()

    # then
    assert first.ok and second.ok
    with capsys.disabled():
        print(f"\n{n} rows: first import {middle - started:.2f} s, again {done - middle:.2f} s")
        print(first.describe())
