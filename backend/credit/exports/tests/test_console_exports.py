"""Console exports: the page's permission and data scope (a district officer's file holds
their district only), the page's filters, Chinese values, and an audit event with the
filters and the row count."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import httpx

from credit.accounts.actor import Actor
from credit.audit.models import AuditEvent
from credit.audit.services import record_event
from credit.conftest import sign_in
from credit.core import clock
from credit.exports.tests.helpers import csv_rows, listed, second_district, table, xlsx_rows
from credit.objections.models import Objection
from credit.policies.facts import SubjectKind
from credit.repairs.models import RepairApplication
from credit.testing import make_place, make_subject, make_user


async def officer_client(make_client: Any, district: Any = None) -> httpx.AsyncClient:
    await make_user("li.officer", "DISTRICT_OFFICER", district=district)
    client = make_client()
    await sign_in(client, "li.officer")
    return client


async def reviewer_client(make_client: Any) -> httpx.AsyncClient:
    await make_user("zhao.reviewer", "CITY_REVIEWER")
    client = make_client()
    await sign_in(client, "zhao.reviewer")
    return client


async def test_district_officer_exports_only_their_district(make_client: Any) -> None:
    # given: a subject in the officer's district and one in another
    _, home = await make_place()
    other = await second_district()
    await make_subject("沈阳和平技防有限公司", district=home)
    await make_subject("沈阳沈河技防有限公司", district=other)
    client = await officer_client(make_client, home)
    # when
    response = await client.get("/export/internal-subjects.xlsx")
    # then
    assert response.status_code == 200
    facts, columns, data = table(xlsx_rows(response.content))
    assert [r["名称"] for r in data] == ["沈阳和平技防有限公司"]
    assert facts["条数"] == "共 1 条"
    assert columns == [
        "名称", "统一社会信用代码", "身份证号码（脱敏）", "主体类型",
        "辖区", "地址", "信用等级", "名单",
    ]  # fmt: skip


async def test_reviewer_export_follows_the_page_filters(make_client: Any) -> None:
    other = await second_district()
    await listed("沈阳和平技防有限公司")
    await make_subject("沈阳沈河技防有限公司", district=other)
    client = await reviewer_client(make_client)
    response = await client.get(
        "/export/internal-subjects.csv", params={"district": "sy-d1", "search": "技防"}
    )
    facts, _, data = table(csv_rows(response.content))
    assert facts["筛选条件：辖区"] == "和平区"
    assert facts["筛选条件：名称或代码"] == "技防"
    assert [(r["名称"], r["辖区"], r["主体类型"]) for r in data] == [
        ("沈阳和平技防有限公司", "和平区", "企业")
    ]


async def test_natural_person_id_number_is_masked_internally_too(make_client: Any) -> None:
    # given: a Wugang person, and an administrator (every jurisdiction)
    await make_subject("王小明", "wugang-2021", kind=SubjectKind.NATURAL_PERSON)
    from credit.subjects.models import Subject

    await Subject.filter(name="王小明").update(uscc=None, id_number_masked="410481********1234")
    await make_user("sy.admin", "ADMIN")
    client = make_client()
    await sign_in(client, "sy.admin")
    response = await client.get("/export/internal-subjects.csv")
    _, _, data = table(csv_rows(response.content))
    assert [(r["名称"], r["身份证号码（脱敏）"]) for r in data] == [
        ("王小明", "410481********1234")
    ]


async def test_internal_export_is_audited_with_filters_and_rows(make_client: Any) -> None:
    await make_subject("沈阳和平技防有限公司")
    client = await reviewer_client(make_client)
    response = await client.get("/export/internal-subjects.csv", params={"grade": "UNGRADED"})
    assert response.status_code == 200
    event = await AuditEvent.get(action="export.download")
    assert event.actor_username == "zhao.reviewer"
    assert event.object_type == "export" and event.object_id == "internal-subjects"
    assert event.after["filters"] == {"信用等级": "未评级"}
    assert event.after["rows"] == 0 and event.after["format"] == "csv"


async def test_anonymous_cannot_export_console_lists(app_client: httpx.AsyncClient) -> None:
    for name in ("internal-subjects", "objections", "repair-applications", "audit-events"):
        response = await app_client.get(f"/export/{name}.csv")
        assert response.status_code == 401, name
        assert response.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert not await AuditEvent.filter(action="export.download").exists()


async def test_export_needs_the_page_permission(make_client: Any) -> None:
    # given: a district officer (no VIEW_AUDIT, no HANDLE_OBJECTIONS)
    client = await officer_client(make_client)
    for name in ("audit-events", "objections"):
        # when
        response = await client.get(f"/export/{name}.xlsx")
        # then
        assert response.status_code == 403, name
        assert response.json()["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED"
    assert not await AuditEvent.filter(action="export.download").exists()


async def test_reminders_register_needs_its_dates(make_client: Any) -> None:
    client = await officer_client(make_client)
    missing = await client.get("/export/reminders.csv", params={"start": "2026-01-01"})
    assert missing.status_code == 400
    assert missing.json()["errors"][0]["extensions"]["field"] == "end"
    wrong = await client.get("/export/reminders.csv", params={"start": "2026-13-01", "end": "x"})
    assert wrong.json()["errors"][0]["extensions"]["field"] == "start"
    reversed_ = await client.get(
        "/export/reminders.csv", params={"start": "2026-02-01", "end": "2026-01-01"}
    )
    # the page's own check answers, with the page's code and field
    assert reversed_.status_code == 400
    assert reversed_.json()["errors"][0]["extensions"] == {
        "code": "INVALID_ARGUMENT",
        "field": "end",
    }
    ok = await client.get(
        "/export/reminders.xlsx", params={"start": "2026-01-01", "end": "2026-01-31"}
    )
    assert ok.status_code == 200
    facts, _, _ = table(xlsx_rows(ok.content))
    assert facts["筛选条件：开始日期"] == "2026-01-01"


async def _objection(subject_id: int, status: str, reasons: str) -> None:
    await Objection.create(
        subject_id=subject_id,
        record_ids=[],
        published_on=clock.today(),
        filing_deadline=clock.today() + timedelta(days=30),
        channel="ONLINE",
        reasons=reasons,
        status=status,
        filed_on=clock.today(),
        filed_at=clock.now(),
    )


async def test_objection_queue_export(make_client: Any) -> None:
    s = await make_subject("沈阳甲乙技防工程有限公司")
    await _objection(s.id, "FILED", "决定书送达有误")
    await _objection(s.id, "WITHDRAWN", "已撤回的异议")
    client = await reviewer_client(make_client)
    response = await client.get("/export/objections.csv", params={"status": "FILED,ACCEPTED"})
    assert response.status_code == 200
    facts, _, data = table(csv_rows(response.content))
    assert facts["筛选条件：状态"] == "已提交、已受理"
    assert [(r["主体"], r["状态"], r["提交方式"], r["异议理由"]) for r in data] == [
        ("沈阳甲乙技防工程有限公司", "已提交", "网上提交", "决定书送达有误")
    ]
    bad = await client.get("/export/objections.csv", params={"status": "FILED,LOST"})
    assert bad.status_code == 400
    assert bad.json()["errors"][0]["extensions"]["field"] == "status"


async def test_repair_queue_export(make_client: Any) -> None:
    s = await make_subject("沈阳甲乙技防工程有限公司")
    await RepairApplication.create(
        subject_id=s.id,
        record_ids=[],
        channel="PAPER",
        applicant_name="李四",
        rectification="已完成整改并通过复查",
        status="FILED",
        filed_at=clock.now(),
    )
    client = await reviewer_client(make_client)
    response = await client.get("/export/repair-applications.xlsx")
    _, _, data = table(xlsx_rows(response.content))
    assert [(r["申请人"], r["提交方式"], r["状态"], r["整改情况"]) for r in data] == [
        ("李四", "书面申请", "已提交", "已完成整改并通过复查")
    ]


async def test_audit_trail_export_in_chinese(make_client: Any) -> None:
    client = await reviewer_client(make_client)
    sy, _ = await make_place()
    await record_event(
        None,
        Actor(username="li.officer", role="DISTRICT_OFFICER", jurisdiction_id=sy.id),
        "credit_record.publish",
        object_type="credit_record",
        object_id="7",
    )
    response = await client.get("/export/audit-events.csv", params={"objectType": "credit_record"})
    assert response.status_code == 200
    facts, _, data = table(csv_rows(response.content))
    assert facts["筛选条件：对象类型"] == "信用信息"
    publish = [r for r in data if r["对象编号"] == "7"]
    assert [(r["操作人"], r["角色"], r["操作"], r["对象类型"]) for r in publish] == [
        ("li.officer", "分局民警", "信用信息：公布", "信用信息")
    ]
    # the export itself is in the trail it exports (the next file shows it)
    again = await client.get("/export/audit-events.csv", params={"objectType": "export"})
    _, _, rows = table(csv_rows(again.content))
    assert [r["操作"] for r in rows] == ["导出数据"]


async def test_enterprise_exports_only_its_own_objections(make_client: Any) -> None:
    # given: objections of two enterprises, and the first one's account
    own = await make_subject("沈阳甲乙技防工程有限公司")
    other = await make_subject("沈阳丙丁技防工程有限公司")
    await _objection(own.id, "FILED", "本企业的异议")
    await _objection(other.id, "FILED", "他企业的异议")
    await make_user("enterprise", "ENTERPRISE", subject=own)
    client = make_client()
    await sign_in(client, "enterprise")
    # when
    response = await client.get("/export/objections.csv")
    # then
    _, _, data = table(csv_rows(response.content))
    assert [r["异议理由"] for r in data] == ["本企业的异议"]
    assert "他企业" not in response.content.decode("utf-8-sig")


async def test_a_bad_bearer_token_is_401(app_client: httpx.AsyncClient) -> None:
    response = await app_client.get(
        "/export/red-list.csv", headers={"authorization": "Bearer cst_nope"}
    )
    assert response.status_code == 401
    assert response.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
