"""Format generated source with ruff, as the project formats its own."""

from __future__ import annotations

import importlib.util
import subprocess
import sys


def ruff_available() -> bool:
    """Whether ``python -m ruff`` can run in this interpreter."""
    return importlib.util.find_spec("ruff") is not None


def ruff_format(source: str, filename: str) -> str:
    """``source`` as ``ruff format`` writes it (``python -m ruff format -`` of this interpreter).

    ``filename`` is the file the source will be written to: ruff reads its configuration (line length…)
    from the ``pyproject.toml``/``ruff.toml`` above it. Raises ``RuntimeError`` with ruff's message when
    ruff cannot format it (a syntax error) or is not installed.
    """
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "format", "--stdin-filename", filename, "-"],
        input=source,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"ruff format failed: {result.stderr.strip() or result.stdout.strip()}")
    return result.stdout
