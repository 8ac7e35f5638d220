"""is_unresolved: true for every kind of cdktf token, false for look-alikes, and never raises."""

from __future__ import annotations

import uuid
from types import ModuleType
from typing import TYPE_CHECKING, Any

import jsii
import pytest

from constructs_xtap.constructs.unresolved import is_unresolved

if TYPE_CHECKING:  # cdktf's classes stand for both frameworks' in annotations, as in the library
    from cdktf import IResolvable, TerraformStack, TerraformVariable


def _python_resolvable(cdk: ModuleType) -> IResolvable:
    """A user's own IResolvable, written in Python, declared as the framework's ``IResolvable``."""

    @jsii.implements(cdk.IResolvable)
    class PythonResolvable:
        creation_stack: list[str] = []  # noqa: RUF012 - the jsii interface declares it as a plain attribute

        def resolve(self, _context: Any) -> bool:
            return True

        def to_string(self) -> str:
            return "python-resolvable"

    resolvable: IResolvable = PythonResolvable()
    return resolvable


def test_is_unresolved_recognises_every_kind_of_token(cdk: ModuleType, stack: TerraformStack) -> None:
    def variable(name: str, type_: str) -> TerraformVariable:
        return cdk.TerraformVariable(stack, name, type=type_)

    tokens = {
        "string": variable("s", "string").string_value,
        "string inside text": f"prefix-{variable('s2', 'string').string_value}",
        "number": variable("n", "number").number_value,
        "list": variable("l", "list(string)").list_value,
        "map": cdk.Token.as_string_map(variable("m", "map(string)").value),
        "bool (IResolvable proxy)": variable("b", "bool").boolean_value,
        "python IResolvable": _python_resolvable(cdk),
    }
    assert {name: is_unresolved(value) for name, value in tokens.items()} == dict.fromkeys(tokens, True)


@pytest.mark.parametrize(
    "value",
    [
        "TfToken[1]",
        "${TfToken[1]",
        "${TfToken[TOKEN 1]}",
        ["TfToken[1]"],
        {"&{TfToken[x y]}": "v"},
        "3d0f5dec-5d3d-455c-8016-e2af1ae4d31a",
        "",
        None,
        True,
        0,
        1.5,
    ],
    ids=repr,
)
def test_is_unresolved_is_false_for_plain_values_and_token_look_alikes(value: object) -> None:
    assert is_unresolved(value) is False


@pytest.mark.parametrize(
    "value",
    [
        uuid.UUID("e3e70682-c209-4cac-629f-6fbed82c07cd"),
        b"${TfToken[TOKEN.1]}",
        bytearray(b"x"),
        object(),
        (object(),),
        [object()],
        {"key": object()},
        {1: 2},
        {("tuple", "key"): 1},
        float("nan"),
        float("inf"),
        10**400,
        frozenset({"a"}),
    ],
    ids=lambda v: type(v).__name__,
)
def test_is_unresolved_treats_values_jsii_cannot_carry_as_plain_without_raising(value: object) -> None:
    assert is_unresolved(value) is False
