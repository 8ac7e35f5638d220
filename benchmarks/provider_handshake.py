"""How long the provider process takes from its start to the handshake line Terraform waits for.

Both figures run Python in an empty working directory: Terraform runs the mirror's wrapper as a script, so
Python looks for modules first in the wrapper's small directory; ``python -c`` looks in the working
directory instead, and a crowded one (``/tmp``) would add its listing to every start.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping

from constructs_xtap.toolchain.provider_mirror import provider_wrapper_text


def handshake_seconds(env: Mapping[str, str], runs: int = 9) -> float:
    """The median, over ``runs`` starts, of the seconds from starting the provider as Terraform does (the
    mirror's wrapper program) to reading its go-plugin handshake line."""
    program = provider_wrapper_text().split("\n", 1)[1]  # the wrapper without its #! line
    times: list[float] = []
    with tempfile.TemporaryDirectory() as empty:
        for _ in range(runs):
            times.append(_handshake_once(program, empty, env))
    return statistics.median(times)


def _handshake_once(program: str, cwd: str, env: Mapping[str, str]) -> float:
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", program],
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=dict(env),
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    seconds = time.perf_counter() - started
    process.kill()
    process.wait()
    if not line.startswith(b"1|6|"):
        raise SystemExit(f"the provider printed {line!r} instead of a go-plugin handshake")
    return seconds


def interpreter_seconds(env: Mapping[str, str], runs: int = 9) -> float:
    """The median seconds to start and end this Python interpreter doing nothing (the floor of the above)."""
    times: list[float] = []
    with tempfile.TemporaryDirectory() as empty:
        for _ in range(runs):
            started = time.perf_counter()
            subprocess.run([sys.executable, "-c", "pass"], cwd=empty, env=dict(env), check=True)
            times.append(time.perf_counter() - started)
    return statistics.median(times)
