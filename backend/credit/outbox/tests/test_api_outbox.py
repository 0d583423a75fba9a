"""The deliveries page through the API: scoped to the administrator's jurisdiction."""

from __future__ import annotations

from credit.conftest import gql, sign_in
from credit.testing import make_place, make_user


async def test_deliveries_are_scoped_to_the_admins_jurisdiction(make_client) -> None:
    # given one failed event of 沈阳 and one of 舞钢
    from credit.outbox.models import OutboxEvent as Event
    from credit.outbox.services import enqueue

    sy, _ = await make_place()
    wg, _ = await make_place("wugang-2021")
    for j in (sy, wg):
        event = await enqueue(
            None,
            key=f"k{j.id}",
            target="municipal_platform",
            kind="t",
            payload={},
            jurisdiction_id=j.id,
        )
        await Event.filter(id=event.id).update(status="FAILED")
    await make_user("sy.admin", "ADMIN")
    client = make_client()
    await sign_in(client, "sy.admin")
    # when the 沈阳 admin lists and requeues
    listed = await gql(client, "{ outboxEvents(status: [FAILED]) { edges { node { id key } } } }")
    keys = [e["node"]["key"] for e in listed["data"]["outboxEvents"]["edges"]]
    other = await Event.get(jurisdiction_id=wg.id)
    requeue = await gql(
        client,
        "mutation($i: [ID!]!) { outboxRequeue(ids: $i) { errors { code } } }",
        {"i": [str(other.id)]},
    )
    # then only 沈阳's event is visible, and 舞钢's cannot be touched
    assert keys == [f"k{sy.id}"]
    assert requeue["data"]["outboxRequeue"]["errors"] == [{"code": "NOT_FOUND"}]
