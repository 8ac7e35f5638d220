"""pytest plugin: ``local_graph`` gives each test a clean local Graph (one server per session).

Enable it with ``pytest_plugins = ["constructs_xtap.local_graph.pytest_plugin"]`` in your root conftest.py or
``pytest -p constructs_xtap.local_graph.pytest_plugin``.

The partners list is paged (server.py assumption 15). To read it in smaller pages, override
``local_graph_page_size`` (a fixture in a module or conftest, or
``@pytest.mark.parametrize("local_graph_page_size", [2])``), or set ``local_graph.page_size`` in the test.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from constructs_xtap.local_graph.server import LocalGraph


@pytest.fixture(scope="session")
def local_graph_server() -> Iterator[LocalGraph]:
    """One running local Graph for the whole session (state in memory). Its preregistered app holds what
    ``xtap local-graph``'s does: ``Policy.ReadWrite.CrossTenantAccess`` and the tenant lookups'
    ``CrossTenantInformation.ReadBasic.All``."""
    with LocalGraph() as graph:
        yield graph


@pytest.fixture
def local_graph_page_size() -> int | None:
    """Partners per page for the test's ``local_graph``; ``None`` keeps the server's default (100)."""
    return None


@pytest.fixture
def local_graph(local_graph_server: LocalGraph, local_graph_page_size: int | None) -> Iterator[LocalGraph]:
    """The session's local Graph, with no partners, no faults, an empty request log and the page size of
    ``local_graph_page_size``."""
    local_graph_server.reset()
    if local_graph_page_size is not None:
        local_graph_server.page_size = local_graph_page_size
    yield local_graph_server
    local_graph_server.reset()
