"""The picture tests' fixtures: ``tenant``, the local Graph's tenant in the environment."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from constructs_xtap.graph import ClientSecret, GraphClient, GraphSettings, token_source
from constructs_xtap.local_graph import LocalGraph


@pytest.fixture
def tenant(local_graph: LocalGraph, monkeypatch: pytest.MonkeyPatch) -> Iterator[GraphClient]:
    """The local Graph's tenant in the environment (as the provider reads it), and a client for seeding."""
    monkeypatch.setattr(token_source, "_process_cache", None)
    for name, value in local_graph.env().items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("COLUMNS", "2000")  # the table unwrapped, so each row is one line
    client = GraphClient.from_settings(
        GraphSettings(
            tenant_id=local_graph.tenant_id,
            client_id=local_graph.client_id,
            credential=ClientSecret(local_graph.client_secret),
            graph_endpoint=local_graph.graph_endpoint,
            authority_host=local_graph.authority_host,
            ca_bundle=local_graph.ca_path,
        )
    )
    yield client
    client.close()
