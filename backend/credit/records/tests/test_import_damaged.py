"""A damaged file is a coded error in the report, through the API and the command line,
never a traceback (issue 12 item 6)."""

from __future__ import annotations

import base64
import io
import zipfile
from pathlib import Path

import pytest

from credit.audit.models import AuditEvent
from credit.conftest import gql, sign_in
from credit.records.importer import formats, import_file, import_file_cli
from credit.records.models import Decision
from credit.testing import make_place, make_subject, make_user

IMPORT = """
mutation($c: String!) {
  decisionsImport(content: $c, format: XLSX) {
    summary { rows }
    errors { line field message }
  }
}
"""


def _cut_sheet(data: bytes) -> bytes:
    """The same workbook, its zip intact, with the data sheet's XML cut off halfway."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            content = src.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet1"):
                content = content[: len(content) // 2]
            dst.writestr(item, content)
    return out.getvalue()


def _damaged_workbook(uscc: str) -> bytes:
    row = {
        "kind": "decision",
        "uscc": uscc,
        "document_no": "沈公技防警〔2025〕88号",
        "decided_on": "2025-06-01",
        "issuing_unit": "沈阳市公安局",
        "type": "watch_list_case",
        "situation_code": "s04",
        "summary": "设计、安装、维护未符合相关标准",
        "published_on": "2025-06-03",
    }
    return _cut_sheet(formats.write_xlsx([row] * 40, guide=False))


async def test_a_cut_off_sheet_is_a_file_error_and_nothing_is_written(make_client) -> None:
    # given
    await make_place()
    subject = await make_subject()
    assert subject.uscc is not None  # an enterprise: it has a USCC
    await make_user("admin", "ADMIN")
    client = make_client()
    await sign_in(client, "admin")
    events = await AuditEvent.all().count()
    content = base64.b64encode(_damaged_workbook(subject.uscc)).decode()
    # when
    body = await gql(client, IMPORT, {"c": content})
    # then
    assert "errors" not in body, body
    payload = body["data"]["decisionsImport"]
    assert payload["summary"] is None
    assert any("损坏" in e["message"] for e in payload["errors"]), payload
    assert await Decision.all().count() == 0
    assert await AuditEvent.all().count() == events


async def test_the_command_line_reports_a_cut_off_sheet(
    db, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    await make_place()
    subject = await make_subject()
    assert subject.uscc is not None  # an enterprise: it has a USCC
    path = tmp_path / "decisions.xlsx"
    path.write_bytes(_damaged_workbook(subject.uscc))
    assert await import_file_cli(str(path), dry_run=False) == 1
    assert "损坏" in capsys.readouterr().out
    report = await import_file(path.read_bytes(), "xlsx")
    assert not report.ok
    assert await Decision.all().count() == 0
