"""The bulk import is a public-change point too: a watched subject's new public record and
list entry are events of the import's own transaction."""

from __future__ import annotations

import json
from typing import Any

from credit.records.importer import import_file
from credit.records.tests.test_importer import places, subject_row, uscc, watch_row
from credit.subjects.models import Subject
from credit.watches.tests.helpers import kinds, watch

__all__ = ["places"]


def _jsonl(*rows: dict[str, Any]) -> bytes:
    return "\n".join(json.dumps(r, ensure_ascii=False) for r in rows).encode()


async def test_an_import_writes_the_events_of_watched_subjects(places: None) -> None:
    report = await import_file(_jsonl(subject_row(1), subject_row(2)), "jsonl")
    assert not report.errors
    watched = await Subject.get(uscc=uscc(1))
    other = await Subject.get(uscc=uscc(2))
    await watch(watched)
    report = await import_file(_jsonl(watch_row(1), watch_row(2)), "jsonl")
    assert not report.errors
    assert await kinds(watched) == ["RECORD_PUBLISHED", "LIST_ENTRY_ADDED"]
    assert await kinds(other) == []  # nobody watches it
    # importing the same file again changes nothing, and writes nothing
    await import_file(_jsonl(watch_row(1), watch_row(2)), "jsonl")
    assert len(await kinds(watched)) == 2
