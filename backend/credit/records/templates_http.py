"""GET /import/template.xlsx and /import/template.csv: the import templates, generated on
each request from the importer's own column definitions (importer.formats.columns), so a
template can never drift from what the importer reads. They hold no data: open to all."""

from __future__ import annotations

from urllib.parse import quote

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from credit.records.importer.formats import write_csv, write_xlsx

MEDIA_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}
FILE_NAME = "信用信息导入模板"


async def import_template(request: Request) -> Response:
    fmt = request.path_params["fmt"]
    if fmt not in MEDIA_TYPES:
        return Response("未知的模板格式：应为 xlsx 或 csv", status_code=404)
    body = write_xlsx([]) if fmt == "xlsx" else write_csv([])
    name = quote(f"{FILE_NAME}.{fmt}")
    return Response(
        body,
        media_type=MEDIA_TYPES[fmt],
        headers={
            "content-disposition": f'attachment; filename="import-template.{fmt}"; '
            f"filename*=UTF-8''{name}",
            "cache-control": "no-cache",
        },
    )


routes = [Route("/import/template.{fmt}", import_template, methods=["GET"])]
