"""The public data version moves with exactly the commits that change public data: a
publication and an import move it; a refused mutation, a dry run and an import with
errors (all rolled back) leave it."""

from __future__ import annotations

from credit.conftest import at, gql
from credit.core import clock, dataversion
from credit.core.tests.conftest import Stack, publish_watch_case, staff
from credit.records.importer import import_file
from credit.records.tests.test_importer import EXAMPLES, NOW, make_places
from credit.testing import make_subject


async def test_a_publication_moves_the_version_a_refused_mutation_does_not(stack: Stack) -> None:
    s = await make_subject()
    _, reviewer = await staff(stack)
    before = await dataversion.current()
    refused = await gql(
        reviewer, 'mutation { creditRecordPublish(id: "999999") { errors { code } } }'
    )
    assert refused["data"]["creditRecordPublish"]["errors"] != []
    assert await dataversion.current() == before
    answer = await publish_watch_case(stack, s)
    assert answer["data"]["creditRecordPublish"]["errors"] == []
    assert await dataversion.current() > before


async def test_an_import_moves_the_version_a_dry_run_or_a_refused_file_does_not(db: str) -> None:
    clock.freeze(at(NOW))
    await make_places()
    before = await dataversion.current()
    assert (await import_file(EXAMPLES / "example.jsonl", dry_run=True)).ok
    assert await dataversion.current() == before
    refused = await import_file(b'{"kind": "nonsense"}\n', "jsonl")
    assert not refused.ok
    assert await dataversion.current() == before
    assert (await import_file(EXAMPLES / "example.jsonl")).ok
    assert await dataversion.current() > before
