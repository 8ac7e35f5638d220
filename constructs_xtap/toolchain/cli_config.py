"""The Terraform CLI configuration that installs ``constructs-xtap/xtap`` from the local mirror only."""

from __future__ import annotations

from pathlib import Path

from constructs_xtap.wire.partner_schema import PROVIDER_HOSTNAME, PROVIDER_NAMESPACE


def cli_config_text(mirror_dir: Path) -> str:
    """HCL for ``TF_CLI_CONFIG_FILE``: our namespace from the mirror, every other provider as usual."""
    pattern = f"{PROVIDER_HOSTNAME}/{PROVIDER_NAMESPACE}/*"
    return (
        "provider_installation {\n"
        "  filesystem_mirror {\n"
        f"    path    = {_hcl_string(str(mirror_dir))}\n"
        f"    include = [{_hcl_string(pattern)}]\n"
        "  }\n"
        "  direct {\n"
        f"    exclude = [{_hcl_string(pattern)}]\n"
        "  }\n"
        "}\n"
    )


def write_cli_config(path: Path, mirror_dir: Path) -> Path:
    """Write the CLI configuration to ``path`` (only when it changes) and return ``path``."""
    text = cli_config_text(mirror_dir)
    if not path.is_file() or path.read_text() != text:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return path


def _hcl_string(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("${", "$${").replace("%{", "%%{")
    return f'"{escaped}"'
