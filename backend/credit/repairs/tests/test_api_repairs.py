"""Credit repair through the API (SY 第十五条): a report received during the publication
blocks the removal decision until it is found unsubstantiated; approval removes the
entry at once and announces it to the public sites."""

from __future__ import annotations

from datetime import date

from credit.casework.testing import freeze_on, watch_case, wugang_decision
from credit.conftest import gql, sign_in
from credit.policies.facts import RecordStatus
from credit.policies.params import WUGANG_CODE
from credit.records.models import CreditRecord
from credit.records.services import create_published
from credit.repairs.models import RepairApplication
from credit.testing import make_subject, make_user

APPLY = """
mutation($input: RepairApplyInput!) {
  repairApply(input: $input) {
    repairApplication { id status channel recordIds }
    errors { code field message }
  }
}
"""
APPROVE = """
mutation($id: ID!, $no: String!) {
  repairApprove(id: $id, decisionNo: $no, reason: "已整改到位") {
    repairApplication { status decisionNo resultNotice { kind title } records { status } }
    errors { code field message }
  }
}
"""
REPORT = """mutation($u: String!) { publicReportFile(uscc: $u, content: "该公司仍在违规经营") {
  acknowledgementNo errors { code } } }"""
REPORTS = "{ publicReports { edges { node { id status } } } }"
TRIAGE = """mutation($id: ID!, $h: ID!) { reportTriage(id: $id, handlerUserId: $h) {
  publicReport { status handledByMe } errors { code message } } }"""
INVESTIGATE = """mutation($id: ID!) { reportInvestigationStart(id: $id) {
  publicReport { status } errors { code } } }"""
CLOSE = """mutation($id: ID!) { reportClose(id: $id, substantiated: false, note: "经核查不属实") {
  publicReport { status outcome } errors { code } } }"""
PUBLIC = "query($u: String!) { subject(uscc: $u) { lists { list } } }"
EVENTS = """{ outboxEvents(status: [PENDING]) { totalCount edges { node {
  kind target targetName status payload } } } }"""
LIST = """query($s: [RepairStatus!]) { repairApplications(status: $s) {
  totalCount edges { node { id status rectification } } } }"""


async def test_repair_is_blocked_by_an_open_report_until_it_is_found_unsubstantiated(
    make_client,
) -> None:
    # given: a watch-list case published 2026-05-04 and a public report received today
    freeze_on(date(2026, 6, 22))
    subject = await make_subject()
    published = date(2026, 5, 4)
    record = await create_published(subject, watch_case(published), published, None)
    await make_user("ent", "ENTERPRISE", subject=subject)
    reviewer_user = await make_user("reviewer", "CITY_REVIEWER")
    enterprise, reviewer, public = make_client(), make_client(), make_client()
    await sign_in(enterprise, "ent")
    await sign_in(reviewer, "reviewer")
    reported = await gql(public, REPORT, {"u": subject.uscc})
    applied = await gql(
        enterprise,
        APPLY,
        {
            "input": {
                "subjectId": str(subject.id),
                "recordIds": [str(record.id)],
                "rectification": "已按要求整改服务流程，并与投诉用户达成和解",
            }
        },
    )
    application_id = applied["data"]["repairApply"]["repairApplication"]["id"]

    # when: approved while the report is open
    blocked = await gql(reviewer, APPROVE, {"id": application_id, "no": "沈公技防解〔2026〕1号"})
    still_listed = await gql(public, PUBLIC, {"u": subject.uscc})
    # … the report is investigated and found unsubstantiated, then approved again
    (report,) = [
        e["node"] for e in (await gql(reviewer, REPORTS))["data"]["publicReports"]["edges"]
    ]
    triaged = await gql(reviewer, TRIAGE, {"id": report["id"], "h": str(reviewer_user.id)})  # type: ignore[attr-defined]
    await gql(reviewer, INVESTIGATE, {"id": report["id"]})
    closed = await gql(reviewer, CLOSE, {"id": report["id"]})
    approved = await gql(reviewer, APPROVE, {"id": application_id, "no": "沈公技防解〔2026〕1号"})
    after = await gql(public, PUBLIC, {"u": subject.uscc})
    events = await gql(reviewer, EVENTS)
    listed = await gql(enterprise, LIST, {"s": ["APPROVED"]})

    # then
    assert reported["data"]["publicReportFile"]["errors"] == []
    assert applied["data"]["repairApply"]["errors"] == []
    (error,) = blocked["data"]["repairApprove"]["errors"]
    assert error["code"] == "BLOCKED_BY_REPORT"
    assert f"编号{report['id']}" in error["message"] and "尚在核查" in error["message"]
    assert still_listed["data"]["subject"]["lists"] == [{"list": "WATCH"}]
    assert triaged["data"]["reportTriage"]["publicReport"]["handledByMe"] is True
    assert closed["data"]["reportClose"]["publicReport"] == {
        "status": "CLOSED",
        "outcome": "UNSUBSTANTIATED",
    }
    payload = approved["data"]["repairApprove"]
    assert payload["errors"] == []
    assert payload["repairApplication"]["status"] == "APPROVED"
    assert payload["repairApplication"]["decisionNo"] == "沈公技防解〔2026〕1号"
    assert payload["repairApplication"]["resultNotice"]["kind"] == "REPAIR_APPROVED"
    assert payload["repairApplication"]["records"] == [{"status": "REPAIRED"}]
    assert after["data"]["subject"]["lists"] == []
    nodes = [e["node"] for e in events["data"]["outboxEvents"]["edges"]]
    withdrawn = {n["target"] for n in nodes if n["kind"] == "records.withdrawn"}
    removed = {n["target"] for n in nodes if n["kind"] == "list.entry_removed"}
    targets = {"credit_shenyang", "shenyang_police_web", "municipal_platform"}
    assert withdrawn == targets and removed == targets
    assert all(n["payload"]["subject"]["uscc"] == subject.uscc for n in nodes)
    assert listed["data"]["repairApplications"]["totalCount"] == 1
    assert (await CreditRecord.get(id=record.id)).status == RecordStatus.REPAIRED


async def test_repair_before_the_minimum_period_is_too_early(make_client) -> None:
    # given: a Wugang warning (general dishonesty: 3 months minimum) published 2026-03-02
    subject = await make_subject(name="舞钢某商行", policy_code=WUGANG_CODE)
    record = await create_published(
        subject, wugang_decision(date(2026, 3, 2)), date(2026, 3, 2), None
    )
    freeze_on(date(2026, 6, 1))
    await make_user("ent", "ENTERPRISE", subject=subject)
    enterprise = make_client()
    await sign_in(enterprise, "ent")
    apply = {
        "subjectId": str(subject.id),
        "recordIds": [str(record.id)],
        "rectification": "已整改",
    }

    # when: one day early, then on the first allowed day
    early = await gql(enterprise, APPLY, {"input": apply})
    freeze_on(date(2026, 6, 2))
    await sign_in(enterprise, "ent")
    on_time = await gql(enterprise, APPLY, {"input": apply})

    # then
    (error,) = early["data"]["repairApply"]["errors"]
    assert (error["code"], error["field"]) == ("TOO_EARLY", "recordIds")
    assert "最短公示期为3个月，2026-06-02起方可申请修复" in error["message"]
    assert on_time["data"]["repairApply"]["errors"] == []
    assert await RepairApplication.all().count() == 1
