"""Shared test set-up: the local Graph fixture (`local_graph`) that users can load the same way, and a
throwaway PostgreSQL cluster (`postgres_cluster`, `postgres_database`)."""

pytest_plugins = ["constructs_xtap.local_graph.pytest_plugin", "tests.postgres_cluster"]
