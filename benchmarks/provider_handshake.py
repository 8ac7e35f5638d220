"""How long the provider process takes from its start to the handshake line Terraform waits for."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Mapping

from constructs_xtap.toolchain.provider_mirror import provider_wrapper_text


def handshake_seconds(env: Mapping[str, str], runs: int = 9) -> float:
    """The median, over ``runs`` starts, of the seconds from starting the provider as Terraform does (the
    mirror's wrapper program) to reading its go-plugin handshake line."""
    program = provider_wrapper_text().split("\n", 1)[1]  # the wrapper without its #! line
    times: list[float] = []
    for _ in range(runs):
        started = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, "-c", program],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=dict(env),
        )
        assert process.stdout is not None
        line = process.stdout.readline()
        times.append(time.perf_counter() - started)
        process.kill()
        process.wait()
        if not line.startswith(b"1|6|"):
            raise SystemExit(f"the provider printed {line!r} instead of a go-plugin handshake")
    return statistics.median(times)


def interpreter_seconds(env: Mapping[str, str], runs: int = 9) -> float:
    """The median seconds to start and end this Python interpreter doing nothing (the floor of the above)."""
    times: list[float] = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], env=dict(env), check=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)
