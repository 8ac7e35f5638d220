"""A Terraform filesystem mirror holding this package's provider, so ``terraform init`` works offline.

dev_overrides breaks the second ``cdktf deploy`` (init then queries the registry for providers in the
state); a filesystem mirror does not (toolchain-recipes.md §3.3). The mirrored file is a two-line
wrapper; the lock file pins its bytes, so it holds no logic and is rewritten only when it would differ.
"""

from __future__ import annotations

import platform
import sys
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


def provider_wrapper_text(python: str = sys.executable) -> str:
    """The executable Terraform starts: this interpreter running ``constructs_xtap.provider``."""
    return f"#!{python}\nfrom constructs_xtap.provider.__main__ import main\n\nmain()\n"


def install_provider_mirror(mirror_dir: Path, python: str = sys.executable) -> Path:
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
        executable.write_text(text)
        executable.chmod(0o755)
    return executable
