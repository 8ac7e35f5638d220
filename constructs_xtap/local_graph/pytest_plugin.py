"""pytest plugin: ``local_graph`` gives each test a clean local Graph (one server per session).

Enable it with ``pytest_plugins = ["constructs_xtap.local_graph.pytest_plugin"]`` in your root conftest.py or
``pytest -p constructs_xtap.local_graph.pytest_plugin``.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from constructs_xtap.local_graph.server import LocalGraph


@pytest.fixture(scope="session")
def local_graph_server() -> Iterator[LocalGraph]:
    """One running local Graph for the whole session (state in memory)."""
    with LocalGraph() as graph:
        yield graph


@pytest.fixture
def local_graph(local_graph_server: LocalGraph) -> Iterator[LocalGraph]:
    """The session's local Graph, with no partners, no faults and an empty request log."""
    local_graph_server.reset()
    yield local_graph_server
    local_graph_server.reset()
