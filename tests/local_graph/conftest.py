"""Fixtures for the local Graph's own tests (`local_graph` comes from the plugin the root conftest loads)."""

from __future__ import annotations

from typing import Any

import pytest
import requests

from constructs_xtap.local_graph.server import LocalGraph
from tests.vectors import documented_vectors


@pytest.fixture(scope="session")
def vectors() -> dict[str, Any]:
    """The documented partner and error vectors (graph-api.md §5)."""
    return documented_vectors()


@pytest.fixture
def partners_url(local_graph: LocalGraph) -> str:
    """The v1.0 partners collection of the local Graph."""
    return f"{local_graph.graph_endpoint}/v1.0/policies/crossTenantAccessPolicy/partners"


@pytest.fixture
def graph_session(local_graph: LocalGraph) -> requests.Session:
    """A session trusting the local CA and carrying a token of the preregistered (read-write) client."""
    session = local_graph.session()
    session.headers["Authorization"] = f"Bearer {local_graph.issue_token()}"
    return session
