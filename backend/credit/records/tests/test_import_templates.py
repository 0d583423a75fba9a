"""The import templates served by the product (/import/template.xlsx, .csv): generated from
the importer's columns, they read back; one row filled in with the Chinese names the
template shows imports as it is."""

from __future__ import annotations

import base64
import csv
import io

import pytest
from openpyxl import load_workbook

from credit.accounts.models import Unit
from credit.conftest import gql, sign_in
from credit.records.importer.formats import COLUMNS
from credit.records.models import CreditRecord
from credit.testing import make_subject, make_user

IMPORT = """
mutation($c: String!, $f: ImportFormat!) {
  decisionsImport(content: $c, format: $f, dryRun: false) {
    summary { rows decisionsCreated recordsCreated }
    errors { line field column message }
  }
}
"""


def _row(uscc: str, n: int, unit: str) -> dict[str, str]:
    """One decision, by its Chinese column headers and Chinese names, as a person fills it."""
    return {
        "类别": "决定",
        "统一社会信用代码": uscc,
        "决定文书号": f"沈公技防警〔2025〕模板{n}号",
        "决定日期": "2025-06-01",
        "作出单位": "沈阳市公安局",
        "法律依据": "第九条",
        "信息类型": "被列入技防企业信用“警示目录”情况",
        "警示情形代码": "s04",
        "信息摘要": "设计、安装、维护未符合相关标准",
        "公布日期": "2025-06-03",
        "提供单位代码": unit,
    }


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
async def test_download_the_template_fill_one_row_and_import_it(make_client, fmt: str) -> None:
    # given: a reviewer who may import, and a subject
    user = await make_user("importer", "CITY_REVIEWER")
    unit = await Unit.get(id=user.unit_id)  # type: ignore[attr-defined]
    subject = await make_subject()
    client = make_client()
    await sign_in(client, "importer")

    # when: the template is downloaded …
    response = await client.get(f"/import/template.{fmt}")
    # … one row is filled in under its headers, and the file is imported
    row = _row(subject.uscc or "", 1 if fmt == "xlsx" else 2, unit.code)
    if fmt == "xlsx":
        book = load_workbook(io.BytesIO(response.content))
        sheet = book["导入数据"]
        headers = [c.value for c in sheet[1]]
        sheet.append([row.get(h, "") for h in headers])
        out = io.BytesIO()
        book.save(out)
        content = base64.b64encode(out.getvalue()).decode()
    else:
        text = response.content.decode("utf-8-sig")
        headers = next(csv.reader(io.StringIO(text)))
        buffer = io.StringIO()
        csv.writer(buffer).writerows([headers, [row.get(h, "") for h in headers]])
        content = buffer.getvalue()
    body = await gql(client, IMPORT, {"c": content, "f": fmt.upper()})

    # then: the template is the importer's own columns, offered as a download
    assert response.status_code == 200
    assert "attachment" in response.headers["content-disposition"]
    assert headers == [h for _, h in COLUMNS]
    # and the filled row is imported, its Chinese names understood
    payload = body["data"]["decisionsImport"]
    assert payload["errors"] == []
    assert payload["summary"]["decisionsCreated"] == 1
    record = await CreditRecord.get(subject_id=subject.id)
    assert (record.type, record.situation_code) == ("watch_list_case", "s04")


async def test_an_unknown_template_format_is_not_found(app_client) -> None:
    response = await app_client.get("/import/template.pdf")
    assert response.status_code == 404 and "xlsx" in response.text
