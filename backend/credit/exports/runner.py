"""Running an export: the page's GraphQL field, executed as the caller, one page at a time.

Going through the schema (not a copy of the resolver's query) is what makes the file
hold exactly what the page shows to the same person: the same data scope
(`subjects_in_scope`), the same masking, the same permission, the same filters' checks."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

from starlette.requests import Request
from strawberry import Schema

from credit.accounts.actor import Actor
from credit.apicore.context import Context
from credit.apicore.loaders import Loaders
from credit.apicore.pagination import MAX_PAGE_SIZE
from credit.exports.formats import Row
from credit.exports.sources import Source

PAGE_SIZE = MAX_PAGE_SIZE
MAX_ROWS = 10_000


class ExportFailed(Exception):
    """The field answered with an error (no right, a bad filter): its code and message."""

    def __init__(self, error: dict[str, Any]) -> None:
        self.extensions: dict[str, Any] = dict(error.get("extensions") or {})
        self.code = str(self.extensions.get("code") or "INTERNAL_ERROR")
        self.message = str(error.get("message") or "")
        super().__init__(self.message)


def document(source: Source) -> str:
    declared = "".join(f", ${p.name}: {p.gql_type}" for p in source.params)
    args = [source.fixed_args] if source.fixed_args else []
    args += [f"{p.name}: ${p.name}" for p in source.params]
    args += ["first: $first", "after: $after"]
    return (
        f"query Export($first: Int!, $after: String{declared}) {{\n"
        f"  page: {source.field}({', '.join(args)}) {{\n"
        "    totalCount pageInfo { hasNextPage endCursor }\n"
        f"    edges {{ node {{ {source.selection} }} }}\n"
        "  }\n}"
    )


@dataclass
class Page:
    nodes: list[dict[str, Any]]
    total: int
    has_next: bool
    end_cursor: str | None


class Pages:
    """The pages of one export, fetched on demand."""

    def __init__(
        self,
        schema: Schema,
        source: Source,
        variables: dict[str, Any],
        actor: Actor,
        request: Request | None,
        request_id: str,
        page_size: int | None = None,
    ) -> None:
        # The assembled schema, passed in by the route (this domain does not import the
        # api layer that assembles it).
        self.schema = schema
        self.source = source
        self.variables = {k: _jsonable(v) for k, v in variables.items()}
        self.actor = actor
        self.request = request
        self.request_id = request_id
        self.page_size = page_size or PAGE_SIZE
        self.query = document(source)
        self.fetches = 0

    async def fetch(self, after: str | None) -> Page:
        # Fresh loaders per page: what one page loaded is not kept for the next.
        context = Context(
            request=self.request,
            response=None,
            actor=self.actor,
            loaders=Loaders(),
            request_id=self.request_id,
        )
        self.fetches += 1
        result = await self.schema.execute(
            self.query,
            variable_values={**self.variables, "first": self.page_size, "after": after},
            context_value=context,
            operation_name="Export",
        )
        if result.errors:
            error = result.errors[0]
            raise ExportFailed({"message": error.message, "extensions": error.extensions})
        assert result.data is not None
        page = result.data["page"]
        return Page(
            nodes=[e["node"] for e in page["edges"]],
            total=int(page["totalCount"]),
            has_next=bool(page["pageInfo"]["hasNextPage"]),
            end_cursor=page["pageInfo"]["endCursor"],
        )

    async def rows(self, first: Page, cap: int) -> AsyncIterator[list[Row]]:
        """The rows, one list per page, at most `cap` in all; `first` is the page already
        fetched (to answer errors with a status before the file starts)."""
        page: Page | None = first
        sent = 0
        while page is not None:
            nodes = page.nodes[: cap - sent]
            if nodes:
                yield [[c.cell(n) for c in self.source.columns] for n in nodes]
            sent += len(nodes)
            if sent >= cap or not page.has_next:
                return
            page = await self.fetch(page.end_cursor)


def _jsonable(value: Any) -> Any:
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value
