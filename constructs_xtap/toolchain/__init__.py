"""Terraform from PyPI, the provider's filesystem mirror and the environment that points cdktf at them."""

from constructs_xtap.toolchain.cli_config import cli_config_text, write_cli_config
from constructs_xtap.toolchain.provider_mirror import install_provider_mirror, terraform_platform
from constructs_xtap.toolchain.toolchain_env import toolchain_dir, toolchain_env

__all__ = [
    "cli_config_text",
    "install_provider_mirror",
    "terraform_platform",
    "toolchain_dir",
    "toolchain_env",
    "write_cli_config",
]
