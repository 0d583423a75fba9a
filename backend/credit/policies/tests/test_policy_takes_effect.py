"""A new policy version takes effect on its date: every subject under the policy is
evaluated with it before any read (public or internal) can see the old answer."""

from __future__ import annotations

from datetime import date, timedelta

from credit.conftest import gql, sign_in
from credit.core import clock
from credit.grades.models import Evaluation
from credit.records.services import RecordInput, create_published
from credit.testing import make_subject, make_user

CREATE = """mutation($p: JSON!, $d: Date!) {
  policyVersionCreate(code: "shenyang-jifang-2018", params: $p, effectiveFrom: $d) {
    policy { version } errors { field code message } } }"""
LOOKUP = "query($u: String!) { subject(uscc: $u) { lists { list } } }"
BLACK_PAGE = "{ listEntries(list: BLACK) { totalCount } }"


def _case(day: date, n: int) -> RecordInput:
    return RecordInput(
        type="watch_list_case",
        occurred_on=day,
        summary=f"因服务受到用户投诉（案{n}）",
        situation_code="s08",
        decision_no=f"沈公技防警〔{day.year}〕{n:03d}号",
        decision_date=day,
        issuing_unit="公安局",
    )


async def _four_cases(first: int = 1):
    """A subject with 4 counted watch-list cases: WATCH under version 1 (threshold 5)."""
    s = await make_subject(f"沈阳测试技防有限公司{first}")
    today = clock.today()
    for n in range(first, first + 4):
        day = today - timedelta(days=10 * (n - first + 1))
        await create_published(s, _case(day, n), day, None)
    return s


async def _lists(client, uscc: str) -> list[str]:
    body = await gql(client, LOOKUP, {"u": uscc})
    return sorted({e["list"] for e in body["data"]["subject"]["lists"]})


async def _new_version(make_client, effective: date) -> None:
    await make_user("admin", "ADMIN")
    admin = make_client()
    await sign_in(admin, "admin")
    body = await gql(admin, CREATE, {"p": {"blacklist_threshold": 4}, "d": effective.isoformat()})
    assert body["data"]["policyVersionCreate"]["errors"] == []


async def test_a_version_effective_today_applies_before_the_next_read(make_client) -> None:
    s = await _four_cases()
    public = make_client()
    assert await _lists(public, s.uscc) == ["WATCH"]  # also fills the public cache

    await _new_version(make_client, clock.today())

    assert "BLACK" in await _lists(make_client(), s.uscc)
    assert "BLACK" in await _lists(public, s.uscc)
    page = await gql(make_client(), BLACK_PAGE)
    assert page["data"]["listEntries"]["totalCount"] == 1
    stored = await Evaluation.get(subject_id=s.id)
    assert stored.policy_version == 2


async def test_a_future_version_applies_from_its_effective_date(make_client) -> None:
    s = await _four_cases()
    tomorrow = clock.today() + timedelta(days=1)
    await _new_version(make_client, tomorrow)

    # today: still version 1, but the stored answer expires when version 2 starts
    assert await _lists(make_client(), s.uscc) == ["WATCH"]
    stored = await Evaluation.get(subject_id=s.id)
    assert stored.policy_version == 1
    assert stored.next_change_at is not None
    assert stored.next_change_at <= clock.local_midnight(tomorrow)

    # a subject evaluated after the version was created is capped the same way
    other = await _four_cases(first=5)
    assert (await Evaluation.get(subject_id=other.id)).next_change_at == clock.local_midnight(
        tomorrow
    )

    clock.freeze(clock.local_midnight(tomorrow) + timedelta(seconds=1))
    assert "BLACK" in await _lists(make_client(), s.uscc)
    assert (await Evaluation.get(subject_id=s.id)).policy_version == 2
    page = await gql(make_client(), BLACK_PAGE)
    assert page["data"]["listEntries"]["totalCount"] == 2
