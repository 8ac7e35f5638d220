"""``xtap env``: print the export lines for ``eval "$(xtap env)"``."""

from __future__ import annotations

import shlex

from constructs_xtap.toolchain.toolchain_env import toolchain_env


def run_env() -> int:
    """Print one ``export NAME=value`` line per variable; return the exit code."""
    for name, value in toolchain_env().items():
        print(f"export {name}={shlex.quote(value)}")
    return 0
