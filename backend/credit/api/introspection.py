"""Introspection stays on for signed-in users and partners (they build against it) and
follows PUBLIC_INTROSPECTION for anonymous callers."""

from __future__ import annotations

from collections.abc import Iterator

from graphql import FieldNode, GraphQLError, OperationDefinitionNode
from strawberry.extensions import SchemaExtension

from credit.core.settings import get_settings


def _asks_introspection(document: object) -> bool:
    def walk(selections: object) -> bool:
        for sel in getattr(selections, "selections", ()) or ():
            if isinstance(sel, FieldNode) and sel.name.value in {"__schema", "__type"}:
                return True
            if walk(getattr(sel, "selection_set", None)):
                return True
        return False

    return any(
        walk(d.selection_set)
        for d in getattr(document, "definitions", ())
        if isinstance(d, OperationDefinitionNode)
    )


class PublicIntrospection(SchemaExtension):
    # on_execute, not on_validate: the validation cache would overwrite errors set there.
    def on_execute(self) -> Iterator[None]:
        ctx = self.execution_context
        actor = getattr(ctx.context, "actor", None)
        anonymous = actor is None or not actor.is_authenticated
        if (
            anonymous
            and not get_settings().public_introspection
            and ctx.graphql_document is not None
            and _asks_introspection(ctx.graphql_document)
        ):
            raise GraphQLError(
                "匿名访问不开放架构查询（introspection）：请登录或使用 API 令牌",
                extensions={"code": "INTROSPECTION_DISABLED"},
            )
        yield
