"""The public lists and search as files: what the page shows, in Chinese, masked, with the
filters and the export time on top, rate-limited like the public lookup."""

from __future__ import annotations

from urllib.parse import unquote

import httpx
import pytest

from credit.exports import routes
from credit.exports.tests.helpers import csv_rows, listed, second_district, table, xlsx_rows
from credit.policies.facts import ListKind, SubjectKind


async def test_watch_list_csv_holds_the_page_rows_in_chinese(app_client: httpx.AsyncClient) -> None:
    # given
    s = await listed("沈阳甲乙技防工程有限公司")
    await listed("沈阳红名单技防有限公司", ListKind.RED)
    # when
    response = await app_client.get("/export/watch-list.csv")
    # then
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    rows = csv_rows(response.content)
    assert rows[0] == ["警示目录"]
    facts, columns, data = table(rows)
    assert "导出时间" in facts and facts["条数"] == "共 1 条"
    assert columns[:4] == ["主体名称", "统一社会信用代码", "辖区", "名单"]
    assert data == [
        {
            "主体名称": "沈阳甲乙技防工程有限公司",
            "统一社会信用代码": s.uscc,
            "辖区": "和平区",
            "名单": "警示目录",
            "列入日期": "2026-01-05",
            "截止日期": "",
            "决定文书号": "沈公技防警〔2026〕001号",
            "依据条款": "第九条",
        }
    ]


async def test_filename_names_the_list_and_the_day(app_client: httpx.AsyncClient) -> None:
    response = await app_client.get("/export/blacklist.xlsx")
    disposition = response.headers["content-disposition"]
    assert disposition.startswith('attachment; filename="blacklist-')
    utf8 = disposition.split("filename*=UTF-8''", 1)[1]
    assert unquote(utf8).startswith("黑名单_") and utf8.endswith(".xlsx")


async def test_xlsx_has_filters_in_header_rows(app_client: httpx.AsyncClient) -> None:
    # given: one entry in each of two districts
    other = await second_district()
    await listed("沈阳和平技防有限公司")
    await listed("沈阳沈河技防有限公司", district=other)
    # when: the page's district filter
    response = await app_client.get("/export/watch-list.xlsx", params={"district": "sy-d2"})
    # then
    assert response.status_code == 200
    facts, _, data = table(xlsx_rows(response.content))
    assert facts["筛选条件：辖区"] == "沈河区"
    assert [r["主体名称"] for r in data] == ["沈阳沈河技防有限公司"]


async def test_natural_person_is_masked_as_on_the_page(app_client: httpx.AsyncClient) -> None:
    await listed("张小三", subject_kind=SubjectKind.NATURAL_PERSON)
    response = await app_client.get("/export/watch-list.csv")
    _, _, data = table(csv_rows(response.content))
    assert [r["主体名称"] for r in data] == ["张*三"]
    assert "张小三" not in response.content.decode("utf-8-sig")


async def test_search_results_export(app_client: httpx.AsyncClient) -> None:
    await listed("沈阳甲乙技防工程有限公司")
    await listed("张甲乙", subject_kind=SubjectKind.NATURAL_PERSON)
    response = await app_client.get("/export/subject-search.csv", params={"name": "甲乙"})
    assert response.status_code == 200
    facts, _, data = table(csv_rows(response.content))
    assert facts["筛选条件：名称或代码"] == "甲乙"
    # a name never finds a natural person (the page's rule)
    assert [(r["名称"], r["主体类型"], r["信用等级"]) for r in data] == [
        ("沈阳甲乙技防工程有限公司", "企业", "本政策不评级")
    ]


@pytest.mark.parametrize(
    ("path", "params", "field"),
    [
        ("/export/subject-search.csv", {}, "name"),
        ("/export/watch-list.csv", {"distrcit": "x"}, "distrcit"),
        ("/export/watch-list.csv", {"district": "a b"}, "district"),
        ("/export/watch-list.pdf", {}, "format"),
        ("/export/watch-list.csv", {"search": "x" * 101}, "search"),
    ],
)
async def test_bad_parameter_is_a_coded_400_naming_it(
    app_client: httpx.AsyncClient, path: str, params: dict[str, str], field: str
) -> None:
    response = await app_client.get(path, params=params)
    assert response.status_code == 400
    error = response.json()["errors"][0]
    assert error["extensions"] == {"code": "INVALID_ARGUMENT", "field": field}
    assert error["message"]


async def test_repeated_parameter_is_refused(app_client: httpx.AsyncClient) -> None:
    response = await app_client.get("/export/watch-list.csv?district=a&district=b")
    assert response.status_code == 400
    assert response.json()["errors"][0]["extensions"]["field"] == "district"


async def test_unknown_export_is_404(app_client: httpx.AsyncClient) -> None:
    response = await app_client.get("/export/everything.csv")
    assert response.status_code == 404
    assert response.json()["errors"][0]["extensions"]["code"] == "NOT_FOUND"


async def test_public_export_is_rate_limited(
    app_client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(routes, "EXPORTS_PER_MINUTE", 2)
    for _ in range(2):
        assert (await app_client.get("/export/red-list.csv")).status_code == 200
    refused = await app_client.get("/export/red-list.csv")
    assert refused.status_code == 429
    assert refused.json()["errors"][0]["extensions"]["code"] == "RATE_LIMITED"
    assert int(refused.headers["retry-after"]) > 0


async def test_public_export_is_not_audited(app_client: httpx.AsyncClient) -> None:
    from credit.audit.models import AuditEvent

    await app_client.get("/export/red-list.csv")
    assert not await AuditEvent.filter(action="export.download").exists()
