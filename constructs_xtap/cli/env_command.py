"""``xtap env``: print the export lines for ``eval "$(xtap env)"``.

The last line is a comment for CDK Terrain users: the ``export PATH=...`` that puts the Node 22 and the
``cdktn`` CLI from the current directory's node_modules first (cdktn-cli needs Node >= 22.19; cdktf keeps
the system Node, so ``eval`` leaves PATH alone), or, when they are not installed, how to install them.
"""

from __future__ import annotations

import sys
from pathlib import Path

from constructs_xtap.cli.export_lines import export_lines, prepend_path_line
from constructs_xtap.toolchain.cdktn_cli import (
    NPM_INSTALL,
    cdktn_executable,
    missing_cdktn_parts,
    node22_bin_dir,
)
from constructs_xtap.toolchain.toolchain_env import toolchain_env


def cdktn_hint(project_dir: Path) -> str:
    """The comment line that tells CDK Terrain users which PATH runs ``cdktn`` from ``project_dir``."""
    if missing_cdktn_parts(project_dir):
        return f"# CDK Terrain (cdktn) needs cdktn-cli and Node >= 22.19 here: {NPM_INSTALL}\n"
    line = prepend_path_line([node22_bin_dir(project_dir), cdktn_executable(project_dir).parent])
    return f"# CDK Terrain (cdktn), Node 22 first: {line}\n"


def run_env() -> int:
    """Print one ``export NAME=value`` line per variable and the cdktn comment; return the exit code."""
    sys.stdout.write(export_lines(toolchain_env()) + cdktn_hint(Path.cwd()))
    return 0
