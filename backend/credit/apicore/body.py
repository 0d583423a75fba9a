"""A GraphQL POST body, decoded once.

The endpoint reads the body for the metrics' operation name, for routing a public read,
for the cache key and for the one-statement lookup; each used to decode the JSON again
(a cold lookup decoded it four times).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class GraphQLBody:
    raw: bytes
    # The decoded JSON when it is an object; None for anything else (malformed JSON, a
    # batch, a scalar), which strawberry then refuses in its own words.
    payload: dict[str, Any] | None

    @classmethod
    def parse(cls, raw: bytes) -> GraphQLBody:
        try:
            payload = json.loads(raw)
        except ValueError:
            payload = None
        return cls(raw, payload if isinstance(payload, dict) else None)

    @property
    def query(self) -> str | None:
        query = self.payload.get("query") if self.payload is not None else None
        return query if isinstance(query, str) else None

    @property
    def operation_name(self) -> str | None:
        name = self.payload.get("operationName") if self.payload is not None else None
        return name if isinstance(name, str) else None

    @property
    def operation(self) -> tuple[str, str | None] | None:
        """The query and operation name, when both are of the right type."""
        if self.payload is None or self.query is None:
            return None
        name = self.payload.get("operationName")
        if name is not None and not isinstance(name, str):
            return None
        return self.query, name
