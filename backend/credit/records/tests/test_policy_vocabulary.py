"""One policy's vocabulary through the API: the record types (and reminder kinds) of a
subject's policy are exposed, and a type the policy does not know is refused."""

from __future__ import annotations

from credit.conftest import gql, sign_in
from credit.core import clock
from credit.records.models import CreditRecord
from credit.testing import make_place, make_subject, make_user

CREATE = """
mutation Create($input: CreditRecordCreateInput!) {
  creditRecordCreate(input: $input) { creditRecord { id } errors { field message code } }
}
"""
SUBJECT_POLICY = """
query($id: ID!) { internalSubject(id: $id) {
  policy { policyCode regulation grades reminderMethods recordTypes { code } } } }
"""
VOCABULARIES = "{ policyVocabularies { policyCode grades reminderMethods } }"
CATALOGUE = "query($p: String) { catalogues { infoTypes(policy: $p) { code } } }"


async def _officer(make_client):
    _, district = await make_place()
    await make_user("officer", "DISTRICT_OFFICER", district=district)
    client = make_client()
    await sign_in(client, "officer")
    return client


async def test_a_shenyang_subject_offers_only_shenyang_types(make_client) -> None:
    # given
    officer = await _officer(make_client)
    subject = await make_subject()
    # when
    body = await gql(officer, SUBJECT_POLICY, {"id": str(subject.id)})
    # then
    policy = body["data"]["internalSubject"]["policy"]
    codes = {t["code"] for t in policy["recordTypes"]}
    assert policy["policyCode"] == "shenyang-jifang-2018"
    assert "watch_list_case" in codes
    assert "licence_commitment_violation" not in codes
    assert (policy["grades"], policy["reminderMethods"]) == (False, [])


async def test_a_type_the_subjects_policy_does_not_know_is_refused(make_client) -> None:
    # given
    officer = await _officer(make_client)
    subject = await make_subject()
    today = clock.today().isoformat()
    data = {
        "subjectId": str(subject.id),
        "type": "licence_commitment_violation",
        "occurredOn": today,
        "summary": "违反许可承诺",
    }
    # when
    body = await gql(officer, CREATE, {"input": data})
    # then
    errors = body["data"]["creditRecordCreate"]["errors"]
    assert [(e["field"], e["code"]) for e in errors] == [("type", "INVALID")]
    assert "沈公发〔2018〕4号" in errors[0]["message"] and "违反许可承诺书" in errors[0]["message"]
    assert await CreditRecord.all().count() == 0


async def test_the_callers_vocabulary_tells_whether_grades_and_reminders_apply(make_client) -> None:
    # given a Shenyang officer
    officer = await _officer(make_client)
    # when
    body = await gql(officer, VOCABULARIES)
    # then
    assert body["data"]["policyVocabularies"] == [
        {"policyCode": "shenyang-jifang-2018", "grades": False, "reminderMethods": []}
    ]


async def test_the_public_catalogue_lists_one_policys_types(make_client) -> None:
    # given
    await make_place()
    client = make_client()
    # when
    wugang = await gql(client, CATALOGUE, {"p": "wugang-2021"})
    every = await gql(client, CATALOGUE, {"p": None})
    unknown = await gql(client, CATALOGUE, {"p": "atlantis"})
    # then
    codes = {t["code"] for t in wugang["data"]["catalogues"]["infoTypes"]}
    assert "licence_commitment_violation" in codes and "watch_list_case" not in codes
    assert len(every["data"]["catalogues"]["infoTypes"]) > len(codes)
    assert unknown["errors"][0]["extensions"]["code"] == "INVALID_ARGUMENT"
