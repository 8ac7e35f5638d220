"""Fixtures for the guardrail tests: a fresh stack per test, under each framework (``cdk``,
tests/conftest.py), and synth run as outside the cdktf CLI."""

from __future__ import annotations

import os

# jsii prints a Node end-of-life banner on every start otherwise; the Makefile sets the same.
os.environ.setdefault("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20")

from types import ModuleType
from typing import TYPE_CHECKING

import pytest

from constructs_xtap.guardrails.guardrails import CONTINUE_ON_ERRORS_ENV

if TYPE_CHECKING:  # the stack is cdktf's or cdktn's; cdktf's class stands for both, as in the library
    from cdktf import TerraformStack


@pytest.fixture(autouse=True)
def _outside_the_cdktf_cli(monkeypatch: pytest.MonkeyPatch) -> None:
    """The tests call Testing.synth themselves: errors must raise, as they do outside ``cdktf synth``."""
    monkeypatch.delenv(CONTINUE_ON_ERRORS_ENV, raising=False)


@pytest.fixture
def stack(cdk: ModuleType) -> TerraformStack:
    return cdk.TerraformStack(cdk.Testing.app(), "test")
