"""Fixtures for the construct tests: a fresh stack per test, under each framework (``cdk``,
tests/conftest.py), and a way to collect validation problems."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

# jsii prints a Node end-of-life banner on every start otherwise; the Makefile sets the same.
os.environ.setdefault("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20")

from types import ModuleType
from typing import TYPE_CHECKING

import pytest
from sample_ids import SEED_TENANT

from constructs_xtap import CrossTenantAccessPartner, ValidationProblem, XtapValidationError

if TYPE_CHECKING:  # the stack is cdktf's or cdktn's; cdktf's class stands for both, as in the library
    from cdktf import TerraformStack


@pytest.fixture
def stack(cdk: ModuleType) -> TerraformStack:
    return cdk.TerraformStack(cdk.Testing.app(), "test")


@pytest.fixture
def problems(stack: TerraformStack) -> Callable[..., list[ValidationProblem]]:
    """Build a partner in ``stack``; return the problems it was rejected with ([] when accepted)."""
    counter = iter(range(1_000))

    def build(**props: Any) -> list[ValidationProblem]:
        props.setdefault("tenant_id", SEED_TENANT)
        try:
            CrossTenantAccessPartner(stack, f"partner{next(counter)}", **props)
        except XtapValidationError as error:
            assert error.problems, "an XtapValidationError must carry at least one problem"
            return list(error.problems)
        return []

    return build


@pytest.fixture
def token_string(cdk: ModuleType, stack: TerraformStack) -> str:
    """A string only known at deploy time (a variable reference), as a group id from another resource is."""
    return cdk.TerraformVariable(stack, "group_id", type="string").string_value
