"""The local Graph: an HTTPS stand-in for the Graph partner endpoints and the Entra token endpoint."""

from constructs_xtap.local_graph.client_registry import READ_ROLE, WRITE_ROLE
from constructs_xtap.local_graph.collection_pages import DEFAULT_PAGE_SIZE
from constructs_xtap.local_graph.server import LocalGraph

__all__ = ["DEFAULT_PAGE_SIZE", "READ_ROLE", "WRITE_ROLE", "LocalGraph"]
