"""Terraform from PyPI, the provider's filesystem mirror and the environment that points cdktf (and cdktn)
at them."""

from constructs_xtap.toolchain.cdktn_cli import cdktn_env, cdktn_executable, node22_bin_dir
from constructs_xtap.toolchain.cli_config import cli_config_text, write_cli_config
from constructs_xtap.toolchain.provider_mirror import install_provider_mirror, terraform_platform
from constructs_xtap.toolchain.toolchain_env import toolchain_dir, toolchain_env

__all__ = [
    "cdktn_env",
    "cdktn_executable",
    "cli_config_text",
    "install_provider_mirror",
    "node22_bin_dir",
    "terraform_platform",
    "toolchain_dir",
    "toolchain_env",
    "write_cli_config",
]
