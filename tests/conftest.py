"""Shared test set-up: the local Graph fixture (`local_graph`) that users can load the same way, a
throwaway PostgreSQL cluster (`postgres_cluster`, `postgres_database`), and `cdk`, the CDK framework a
construct test runs under."""

from __future__ import annotations

import importlib
from types import ModuleType

import pytest

from constructs_xtap.wire import CDK_FRAMEWORKS

pytest_plugins = ["constructs_xtap.local_graph.pytest_plugin", "tests.postgres_cluster"]


@pytest.fixture(params=CDK_FRAMEWORKS, ids=CDK_FRAMEWORKS)
def cdk(request: pytest.FixtureRequest) -> ModuleType:
    """The framework module, ``cdktf`` (CDK for Terraform) or ``cdktn`` (CDK Terrain): a test that takes it
    (or a fixture built from it, such as ``stack``) runs once under each, and takes ``App``, ``Testing``,
    ``TerraformStack``, ``Aspects``... from it, since one tree must be built with one framework."""
    return importlib.import_module(request.param)
