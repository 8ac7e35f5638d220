"""A Terraform filesystem mirror holding this package's provider, so ``terraform init`` works offline.

dev_overrides breaks the second ``cdktf deploy`` (init then queries the registry for providers in the
state); a filesystem mirror does not (toolchain-recipes.md §3.3). The mirrored file is a two-line
wrapper; the lock file pins its bytes, so it holds no logic and is rewritten only when it would differ.
"""

from __future__ import annotations

import os
import platform
import sys
import tempfile
from pathlib import Path

from constructs_xtap.wire.partner_schema import (
    PROVIDER_HOSTNAME,
    PROVIDER_LOCAL_NAME,
    PROVIDER_NAMESPACE,
    PROVIDER_VERSION,
)

_ARCHES = {"x86_64": "amd64", "amd64": "amd64", "aarch64": "arm64", "arm64": "arm64"}


def terraform_platform() -> str:
    """Terraform's name for this machine's platform, e.g. ``linux_amd64``."""
    machine = platform.machine().lower()
    return f"{sys.platform}_{_ARCHES.get(machine, machine)}"


def stable_interpreter() -> str:
    """This interpreter under the one name its environment always has: ``<prefix>/bin/python``.

    ``sys.executable`` is ``…/bin/python3`` when started through a console script (``xtap``) and
    ``…/bin/python`` when started as ``python -m``; the same interpreter must give the same wrapper bytes,
    or the lock file of every existing working directory stops matching the mirrored provider.
    """
    candidate = Path(sys.prefix) / "bin" / "python"
    if candidate.exists() and os.path.realpath(candidate) == os.path.realpath(sys.executable):
        return str(candidate)
    return sys.executable


def provider_wrapper_text(python: str | None = None) -> str:
    """The executable Terraform starts: this interpreter running ``constructs_xtap.provider``."""
    return (
        f"#!{python or stable_interpreter()}\nfrom constructs_xtap.provider.__main__ import main\n\nmain()\n"
    )


def install_provider_mirror(mirror_dir: Path, python: str | None = None) -> Path:
    """Write the provider into ``mirror_dir`` in Terraform's unpacked layout; return the executable's path."""
    package_dir = (
        mirror_dir
        / PROVIDER_HOSTNAME
        / PROVIDER_NAMESPACE
        / PROVIDER_LOCAL_NAME
        / PROVIDER_VERSION
        / terraform_platform()
    )
    executable = package_dir / f"terraform-provider-{PROVIDER_LOCAL_NAME}_v{PROVIDER_VERSION}"
    text = provider_wrapper_text(python)
    if not executable.is_file() or executable.read_text() != text:
        package_dir.mkdir(parents=True, exist_ok=True)
        # Written beside, then renamed over: a Terraform starting the provider never reads half a file.
        handle, temporary = tempfile.mkstemp(dir=package_dir, prefix=".wrapper-")
        with os.fdopen(handle, "w") as wrapper:
            wrapper.write(text)
        os.chmod(temporary, 0o755)
        os.replace(temporary, executable)
    return executable
