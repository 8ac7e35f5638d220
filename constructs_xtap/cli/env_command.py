"""``xtap env``: print the export lines for ``eval "$(xtap env)"``."""

from __future__ import annotations

import sys

from constructs_xtap.cli.export_lines import export_lines
from constructs_xtap.toolchain.toolchain_env import toolchain_env


def run_env() -> int:
    """Print one ``export NAME=value`` line per variable; return the exit code."""
    sys.stdout.write(export_lines(toolchain_env()))
    return 0
