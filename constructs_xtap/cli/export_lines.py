"""`export NAME=value` lines for `eval`: what both `xtap env` and `xtap local-graph` print."""

from __future__ import annotations

import shlex
from collections.abc import Mapping, Sequence
from pathlib import Path


def export_lines(env: Mapping[str, str]) -> str:
    """Return ``export NAME=value`` lines, shell-quoted, for ``eval``."""
    return "".join(f"export {name}={shlex.quote(value)}\n" for name, value in env.items())


def prepend_path_line(directories: Sequence[Path]) -> str:
    """Return ``export PATH=<directories>:"$PATH"``, shell-quoted, with no newline: the shell expands
    ``$PATH`` where the line runs."""
    return f'export PATH={shlex.quote(":".join(str(d) for d in directories))}:"$PATH"'
