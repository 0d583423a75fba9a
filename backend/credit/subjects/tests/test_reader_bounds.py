"""Who sees what (issue 11, items 1, 2, 3 and 6): an enterprise sees what the public sees
plus its own filings; every internal read is bounded by jurisdiction (the administrator
aside); a natural person is found publicly only by the exact ID number; an id of
another scope is answered exactly like an id that does not exist."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import httpx

from credit.accounts.auth import create_api_token
from credit.accounts.crypto import protect_id_number
from credit.accounts.models import Role, Unit, UnitKind, User
from credit.accounts.permissions import Permission
from credit.conftest import gql, sign_in
from credit.core import clock
from credit.grades.services import reevaluate
from credit.policies.facts import SubjectKind
from credit.records.lifecycle import Action
from credit.records.services import RecordInput, create_published, create_record, transition
from credit.subjects.models import Subject
from credit.subjects.person_lookup import PERSON_LOOKUPS_PER_MINUTE
from credit.testing import make_place, make_subject, make_user

SECRET = "线人王某某-内部机密"
PERSON_ID = "410481199001011236"


def _record(tag: str, **kw: Any) -> RecordInput:
    today = clock.today()
    return RecordInput(
        type="watch_list_case",
        occurred_on=today - timedelta(days=3),
        summary=f"{tag}摘要",
        situation_code="s01",
        internal_note=f"{tag}-{SECRET}",
        provider_person=f"{tag}-录入民警",
        decision_no=f"{tag}号",
        decision_date=today - timedelta(days=3),
        **kw,
        issuing_unit="公安局",
    )


async def _wugang_user(username: str, role: Role) -> User:
    j, _ = await make_place("wugang-2021")
    unit = await Unit.get_or_none(code="WG-CITY")
    if unit is None:
        unit = await Unit.create(
            code="WG-CITY", name="舞钢市公安局", kind=UnitKind.CITY_BUREAU, jurisdiction_id=j.id
        )
    from credit.accounts.passwords import hash_password

    return await User.create(
        username=username,
        password_hash=hash_password("Correct-Horse-1"),
        display_name=username,
        role=role,
        unit_id=unit.id,
    )


async def _token(jurisdiction_code: str, scopes: list[Permission]) -> str:
    j, _ = await make_place(jurisdiction_code)
    unit = await Unit.create(
        code=f"PARTNER-{j.code}", name="合作机构", kind=UnitKind.PARTNER, jurisdiction_id=j.id
    )
    new = await create_api_token(
        name="t",
        unit_id=unit.id,
        scopes=scopes,
        expires_at=clock.now() + timedelta(days=30),
        rate_limit_per_minute=600,
        conn=None,
    )
    return new.secret


async def _person() -> Subject:
    j, d = await make_place("wugang-2021")
    person = await Subject.create(
        kind=SubjectKind.NATURAL_PERSON,
        name="赵小明",
        jurisdiction_id=j.id,
        district_id=d.id,
        **protect_id_number(PERSON_ID),
    )
    await reevaluate(person, None)
    return person


# --- 1. the enterprise's own view ---------------------------------------------------------

MY_RECORDS = "{ mySubject { records(first: 100) { edges { node { id status summary } } } } }"


async def test_enterprise_sees_only_published_records_of_itself(make_client) -> None:
    # given: its subject with a record in every internal state, and one published
    s = await make_subject("自查技防公司")
    await create_record(s, _record("draft"), None)
    submitted = await create_record(s, _record("submitted"), None)
    await transition(submitted, Action.SUBMIT, None)
    rejected = await create_record(s, _record("rejected"), None)
    await transition(rejected, Action.SUBMIT, None)
    await transition(rejected, Action.REJECT, None, reason=SECRET)
    shown = await create_published(s, _record("published"), clock.today(), None)
    await make_user("ent", "ENTERPRISE", subject=s)
    client = make_client()
    await sign_in(client, "ent")

    # when
    body = await gql(client, MY_RECORDS)

    # then
    nodes = [e["node"] for e in body["data"]["mySubject"]["records"]["edges"]]
    assert nodes == [{"id": str(shown.id), "status": "PUBLISHED", "summary": "published摘要"}]


async def test_enterprise_never_reads_internal_note_provider_or_history(make_client) -> None:
    s = await make_subject("自查技防公司")
    await create_published(s, _record("published"), clock.today(), None)
    await make_user("ent", "ENTERPRISE", subject=s)
    client = make_client()
    await sign_in(client, "ent")
    for field in (
        "internalNote",
        "providerPerson",
        "providerUnit",
        "transitions { byUsername reason }",
    ):
        # when
        body = await gql(
            client, f"{{ mySubject {{ records {{ edges {{ node {{ id {field} }} }} }} }} }}"
        )
        # then
        assert SECRET not in str(body) and "录入民警" not in str(body), field
        assert body["errors"][0]["extensions"]["code"] == "PERMISSION_DENIED", field


# --- 2. jurisdictions ---------------------------------------------------------------------

AUDIT = """query($t: String, $o: String) { auditEvents(objectType: $t, objectId: $o, first: 100) {
  totalCount edges { node { action actorUsername objectType objectId before after } } } }"""
CREATE = """mutation($i: CreditRecordCreateInput!) {
  creditRecordCreate(input: $i) { creditRecord { id } errors { code field message } } }"""


async def test_wugang_reviewer_reads_no_shenyang_audit_events(make_client) -> None:
    # given: a Shenyang officer's record, entered through the API (one audit event)
    s = await make_subject("沈阳审计公司")
    await make_user("officer", "DISTRICT_OFFICER")
    await make_user("reviewer", "CITY_REVIEWER")
    await make_user("admin", "ADMIN")
    await _wugang_user("wg.reviewer", Role.CITY_REVIEWER)
    officer, sy, wg, admin = make_client(), make_client(), make_client(), make_client()
    await sign_in(officer, "officer")
    created = await gql(
        officer,
        CREATE,
        {
            "i": {
                "subjectId": str(s.id),
                "type": "filing",
                "occurredOn": str(clock.today()),
                "summary": SECRET,
            }
        },
    )
    rid = created["data"]["creditRecordCreate"]["creditRecord"]["id"]
    await sign_in(sy, "reviewer")
    await sign_in(wg, "wg.reviewer")
    await sign_in(admin, "admin")
    one = {"t": "credit_record", "o": rid}

    # when
    wg_one, wg_all = await gql(wg, AUDIT, one), await gql(wg, AUDIT, {})
    sy_one, admin_one = await gql(sy, AUDIT, one), await gql(admin, AUDIT, one)

    # then
    assert wg_one["data"]["auditEvents"]["totalCount"] == 0
    assert SECRET not in str(wg_all) and "officer" not in str(wg_all)
    # all it reads is its own sign-in: no Shenyang login, no Shenyang record
    assert [
        (e["node"]["action"], e["node"]["actorUsername"])
        for e in wg_all["data"]["auditEvents"]["edges"]
    ] == [("auth.login", "wg.reviewer")]
    assert sy_one["data"]["auditEvents"]["totalCount"] == 1
    assert admin_one["data"]["auditEvents"]["totalCount"] == 1


ID_NUMBER = """query($q: String!) { subjectSearch(name: $q) {
  edges { node { name idNumber idNumberMasked } } } }"""


async def test_shenyang_token_with_unmasked_scope_never_gets_a_wugang_id_number(
    make_client,
) -> None:
    # given
    await _person()
    sy_token = await _token("shenyang-jifang-2018", [Permission.VIEW_UNMASKED_ID])
    wg_token = await _token("wugang-2021", [Permission.VIEW_UNMASKED_ID])
    client = make_client()

    # when
    sy = await gql(
        client, ID_NUMBER, {"q": PERSON_ID}, headers={"authorization": f"Bearer {sy_token}"}
    )
    wg = await gql(
        client, ID_NUMBER, {"q": PERSON_ID}, headers={"authorization": f"Bearer {wg_token}"}
    )

    # then
    assert sy["data"]["subjectSearch"]["edges"][0]["node"] == {
        "name": "赵*明",
        "idNumber": None,
        "idNumberMasked": "410481********1236",
    }
    assert PERSON_ID not in str(sy)
    assert wg["data"]["subjectSearch"]["edges"][0]["node"]["idNumber"] == PERSON_ID


async def test_the_administrator_alone_reads_every_jurisdiction(make_client) -> None:
    await make_subject("沈阳甲公司")
    await make_subject("舞钢乙公司", policy_code="wugang-2021")
    await make_user("admin", "ADMIN")
    await make_user("reviewer", "CITY_REVIEWER")
    admin, reviewer = make_client(), make_client()
    await sign_in(admin, "admin")
    await sign_in(reviewer, "reviewer")
    query = "{ internalSubjects(first: 100) { edges { node { name } } } }"
    names = lambda b: {e["node"]["name"] for e in b["data"]["internalSubjects"]["edges"]}  # noqa: E731
    assert names(await gql(admin, query)) == {"沈阳甲公司", "舞钢乙公司"}
    assert names(await gql(reviewer, query)) == {"沈阳甲公司"}


# --- 3. natural persons in public ---------------------------------------------------------

SEARCH = """query($q: String!) { subjectSearch(name: $q) { totalCount
  edges { node { name kind idNumberMasked grade { level } } } } }"""


async def test_public_search_never_finds_a_natural_person_by_name(make_client) -> None:
    await _person()
    client = make_client()
    for term in ("赵小明", "赵", "小明", "赵*明", PERSON_ID[:17], PERSON_ID[6:]):
        body = await gql(client, SEARCH, {"q": term})
        assert body["data"]["subjectSearch"]["totalCount"] == 0, term


async def test_public_finds_a_natural_person_by_the_exact_id_number_masked(make_client) -> None:
    await _person()
    client = make_client()
    body = await gql(client, SEARCH, {"q": f" {PERSON_ID} "})  # trimmed
    (edge,) = body["data"]["subjectSearch"]["edges"]
    assert edge["node"]["name"] == "赵*明"
    assert edge["node"]["idNumberMasked"] == "410481********1236"
    assert PERSON_ID not in str(body) and "赵小明" not in str(body)


async def test_id_number_lookups_have_a_stricter_rate_limit(make_client) -> None:
    await _person()
    client = make_client()
    # every guess a different number (a repeated one is answered from the public cache)
    guesses = [f"41048119900101{i:04d}" for i in range(PERSON_LOOKUPS_PER_MINUTE)]
    answers = [await gql(client, SEARCH, {"q": g}) for g in [*guesses, PERSON_ID]]
    assert all("errors" not in a for a in answers[:-1])
    assert answers[-1]["errors"][0]["extensions"]["code"] == "RATE_LIMITED"
    # a name search is not counted against it
    assert "errors" not in await gql(client, SEARCH, {"q": "公司"})


# --- 6. ids of other scopes look unused ---------------------------------------------------

SUBMIT = """mutation($id: ID!) { creditRecordSubmit(id: $id) { errors { code field message } } }"""
ACCEPT = """mutation($id: ID!) { objectionAccept(id: $id) { errors { code field message } } }"""
REPORTER = """query($id: ID!) { publicReportReporter(id: $id) { name } }"""
MISSING = "987654"


def _errors(body: dict[str, Any]) -> Any:
    data = body.get("data") or {}
    payload = next(iter(data.values()), None) if data else None
    if isinstance(payload, dict) and "errors" in payload:
        return payload["errors"]
    return [
        {"code": e["extensions"]["code"], "message": e["message"]} for e in body.get("errors", [])
    ]


async def _same(client: httpx.AsyncClient, query: str, foreign: str) -> None:
    theirs = await gql(client, query, {"id": foreign})
    missing = await gql(client, query, {"id": MISSING})
    assert _errors(theirs) == _errors(missing), (query, theirs, missing)
    assert _errors(theirs), theirs


async def test_another_districts_record_is_answered_like_a_missing_one(make_client) -> None:
    from credit.subjects.models import District

    j, d1 = await make_place()
    d2 = await District.create(code="sy-d2", name="铁西区", jurisdiction_id=j.id)
    theirs = await make_subject("铁西区乙公司", district=d2)
    record = await create_record(theirs, _record("draft"), None)
    await make_user("officer", "DISTRICT_OFFICER", district=d1)
    client = make_client()
    await sign_in(client, "officer")
    await _same(client, SUBMIT, str(record.id))
    created = await gql(
        client,
        CREATE,
        {
            "i": {
                "subjectId": str(theirs.id),
                "type": "filing",
                "occurredOn": str(clock.today()),
                "summary": "x",
            }
        },
    )
    missing = await gql(
        client,
        CREATE,
        {
            "i": {
                "subjectId": MISSING,
                "type": "filing",
                "occurredOn": str(clock.today()),
                "summary": "x",
            }
        },
    )
    assert (
        created["data"]["creditRecordCreate"]["errors"]
        == missing["data"]["creditRecordCreate"]["errors"]
        == [{"code": "NOT_FOUND", "field": "subjectId", "message": "主体不存在"}]
    )


async def test_another_jurisdictions_objection_and_report_look_missing(make_client) -> None:
    from credit.objections.models import Objection
    from credit.reports.models import PublicReport

    s = await make_subject("沈阳异议公司")
    record = await create_published(s, _record("published"), clock.today(), None)
    objection = await Objection.create(
        subject_id=s.id,
        record_ids=[record.id],
        published_on=clock.today(),
        filing_deadline=clock.today() + timedelta(days=30),
        channel="ONLINE",
        reasons="理由",
        status="FILED",
        filed_on=clock.today(),
        filed_at=clock.now(),
    )
    report = await PublicReport.create(
        subject_id=s.id,
        content="举报内容",
        status="RECEIVED",
        received_at=clock.now(),
    )
    await _wugang_user("wg.reviewer", Role.CITY_REVIEWER)
    client = make_client()
    await sign_in(client, "wg.reviewer")
    await _same(client, ACCEPT, str(objection.id))
    await _same(client, REPORTER, str(report.id))


OBJECT_TO = """mutation($input: ObjectionFileInput!) {
  objectionFile(input: $input) { errors { code field message } } }"""


async def test_enterprise_cannot_probe_its_own_drafts_through_an_objection(make_client) -> None:
    # given: its subject with a draft (entered by an officer, not yet submitted)
    s = await make_subject("自查技防公司")
    draft = await create_record(s, _record("draft"), None)
    await make_user("ent", "ENTERPRISE", subject=s)
    client = make_client()
    await sign_in(client, "ent")

    async def file(record_id: str) -> list[dict[str, str]]:
        body = await gql(
            client,
            OBJECT_TO,
            {"input": {"subjectId": str(s.id), "recordIds": [record_id], "reasons": "异议"}},
        )
        return body["data"]["objectionFile"]["errors"]

    # when
    on_draft, on_missing = await file(str(draft.id)), await file(MISSING)

    # then: the same answer, but for the id it names
    assert on_draft == [
        {**e, "message": e["message"].replace(MISSING, str(draft.id))} for e in on_missing
    ]
    assert on_missing[0]["code"] == "NOT_FOUND"


async def test_an_all_digit_code_is_still_found_by_the_search(make_client) -> None:
    # 121200004013590816 is a real USCC of 18 digits: the shape of an ID number too
    await make_subject("数字代码事业单位", uscc="121200004013590816")
    client = make_client()
    body = await gql(client, SEARCH, {"q": "121200004013590816"})
    assert [e["node"]["name"] for e in body["data"]["subjectSearch"]["edges"]] == [
        "数字代码事业单位"
    ]
