"""Shared test set-up: the local Graph fixture (`local_graph`) that users can load the same way."""

pytest_plugins = ["constructs_xtap.local_graph.pytest_plugin"]
