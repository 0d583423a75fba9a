"""schema.graphql at the repository root is generated: it must match the code."""

from __future__ import annotations

from credit.api.schema import schema_sdl
from credit.core.settings import REPO_DIR


def test_committed_schema_is_up_to_date() -> None:
    committed = (REPO_DIR / "schema.graphql").read_text("utf-8")
    assert committed == schema_sdl(), "schema.graphql is stale: run `make schema` and commit it"
