"""Exports are streamed: rows are fetched page by page, written as they come, capped with a
note in the file, and the writers' memory does not grow with the number of rows."""

from __future__ import annotations

import tracemalloc
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import httpx
import pytest

from credit.exports import runner
from credit.exports.formats import Row, Sheet, csv_stream, safe_cell, xlsx_stream
from credit.exports.tests.helpers import csv_rows, listed, table, xlsx_rows


async def test_rows_are_fetched_in_pages_and_capped_with_a_note(
    app_client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given: 7 entries, pages of 2, a cap of 5 rows
    for i in range(7):
        await listed(f"沈阳第{i}技防有限公司", decision_no=f"沈公技防警〔2026〕{i:03d}号")
    monkeypatch.setattr(runner, "PAGE_SIZE", 2)
    monkeypatch.setattr(runner, "MAX_ROWS", 5)
    fetched: list[str | None] = []
    original = runner.Pages.fetch

    async def counting(self: runner.Pages, after: str | None) -> runner.Page:
        fetched.append(after)
        return await original(self, after)

    monkeypatch.setattr(runner.Pages, "fetch", counting)
    # when
    response = await app_client.get("/export/watch-list.csv")
    # then: three queries of the page's field (2 + 2 + 1 of 2), never one of everything
    assert len(fetched) == 3 and fetched[0] is None
    rows = csv_rows(response.content)
    facts, _, data = table(rows)
    assert len(data) == 5
    assert facts["条数"] == "共 7 条，已达导出上限，仅导出前 5 条"
    assert rows[-1][0].startswith("注：已达导出上限（5 条），其余 2 条未导出")
    assert response.headers["x-export-rows"] == "5"


async def test_xlsx_cap_note_too(
    app_client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    for i in range(3):
        await listed(f"沈阳第{i}技防有限公司")
    monkeypatch.setattr(runner, "MAX_ROWS", 2)
    rows = xlsx_rows((await app_client.get("/export/watch-list.xlsx")).content)
    assert len(table(rows)[2]) == 2
    assert rows[-1][0].startswith("注：已达导出上限（2 条）")


def _sheet(total: int) -> Sheet:
    return Sheet(
        title="测试",
        columns=["名称", "代码", "备注"],
        filters=[],
        exported_at=datetime(2026, 12, 1, tzinfo=UTC),
        total=total,
        cap=total,
    )


async def _chunks(n: int, size: int = 100) -> AsyncIterator[list[Row]]:
    for c in range(n):
        yield [
            [f"沈阳第{c}-{i}技防有限公司", f"9121{c:06d}{i:04d}", "备注" * 20] for i in range(size)
        ]


async def _peak(stream: AsyncIterator[bytes]) -> tuple[int, int]:
    """(peak traced memory, pieces) while consuming a stream piece by piece."""
    tracemalloc.start()
    pieces = 0
    try:
        async for _ in stream:
            pieces += 1
        return tracemalloc.get_traced_memory()[1], pieces
    finally:
        tracemalloc.stop()


async def test_csv_is_written_chunk_by_chunk_in_constant_memory() -> None:
    small, small_pieces = await _peak(csv_stream(_sheet(1_000), _chunks(10)))
    large, large_pieces = await _peak(csv_stream(_sheet(20_000), _chunks(200)))
    assert (small_pieces, large_pieces) == (11, 201)  # the header, then one per chunk
    # 20 times the rows (about 4 MB of CSV), not 20 times the memory
    assert large < small * 2


async def test_xlsx_memory_does_not_grow_with_rows() -> None:
    small, _ = await _peak(xlsx_stream(_sheet(500), _chunks(5)))
    large, pieces = await _peak(xlsx_stream(_sheet(5_000), _chunks(50)))
    assert pieces > 1  # sent in pieces, not as one body
    assert large < small * 2


def test_a_cell_never_becomes_a_formula() -> None:
    assert safe_cell('=HYPERLINK("http://x")') == '\'=HYPERLINK("http://x")'
    assert safe_cell("+1") == "'+1" and safe_cell("@SUM(A1)") == "'@SUM(A1)"
    assert safe_cell("沈阳技防") == "沈阳技防" and safe_cell("2026-01-05") == "2026-01-05"
