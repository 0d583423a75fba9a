"""Property: whatever values are sent to whatever argument of any query or mutation, as
an administrator or anonymously, the answer is never an HTTP 5xx nor INTERNAL_ERROR
(issue 12 item 6). The operations come from the schema itself, so new fields are covered.

Each example calls every root field once (arguments in variables or written inline);
the run is bounded by max_examples (about a minute on two shared cores)."""

from __future__ import annotations

import itertools
import os
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from credit.accounts.models import User
from credit.api.schema import schema
from credit.api.tests.schema_strategies import Operation, operations
from credit.conftest import sign_in
from credit.testing import make_place, make_subject, make_user

# Fields a signed-in fuzzer must not call: signing out ends the session the run uses.
ADMIN_SKIPS = frozenset({"logout"})
_QUERY, _MUTATION = schema._schema.query_type, schema._schema.mutation_type
assert _QUERY is not None and _MUTATION is not None
ROOTS = [("query", name, field) for name, field in _QUERY.fields.items()] + [
    ("mutation", name, field) for name, field in _MUTATION.fields.items()
]
# FUZZ_EXAMPLES=200 for a longer hunt; the default keeps `make test` at about a minute.
FUZZ = settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "12")),
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
_addresses = (f"10.{i // 65536 % 256}.{i // 256 % 256}.{i % 256}" for i in itertools.count(1))


def round_of_operations(admin: bool) -> st.SearchStrategy[tuple[tuple[str, Operation], ...]]:
    roots = [(k, n, f) for k, n, f in ROOTS if not (admin and n in ADMIN_SKIPS)]
    return st.tuples(*(operations(k, n, f).map(lambda op, n=n: (n, op)) for k, n, f in roots))  # type: ignore[misc]


def _faults(name: str, op: Operation, response: httpx.Response) -> list[str]:
    if response.status_code >= 500:
        return [f"{name}: HTTP {response.status_code} for {op}"]
    try:
        body = response.json()
    except ValueError:
        return [f"{name}: not JSON ({response.status_code}) for {op}"]
    return [
        f"{name}: INTERNAL_ERROR for {op}"
        for e in body.get("errors") or []
        if (e.get("extensions") or {}).get("code") == "INTERNAL_ERROR"
    ]


async def _seed() -> None:
    """Rows for the small ids to find, and an administrator whose own id is out of their
    reach (so that a generated userSetActive cannot lock the run out)."""
    _, district = await make_place()
    for i in range(3):
        await make_subject(name=f"模糊测试公司{i}")
    for i in range(10):
        await make_user(f"officer{i}", "DISTRICT_OFFICER", district=district)
    await make_user("admin", "ADMIN")


@pytest.fixture
async def fuzz_app(db: str, cache, settings):
    from credit.app import create_app

    await _seed()
    return create_app(settings)


async def _run(app: Any, ops: list[tuple[str, Operation]], admin: bool) -> list[str]:
    # A fresh client address per round keeps the public rate limit out of the way.
    transport = httpx.ASGITransport(app=app, client=(next(_addresses), 40000))
    faults: list[str] = []
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        if admin:
            await User.filter(username="admin").update(is_active=True)
            await sign_in(client, "admin")
        for name, op in ops:
            response = await client.post(
                "/graphql", json={"query": op.text, "variables": op.variables}
            )
            faults += _faults(name, op, response)
    return faults


@pytest.mark.parametrize("admin", [True, False], ids=["administrator", "anonymous"])
@FUZZ
@given(data=st.data())
async def test_no_argument_value_gets_an_internal_error(fuzz_app, admin: bool, data) -> None:
    ops = data.draw(round_of_operations(admin))
    faults = await _run(fuzz_app, ops, admin)
    assert not faults, "\n".join(faults[:10])
