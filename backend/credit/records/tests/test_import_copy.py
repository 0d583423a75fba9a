"""The bulk import's fast path on PostgreSQL (ids taken from the sequences and rows copied
with them, the touched subjects re-evaluated by the full sweep's set-based engine, a JSON
Lines file read line by line) writes exactly the rows of the general path (ids read back
after the copy, re-evaluation through the ORM in batches, the file read whole), which is
the one SQLite takes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from tortoise import connections

from credit.conftest import at, truncate_all
from credit.core import clock
from credit.lists.models import ListingDecision
from credit.policies.seed import ensure_policies
from credit.records.importer import formats, import_file, reevaluate, run
from credit.records.importer.write import decisions, records, subjects
from credit.records.tests.test_importer import (
    EXAMPLES,
    NOW,
    big_rows,
    dump_tables,
    make_places,
    subject_row,
    watch_row,
)

# Real time (auto_now), not the import's clock, and the ID number's ciphertext (a fresh
# nonce each time): they differ between any two imports.
_STAMPS = ("created_at", "updated_at", "id_number_cipher")


async def _state() -> dict[str, list[dict[str, Any]]]:
    tables = await dump_tables()
    tables["ListingDecision"] = await ListingDecision.all().order_by("id").values()
    return {
        name: [{k: v for k, v in row.items() if k not in _STAMPS} for row in rows]
        for name, rows in tables.items()
    }


async def _fresh() -> None:
    await truncate_all()  # sequences restart: both imports draw the same ids
    await ensure_policies()
    await make_places()


def _general_path(monkeypatch: pytest.MonkeyPatch, taken: list[str]) -> None:
    async def no_ids(_: Any, model: Any, n: int) -> None:
        taken.append(model.__name__)
        return None

    def whole(path: Path, bad: int | None) -> formats.Source:
        return formats.read_jsonl(path.read_bytes())

    for module in (subjects, decisions, records):
        monkeypatch.setattr(module, "new_ids", no_ids)
    monkeypatch.setattr(reevaluate, "_in_sets", reevaluate._in_batches)
    monkeypatch.setattr(run, "stream_jsonl", whole)


async def test_the_fast_path_writes_the_rows_of_the_general_path(
    db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if connections.get("default").capabilities.dialect != "postgres":
        pytest.skip("the fast path is PostgreSQL's; SQLite always takes the general path")
    # given a file of the examples' rows, 1,500 generated ones and five watch-list cases of
    # one enterprise (every row kind, violations, revocations, a natural person, a
    # blacklist entry that is given its listing decision)
    clock.freeze(at(NOW))
    example = [r.data for r in formats.read_jsonl((EXAMPLES / "example.jsonl").read_bytes()).rows]
    path = tmp_path / "rows.jsonl"
    blacklisted = [subject_row(9001), *(watch_row(9001, case, 10 + case) for case in range(1, 6))]
    path.write_bytes(formats.write_jsonl([*example, *big_rows(1500), *blacklisted]))

    # when it is imported by the fast path, streamed from the file
    await _fresh()
    fast = await import_file(path)
    fast_state = await _state()
    # and into a fresh database by the general path, the file read whole
    await _fresh()
    taken: list[str] = []
    _general_path(monkeypatch, taken)
    general = await import_file(path)
    general_state = await _state()

    # then both wrote the same rows, ids included
    assert fast.ok and general.ok, (fast.describe(), general.describe())
    assert fast.counts() == general.counts()
    assert sorted(set(taken)) == ["CreditRecord", "Decision", "Subject", "Violation"]
    assert fast.subjects_created == 305 and fast.records_created + fast.decisions_created > 1200
    assert sum(len(rows) for rows in fast_state.values()) > 8000
    assert fast_state["ListingDecision"] and fast_state["ListEntry"]
    for table, rows in fast_state.items():
        assert rows == general_state[table], table
    clock.freeze(None)
