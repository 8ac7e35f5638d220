"""`export NAME=value` lines for `eval`: what both `xtap env` and `xtap local-graph` print."""

from __future__ import annotations

import shlex
from collections.abc import Mapping


def export_lines(env: Mapping[str, str]) -> str:
    """Return ``export NAME=value`` lines, shell-quoted, for ``eval``."""
    return "".join(f"export {name}={shlex.quote(value)}\n" for name, value in env.items())
