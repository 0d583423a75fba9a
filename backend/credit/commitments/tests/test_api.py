"""The commitments register through the API: an officer registers a subject's signed
commitment with its document, the public profile shows it (public fields only), a
违反许可承诺书 record names it and the public sees the breach once published; bad input and
other districts get coded errors and nothing is written."""

from __future__ import annotations

import base64
from typing import Any

from credit.accounts.models import Role, Unit, UnitKind, User
from credit.audit.models import AuditEvent
from credit.casework.models import EvidenceFile
from credit.commitments.models import Commitment, CommitmentBreach
from credit.conftest import gql, sign_in
from credit.core import clock
from credit.policies.facts import SubjectKind
from credit.subjects.models import District
from credit.testing import _hash_cache, make_place, make_subject, make_user

REGISTER = """mutation($input: CommitmentRegisterInput!) {
  commitmentRegister(input: $input) {
    commitment { id kind kindName matter content fromTemplate status statusName receivingUnit
                 document { name contentType size } }
    errors { field code message } } }"""
WITHDRAW = """mutation($id: ID!, $r: String!) {
  commitmentWithdraw(id: $id, reason: $r) {
    commitment { status withdrawReason } errors { field code } } }"""
LINK = """mutation($c: ID!, $r: ID!) {
  commitmentBreachLink(commitmentId: $c, recordId: $r) {
    commitment { breaches { id } } errors { field code message } } }"""
CREATE = """mutation($input: CreditRecordCreateInput!) {
  creditRecordCreate(input: $input) { creditRecord { id } errors { field code message } } }"""
STEP = """mutation($id: ID!) {
  s: creditRecordSubmit(id: $id) { errors { code } } }"""
REVIEW = """mutation($id: ID!) {
  v: creditRecordVerify(id: $id) { errors { code } }
  p: creditRecordPublish(id: $id) { errors { code } } }"""
PUBLIC = """query($u: String!) { subject(uscc: $u) { name commitments {
  totalCount edges { node { kind kindName matter content signedOn receivingUnit status statusName
  breaches { decisionNo typeName } } } } } }"""
INTERNAL = """query($id: ID!) { internalSubject(id: $id) { commitments { totalCount
  edges { node { matter status breaches { id } } } } } }"""
PDF = base64.b64encode(b"%PDF-1.4 commitment").decode()


async def wugang_staff() -> tuple[District, Any, Any]:
    """A Wugang district with its officer and the city reviewer (licence-commitment
    violations are Wugang's record type)."""
    j, d = await make_place("wugang-2021")
    units = {
        "officer": await Unit.create(
            code="WG-D1",
            name="舞钢市公安局治安大队",
            kind=UnitKind.DISTRICT_BUREAU,
            jurisdiction_id=j.id,
            district_id=d.id,
        ),
        "reviewer": await Unit.create(
            code="WG-CITY", name="舞钢市公安局", kind=UnitKind.CITY_BUREAU, jurisdiction_id=j.id
        ),
    }
    roles = {"officer": Role.DISTRICT_OFFICER, "reviewer": Role.CITY_REVIEWER}
    for name, unit in units.items():
        await User.create(
            username=f"wg.{name}",
            password_hash=_hash_cache(
                "Correct-Horse-1",
                __import__("credit.accounts.passwords", fromlist=["hash_password"]).hash_password,
            ),
            display_name=name,
            role=roles[name],
            unit_id=unit.id,
        )
    return d, units["officer"], units["reviewer"]


def register_input(subject_id: int, **over: Any) -> dict[str, Any]:
    return {
        "subjectId": str(subject_id),
        "kind": "licence",
        "matter": "保安服务许可",
        "signedOn": clock.today().isoformat(),
        **over,
    }


def violation_input(subject_id: int, commitment_id: str | None, no: str) -> dict[str, Any]:
    today = clock.today().isoformat()
    return {
        "subjectId": str(subject_id),
        "type": "licence_commitment_violation",
        "occurredOn": today,
        "summary": "未按承诺期限补齐许可材料",
        "decisionNo": no,
        "decisionDate": today,
        "issuingUnit": "舞钢市公安局",
        "commitmentId": commitment_id,
    }


async def test_registered_commitment_shows_on_the_public_profile_with_its_breach(
    make_client,
) -> None:
    # given
    await wugang_staff()
    subject = await make_subject("舞钢承诺测试有限公司", "wugang-2021")
    officer, reviewer, public = make_client(), make_client(), make_client()
    await sign_in(officer, "wg.officer")
    await sign_in(reviewer, "wg.reviewer")
    # when: registered with the template text and a scanned document
    doc = {"name": "承诺书.pdf", "contentType": "application/pdf", "base64": PDF}
    reg = await gql(officer, REGISTER, {"input": register_input(subject.id, document=doc)})
    payload = reg["data"]["commitmentRegister"]
    # then
    assert payload["errors"] == []
    c = payload["commitment"]
    assert c["kindName"] == "许可承诺书" and c["fromTemplate"] and "保安服务许可" in c["content"]
    assert c["status"] == "ACTIVE" and c["statusName"] == "有效"
    assert c["receivingUnit"] == "舞钢市公安局治安大队"  # the registering unit by default
    assert c["document"] == {"name": "承诺书.pdf", "contentType": "application/pdf", "size": 19}
    seen = (await gql(public, PUBLIC, {"u": subject.uscc}))["data"]["subject"]["commitments"]
    assert seen["totalCount"] == 1
    node = seen["edges"][0]["node"]
    assert node["kindName"] == "许可承诺书" and node["status"] == "ACTIVE"
    assert node["breaches"] == []

    # when: a licence-commitment violation names it, and is published
    created = await gql(
        officer, CREATE, {"input": violation_input(subject.id, c["id"], "舞公决〔2026〕1号")}
    )
    assert created["data"]["creditRecordCreate"]["errors"] == []
    rid = created["data"]["creditRecordCreate"]["creditRecord"]["id"]
    before = (await gql(public, PUBLIC, {"u": subject.uscc}))["data"]["subject"]["commitments"]
    assert before["edges"][0]["node"]["breaches"] == []  # a draft is never public
    await gql(officer, STEP, {"id": rid})
    assert (await gql(reviewer, REVIEW, {"id": rid}))["data"]["p"]["errors"] == []
    # then
    after = (await gql(public, PUBLIC, {"u": subject.uscc}))["data"]["subject"]["commitments"]
    assert after["edges"][0]["node"]["breaches"] == [
        {"decisionNo": "舞公决〔2026〕1号", "typeName": "违反许可承诺书"}
    ]
    internal = await gql(officer, INTERNAL, {"id": str(subject.id)})
    assert internal["data"]["internalSubject"]["commitments"]["edges"][0]["node"]["breaches"] == [
        {"id": rid}
    ]
    actions = [e.action for e in await AuditEvent.all().order_by("id")]
    assert "commitment.register" in actions


async def test_a_breach_must_name_a_commitment_of_the_same_subject(make_client) -> None:
    # given
    await wugang_staff()
    one = await make_subject("舞钢甲公司", "wugang-2021")
    other = await make_subject("舞钢乙公司", "wugang-2021")
    officer = make_client()
    await sign_in(officer, "wg.officer")
    reg = await gql(officer, REGISTER, {"input": register_input(other.id)})
    cid = reg["data"]["commitmentRegister"]["commitment"]["id"]
    # when: the record of `one` names `other`'s commitment
    created = await gql(
        officer, CREATE, {"input": violation_input(one.id, cid, "舞公决〔2026〕2号")}
    )
    # then: refused, and the record was not written either
    errors = created["data"]["creditRecordCreate"]["errors"]
    assert errors[0]["field"] == "commitmentId" and errors[0]["code"] == "INVALID"
    from credit.records.models import CreditRecord

    assert await CreditRecord.filter(subject_id=one.id).count() == 0
    # when: a record without a link is linked later, to the wrong subject, then the right one
    ok = await gql(officer, CREATE, {"input": violation_input(one.id, None, "舞公决〔2026〕3号")})
    rid = ok["data"]["creditRecordCreate"]["creditRecord"]["id"]
    wrong = await gql(officer, LINK, {"c": cid, "r": rid})
    assert wrong["data"]["commitmentBreachLink"]["errors"][0]["field"] == "commitmentId"
    own = await gql(officer, REGISTER, {"input": register_input(one.id)})
    own_id = own["data"]["commitmentRegister"]["commitment"]["id"]
    linked = await gql(officer, LINK, {"c": own_id, "r": rid})
    assert linked["data"]["commitmentBreachLink"]["commitment"]["breaches"] == [{"id": rid}]
    again = await gql(officer, LINK, {"c": own_id, "r": rid})
    assert again["data"]["commitmentBreachLink"]["errors"][0]["code"] == "INVALID_STATE"
    assert await CommitmentBreach.all().count() == 1


async def test_withdrawn_commitments_leave_the_public_profile(make_client) -> None:
    # given
    await wugang_staff()
    subject = await make_subject("舞钢丙公司", "wugang-2021")
    officer, public = make_client(), make_client()
    await sign_in(officer, "wg.officer")
    reg = await gql(officer, REGISTER, {"input": register_input(subject.id, kind="credit")})
    cid = reg["data"]["commitmentRegister"]["commitment"]["id"]
    # when
    empty = await gql(officer, WITHDRAW, {"id": cid, "r": " "})
    done = await gql(officer, WITHDRAW, {"id": cid, "r": "登记有误"})
    twice = await gql(officer, WITHDRAW, {"id": cid, "r": "登记有误"})
    # then
    assert empty["data"]["commitmentWithdraw"]["errors"][0]["field"] == "reason"
    assert done["data"]["commitmentWithdraw"]["commitment"] == {
        "status": "WITHDRAWN",
        "withdrawReason": "登记有误",
    }
    assert twice["data"]["commitmentWithdraw"]["errors"][0]["code"] == "INVALID_STATE"
    seen = await gql(public, PUBLIC, {"u": subject.uscc})
    assert seen["data"]["subject"]["commitments"]["totalCount"] == 0


async def test_a_natural_persons_commitment_text_stays_internal(make_client) -> None:
    # given
    await wugang_staff()
    person = await make_subject("张小三", "wugang-2021", kind=SubjectKind.NATURAL_PERSON)
    officer = make_client()
    await sign_in(officer, "wg.officer")
    # when
    await gql(officer, REGISTER, {"input": register_input(person.id, content="本人张小三承诺……")})
    # then: the public reads the kind and the matter, never the text
    from credit.commitments.types import PublicCommitment
    from credit.subjects.services import snapshot

    row = await Commitment.get(subject_id=person.id)
    public = PublicCommitment.from_model(row, await snapshot(person, clock.today()))
    assert public.content is None and public.matter == "保安服务许可"


async def test_bad_input_and_other_districts_are_refused_with_nothing_written(make_client) -> None:
    # given
    await wugang_staff()
    subject = await make_subject("舞钢丁公司", "wugang-2021")
    shenyang = await make_subject("沈阳某技防公司")
    await make_user("sy.officer", "DISTRICT_OFFICER")
    wg, sy = make_client(), make_client()
    await sign_in(wg, "wg.officer")
    await sign_in(sy, "sy.officer")
    bad_doc = {
        "name": "a.pdf",
        "contentType": "application/pdf",
        "base64": base64.b64encode(b"GIF89a").decode(),
    }
    cases = [
        (wg, register_input(subject.id, kind="oath"), "kind", "INVALID"),
        (wg, register_input(subject.id, signedOn="2999-01-01"), "signedOn", "INVALID"),
        (wg, register_input(subject.id, document=bad_doc), "document", "INVALID"),
        (
            wg,
            register_input(subject.id, document={**bad_doc, "base64": "%%%"}),
            "document",
            "INVALID",
        ),
        (sy, register_input(subject.id), "subjectId", "NOT_FOUND"),
        (wg, register_input(shenyang.id), "subjectId", "NOT_FOUND"),
    ]
    for client, data, field, code in cases:
        # when
        body = await gql(client, REGISTER, {"input": data})
        # then
        errors = body["data"]["commitmentRegister"]["errors"]
        assert [(e["field"], e["code"]) for e in errors] == [(field, code)], data
    malformed = await gql(wg, REGISTER, {"input": register_input(subject.id, subjectId="abc")})
    assert malformed["data"] is None and malformed["errors"][0]["extensions"]["code"]
    assert await Commitment.all().count() == 0
    assert await EvidenceFile.all().count() == 0


READ = "query($id: ID!) { evidenceFile(id: $id) { name base64 } }"


async def test_the_signed_document_is_read_only_in_scope(make_client) -> None:
    # given: a commitment with its document, an officer of the subject's district and one
    # of another jurisdiction
    await wugang_staff()
    subject = await make_subject("舞钢戊公司", "wugang-2021")
    await make_user("sy.officer", "DISTRICT_OFFICER")
    wg, sy, public = make_client(), make_client(), make_client()
    await sign_in(wg, "wg.officer")
    await sign_in(sy, "sy.officer")
    doc = {"name": "承诺书.pdf", "contentType": "application/pdf", "base64": PDF}
    await gql(wg, REGISTER, {"input": register_input(subject.id, document=doc)})
    file_id = str((await EvidenceFile.get(owner_type="commitment")).id)
    # when
    own = await gql(wg, READ, {"id": file_id})
    other = await gql(sy, READ, {"id": file_id})
    anonymous = await gql(public, READ, {"id": file_id})
    # then
    assert own["data"]["evidenceFile"] == {"name": "承诺书.pdf", "base64": PDF}
    assert other["data"]["evidenceFile"] is None
    assert anonymous["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
