"""The yardstick for apply: the same number of Terraform's built-in ``terraform_data`` resources, applied
by the same Terraform, so the ratio shows what the xtap provider adds."""

from __future__ import annotations

import json
import resource
import subprocess
import time
from collections.abc import Mapping
from pathlib import Path


def children_cpu_seconds() -> float:
    """User and system CPU seconds of every child process waited for so far (with their own children)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def apply_terraform_data_figures(directory: Path, env: Mapping[str, str], count: int) -> tuple[float, float]:
    """Seconds, and CPU seconds of Terraform, of one ``terraform apply`` creating ``count``
    ``terraform_data`` resources in ``directory`` (after an untimed ``terraform init``)."""
    directory.mkdir(parents=True, exist_ok=True)
    resources = {
        f"d{i}": {"input": {"tenant_id": f"{i:08x}-0000-4000-8000-000000000000"}} for i in range(count)
    }
    (directory / "main.tf.json").write_text(json.dumps({"resource": {"terraform_data": resources}}))
    terraform = env["TERRAFORM_BINARY_NAME"]
    _run([terraform, "init", "-no-color", "-input=false"], directory, env)
    cpu, started = children_cpu_seconds(), time.perf_counter()
    _run([terraform, "apply", "-auto-approve", "-no-color", "-input=false"], directory, env)
    return time.perf_counter() - started, children_cpu_seconds() - cpu


def _run(argv: list[str], cwd: Path, env: Mapping[str, str]) -> None:
    done = subprocess.run(argv, cwd=cwd, env=dict(env), capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
