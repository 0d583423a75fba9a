"""Every argument a client sends is checked here before any resolver sees it: one place,
so a new resolver taking an ID or a string is covered without doing anything.

- `ID` arguments are row numbers: ASCII digits, from 1 to the PostgreSQL `integer`
  maximum. Every table an ID argument addresses numbers its rows with `integer` (the
  outbox's `bigint` key would only pass 2^31 after two billion deliveries), so a larger
  number can never name a row and is refused as malformed rather than sent to the
  database, which would fail on it.
- `String` arguments never contain a NUL character: PostgreSQL text cannot store it.

Values written in the query text are checked by `InputRule`, a validation rule (it knows
the argument's name); values sent in variables by `VariableCheck`, before execution
coerces them (it names the variable and the path inside it). graphql-core does not let the
built-in `ID` and `String` scalars be redefined, hence a rule and an extension rather than
custom scalars.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from graphql import (
    ArgumentNode,
    DocumentNode,
    GraphQLError,
    IntValueNode,
    ListValueNode,
    Node,
    ObjectFieldNode,
    OperationDefinitionNode,
    StringValueNode,
    ValidationRule,
    VariableDefinitionNode,
    get_named_type,
    is_input_object_type,
    is_list_type,
    is_non_null_type,
    type_from_ast,
)
from strawberry.extensions import SchemaExtension

from credit.apicore.errors import CodedError, ErrorCode

MAX_ID = 2**31 - 1


class InvalidInput(ValueError):
    """A malformed argument value; `fault` is a stable machine-readable reason."""

    def __init__(self, message: str, fault: str) -> None:
        super().__init__(message)
        self.fault = fault


def parse_id(value: object) -> int:
    """The row number an ID argument names. Leading zeros are tolerated ("007" is 7)."""
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise InvalidInput("编号应为数字", "NOT_A_NUMBER")
    text = str(value)
    if text == "":
        raise InvalidInput("编号不能为空", "EMPTY")
    if not (text.isascii() and text.isdigit()):
        raise InvalidInput(f"编号只能由数字组成：{_show(text)}", "NOT_A_NUMBER")
    number = int(text) if len(text) <= 20 else MAX_ID + 1
    if not 1 <= number <= MAX_ID:
        raise InvalidInput(f"编号超出范围（1–{MAX_ID}）：{_show(text)}", "OUT_OF_RANGE")
    return number


def check_text(value: object) -> str:
    if not isinstance(value, str):
        raise InvalidInput("应为文本", "NOT_A_STRING")
    if "\x00" in value:
        raise InvalidInput("文本不能包含空字符（\\u0000）", "NUL_CHARACTER")
    return value


def _check_id(value: object) -> None:
    # graphql-core accepts a JSON integer for an ID variable as well as a string.
    parse_id(value)


_CHECKS = {"ID": _check_id, "String": check_text}


def _show(text: str) -> str:
    return text if len(text) <= 24 else text[:24] + "…"


def _coded(exc: InvalidInput, field: str | None) -> CodedError:
    extra: dict[str, Any] = {"fault": exc.fault}
    if field is not None:
        extra["field"] = field
    message = f"{field}：{exc}" if field else str(exc)
    return CodedError(message, ErrorCode.INVALID_ARGUMENT, **extra)


# --- literals in the query text ---------------------------------------------------------


class InputRule(ValidationRule):
    """Checks ID and String literals written in the query text, naming the argument."""

    def enter_string_value(self, node: StringValueNode, *args: Any) -> None:
        self._check(node, args)

    def enter_int_value(self, node: IntValueNode, *args: Any) -> None:
        self._check(node, args)

    def _check(self, node: StringValueNode | IntValueNode, args: tuple[Any, ...]) -> None:
        input_type = self.context.get_input_type()
        if input_type is None:
            return
        check = _CHECKS.get(get_named_type(input_type).name)
        if check is None or (isinstance(node, IntValueNode) and check is check_text):
            return  # an Int literal for a String is graphql-core's to refuse
        try:
            check(node.value)
        except InvalidInput as exc:
            # The visitor passes (key, parent, path, ancestors) after the node.
            chain = [*args[3], args[1], node] if len(args) > 3 else [node]
            error = _coded(exc, _field_name(chain))
            error.nodes = [node]
            self.report_error(error)


def _field_name(chain: list[Any]) -> str | None:
    """`input.violations[0].typeCode` from the AST nodes between the argument and the value."""
    parts: list[str] = []
    nodes = [n for n in chain if isinstance(n, Node)]
    for i, n in enumerate(nodes):
        if isinstance(n, ArgumentNode | ObjectFieldNode):
            parts.append(("." if parts else "") + n.name.value)
        elif isinstance(n, VariableDefinitionNode):
            parts = [n.variable.name.value]
        elif isinstance(n, ListValueNode) and i + 1 < len(nodes):
            child = nodes[i + 1]
            index = next((k for k, v in enumerate(n.values) if v is child), None)
            if index is not None:
                parts.append(f"[{index}]")
    return "".join(parts) or None


# --- values sent in variables -----------------------------------------------------------


def _walk(value: Any, type_: Any, path: str) -> None:
    """Checks the ID and String leaves of one variable's value along its declared type;
    shapes that do not match the type are left to graphql-core's own coercion."""
    if value is None:
        return
    if is_non_null_type(type_):
        _walk(value, type_.of_type, path)
    elif is_list_type(type_):
        if not isinstance(value, list):
            _walk(value, type_.of_type, path)  # a single value coerces to a list of one
            return
        for i, item in enumerate(value):
            _walk(item, type_.of_type, f"{path}[{i}]")
    elif is_input_object_type(type_):
        if isinstance(value, dict):
            for name, field in type_.fields.items():
                if name in value:
                    _walk(value[name], field.type, f"{path}.{name}")
    else:
        check = _CHECKS.get(type_.name)
        if check is None or (check is check_text and not isinstance(value, str)):
            return
        try:
            check(value)
        except InvalidInput as exc:
            raise _coded(exc, path) from exc


class VariableCheck(SchemaExtension):
    """Checks ID and String values sent in variables before execution coerces them."""

    def on_execute(self) -> Iterator[None]:
        ctx = self.execution_context
        variables = ctx.variables or {}
        operation = _operation(ctx.graphql_document, ctx.operation_name)
        if operation is not None and isinstance(variables, dict) and variables:
            schema = ctx.schema._schema
            for definition in operation.variable_definitions or ():
                name = definition.variable.name.value
                type_ = type_from_ast(schema, definition.type)
                if name in variables and type_ is not None:
                    _walk(variables[name], type_, name)
        yield


def _operation(document: DocumentNode | None, name: str | None) -> OperationDefinitionNode | None:
    if document is None:
        return None
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if not name:
        return operations[0] if len(operations) == 1 else None
    return next((o for o in operations if o.name and o.name.value == name), None)


def variable_field(error: GraphQLError) -> str | None:
    """The variable a coercion error is about (graphql-core places such errors on the
    variable's definition), or None for any other error. Such an error is the client's
    input, whatever exception the scalar raised: a null for a non-null type, a date that
    is not one, an enum value that does not exist."""
    node = error.nodes[0] if error.nodes else None
    if isinstance(node, VariableDefinitionNode) and error.path is None:
        return node.variable.name.value
    return None
