"""The batch lookup answers per item: a malformed code is an error for its own position,
the other codes answer exactly as they would without it (issue 12 item 6)."""

from __future__ import annotations

import json

from credit.conftest import gql
from credit.testing import make_subject, make_uscc

BATCH = """
query Batch($usccs: [String!]!) {
  subjects(usccs: $usccs) { uscc name grade { level } lists { list } }
}
"""


async def test_one_malformed_code_among_100_fails_only_its_position(app_client) -> None:
    # given: 60 known subjects and 39 well-formed unknown codes
    known = [(await make_subject(name=f"批量测试公司{i}")).uscc for i in range(60)]
    unknown = [make_uscc(900_000 + i) for i in range(39)]
    valid = known[:30] + unknown + known[30:]
    bad = "91210102TQ000000X"  # 17 characters
    batch = [*valid[:37], bad, *valid[37:]]
    # when
    alone = await gql(app_client, BATCH, {"usccs": valid})
    body = await gql(app_client, BATCH, {"usccs": batch})
    # then
    answers = body["data"]["subjects"]
    assert len(answers) == 100
    assert answers[37] is None
    (error,) = body["errors"]
    assert error["path"] == ["subjects", 37]
    assert error["extensions"]["code"] == "INVALID_USCC"
    assert error["extensions"]["field"] == "usccs[37]"
    assert error["extensions"]["fault"] == "length"
    others = answers[:37] + answers[38:]
    assert json.dumps(others, ensure_ascii=False) == json.dumps(
        alone["data"]["subjects"], ensure_ascii=False
    )
    assert sum(a is not None for a in others) == 60


async def test_every_code_malformed_is_an_error_for_each(app_client) -> None:
    body = await gql(app_client, BATCH, {"usccs": ["x", "", "9" * 40]})
    assert body["data"] == {"subjects": [None, None, None]}
    assert [e["path"] for e in body["errors"]] == [["subjects", i] for i in range(3)]
    assert {e["extensions"]["code"] for e in body["errors"]} == {"INVALID_USCC"}


async def test_over_100_codes_is_still_one_error_for_the_batch(app_client) -> None:
    body = await gql(app_client, BATCH, {"usccs": [make_uscc(i) for i in range(101)]})
    assert body["data"] is None
    assert body["errors"][0]["extensions"] == {"code": "INVALID_ARGUMENT", "field": "usccs"}
