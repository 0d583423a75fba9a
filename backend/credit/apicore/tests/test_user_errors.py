"""Every code a mutation can answer is declared in its domain's enum, and every code a
request can answer is in ApiErrorCode: a code missing from an enum fails here, not in a
client's hands (at run time it would be a ValueError, answered as INTERNAL_ERROR)."""

from __future__ import annotations

import ast
import re
from collections import defaultdict
from enum import StrEnum
from pathlib import Path

import pytest
import strawberry
from graphql import GraphQLEnumType, GraphQLObjectType, get_named_type

from credit.api.schema import schema
from credit.apicore.errors import ErrorCode
from credit.apicore.user_errors import CommonErrorCode, Failure, UserError
from credit.records.error_codes import RecordErrorCode
from credit.records.rules import RuleCode

ROOT = Path(__file__).resolve().parents[2]  # backend/credit
CODE = re.compile(r"^[A-Z][A-Z_]+$")
# casework.resolvers.run_case calls run_mutation for the casework domains (objections,
# repairs, ...) with the calling domain's error type, carried by its `to_user_error`.
RUNS_FOR_OTHERS = {"casework"}
# Enums that are not a payload's vocabulary: transport codes, the services' own codes
# (converted by value: checked below), the importer's rule codes.
NOT_PAYLOAD_ENUMS = {"ErrorCode", "CommonErrorCode"}


def _sources(package: Path) -> list[Path]:
    return [p for p in package.rglob("*.py") if "tests" not in p.relative_to(ROOT).parts]


def _packages() -> list[Path]:
    # Migrations are generated and raise nothing.
    return sorted(
        p for p in ROOT.iterdir() if (p / "__init__.py").exists() and p.name != "migrations"
    )


def _domain_enum(package: Path) -> type[StrEnum] | None:
    if not (package / "error_codes.py").exists():
        return None
    module = __import__(f"credit.{package.name}.error_codes", fromlist=["_"])
    enums = [
        v
        for k, v in vars(module).items()
        if k.endswith("ErrorCode")
        and isinstance(v, type)
        and issubclass(v, StrEnum)
        and v.__module__ == module.__name__  # declared here, not imported
    ]
    assert len(enums) == 1, f"{package.name}/error_codes.py declares one <Domain>ErrorCode"
    return enums[0]


def _raised(package: Path) -> tuple[dict[str, set[str]], set[str], bool]:
    """(codes by the enum named in `XErrorCode.NAME`, codes passed as string literals to an
    exception converted by value (RecordInputError, LoginRefused), whether the package
    raises MutationFailed)."""
    by_enum: dict[str, set[str]] = defaultdict(set)
    literals: set[str] = set()
    raises = False
    for path in _sources(package):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id.endswith("ErrorCode")
                and CODE.match(node.attr)
            ):
                by_enum[node.value.id].add(node.attr)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                name = node.func.id
                raises |= name == "MutationFailed"
                if name.endswith(("InputError", "Refused")):
                    args = [*node.args, *(k.value for k in node.keywords)]
                    literals |= {
                        a.value
                        for a in args
                        if isinstance(a, ast.Constant)
                        and isinstance(a.value, str)
                        and CODE.match(a.value)
                    }
    return by_enum, literals, raises


@pytest.mark.parametrize("package", _packages(), ids=lambda p: p.name)
def test_every_code_a_package_raises_is_in_its_enum(package):
    # given
    enum = _domain_enum(package)
    by_enum, literals, raises = _raised(package)
    payload_enums = {k: v for k, v in by_enum.items() if k not in NOT_PAYLOAD_ENUMS}
    # when / then
    if enum is None:
        assert not raises and not payload_enums, (
            f"{package.name} raises MutationFailed: give it error_codes.py "
            "(credit.apicore.user_errors)"
        )
        return
    foreign = set(payload_enums) - {enum.__name__}
    assert not foreign, f"{package.name} answers another domain's codes: {foreign}"
    declared = {m.value for m in enum}
    raised = payload_enums.get(enum.__name__, set()) | literals
    if package.name == "records":
        raised |= {c.value for c in RuleCode}  # the record rules and the import's rows
    assert raised - declared == set(), f"{package.name}: add to {enum.__name__}"
    assert {c.value for c in CommonErrorCode} <= declared, enum.__name__


@pytest.mark.parametrize("package", _packages(), ids=lambda p: p.name)
def test_run_mutation_is_given_the_packages_error_type(package):
    enum = _domain_enum(package)
    if enum is None or package.name in RUNS_FOR_OTHERS:
        return
    error_type = enum.__name__.removesuffix("Code")
    module = __import__(f"credit.{package.name}.error_codes", fromlist=["_"])
    to_user_error = getattr(module, "to_user_error", None)
    if to_user_error is not None:  # a casework domain: run_case runs its mutations
        assert to_user_error.codes is enum, package.name
        gql = to_user_error.error_type.__strawberry_definition__.name
        assert gql == error_type, f"{package.name}: the payload error type is {gql}"
    for path in _sources(package):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "run_mutation"
            ):
                given = [a.id for a in node.args[3:4] if isinstance(a, ast.Name)]
                assert given == [error_type], f"{path.name}:{node.lineno}"


def _error_types() -> dict[str, GraphQLObjectType]:
    gs = schema._schema
    mutation = gs.mutation_type
    assert mutation is not None
    out: dict[str, GraphQLObjectType] = {}
    for name, field in mutation.fields.items():
        payload = get_named_type(field.type)
        assert isinstance(payload, GraphQLObjectType), name
        errors = payload.fields.get("errors")
        assert errors is not None, f"Mutation.{name}: its payload has no errors"
        error_type = get_named_type(errors.type)
        assert isinstance(error_type, GraphQLObjectType), name
        out[name] = error_type
    return out


def test_every_payload_error_implements_user_error_with_a_code_enum():
    for name, error_type in _error_types().items():
        assert "UserError" in {i.name for i in error_type.interfaces}, name
        code = get_named_type(error_type.fields["code"].type)
        assert isinstance(code, GraphQLEnumType), name
        assert code.name.endswith("ErrorCode"), name
        if error_type.name != "ImportRowError":  # rows: the rules' codes, no transaction
            assert {c.value for c in CommonErrorCode} <= set(code.values), name


def test_the_imports_rule_codes_are_record_codes():
    assert {c.value for c in RuleCode} <= {c.value for c in RecordErrorCode}


def test_a_code_outside_the_domains_enum_fails_loudly():
    # given
    @strawberry.type
    class NarrowError(UserError):
        code: CommonErrorCode

    failure = Failure("x", RecordErrorCode.DATE_ORDER, "decisionDate")
    # when / then
    with pytest.raises(ValueError):
        NarrowError.from_failure(failure)
    error = NarrowError.from_failure(Failure("x", RecordErrorCode.CONFLICT))
    assert error.code is CommonErrorCode.CONFLICT and error.field is None


def test_every_transport_code_is_in_the_api_error_code_enum():
    """`extensions.code` literals ({"code": "X"}, `_error(status, "X", ...)`) name ApiErrorCode
    members, so that clients generating their list from the schema know them all."""
    found: set[str] = set()
    for path in _sources(ROOT):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Dict):
                for k, v in zip(node.keys, node.values, strict=True):
                    if (
                        isinstance(k, ast.Constant)
                        and k.value == "code"
                        and isinstance(v, ast.Constant)
                        and isinstance(v.value, str)
                        and CODE.match(v.value)
                    ):
                        found.add(v.value)
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "_error"
                and len(node.args) > 1
                and isinstance(node.args[1], ast.Constant)
                and isinstance(node.args[1].value, str)
            ):
                found.add(node.args[1].value)
    assert found, "the scan finds the literals"
    assert found - {c.value for c in ErrorCode} == set()
    assert "ApiErrorCode" in str(schema)
