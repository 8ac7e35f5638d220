"""The ``xtap`` command line."""

from constructs_xtap.cli.main import build_parser, main

__all__ = ["build_parser", "main"]
