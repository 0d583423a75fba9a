"""Policy parameters: a new version from a date on, validated; history unchanged."""

from __future__ import annotations

from datetime import timedelta

from credit.conftest import gql, sign_in
from credit.core import clock
from credit.policies.models import Policy
from credit.testing import make_user

CREATE = """mutation($p: JSON!, $d: Date!) {
  policyVersionCreate(code: "wugang-2021", params: $p, effectiveFrom: $d) {
    policy { version params } errors { field code message } } }"""


async def test_admin_publishes_a_new_version_validated_by_the_engine(make_client) -> None:
    await make_user("admin", "ADMIN")
    client = make_client()
    await sign_in(client, "admin")
    tomorrow = (clock.today() + timedelta(days=1)).isoformat()
    ok = await gql(client, CREATE, {"p": {"b_max_count": 3}, "d": tomorrow})
    policy = ok["data"]["policyVersionCreate"]["policy"]
    assert policy["version"] == 2 and policy["params"]["b_max_count"] == 3
    bad = await gql(client, CREATE, {"p": {"no_such_key": 1}, "d": tomorrow})
    (error,) = bad["data"]["policyVersionCreate"]["errors"]
    assert error["field"] == "params" and "no_such_key" in error["message"]
    past = await gql(client, CREATE, {"p": {}, "d": "2020-01-01"})
    assert past["data"]["policyVersionCreate"]["errors"][0]["field"] == "effectiveFrom"
    assert await Policy.filter(code="wugang-2021").count() == 2
    listed = await gql(client, "{ policies { code version } }")
    assert {(p["code"], p["version"]) for p in listed["data"]["policies"]} == {
        ("shenyang-jifang-2018", 1),
        ("wugang-2021", 1),
        ("wugang-2021", 2),
    }
