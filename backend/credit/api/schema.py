"""The schema: each domain contributes its queries and mutations."""

from __future__ import annotations

import strawberry
from strawberry.extensions import (
    MaxAliasesLimiter,
    MaxTokensLimiter,
    ParserCache,
    QueryDepthLimiter,
    ValidationCache,
)
from strawberry.schema.config import StrawberryConfig

from credit.api.extensions import CodedErrors
from credit.api.limits import CostLimiter
from credit.lists.queries import ListQueries
from credit.subjects.queries import SubjectQueries

MAX_DEPTH = 10
MAX_ALIASES = 30
MAX_TOKENS = 3000


@strawberry.type
class Query(SubjectQueries, ListQueries):
    pass


schema = strawberry.Schema(
    query=Query,
    config=StrawberryConfig(relay_max_results=100),
    extensions=[
        CodedErrors,
        lambda: QueryDepthLimiter(max_depth=MAX_DEPTH),
        lambda: MaxAliasesLimiter(max_alias_count=MAX_ALIASES),
        lambda: MaxTokensLimiter(max_token_count=MAX_TOKENS),
        CostLimiter,
        lambda: ParserCache(maxsize=1024),
        lambda: ValidationCache(maxsize=1024),
    ],
)


def schema_sdl() -> str:
    """The SDL committed as schema.graphql at the repository root (make schema)."""
    return schema.as_str() + "\n"
