"""The provider process: go-plugin handshake, Ctrl-C ignored, no files in $HOME (StopProvider and Shutdown:
test_plugin_server.py)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from constructs_xtap.provider.__main__ import _cert_cache_dir

MAGIC = "d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2"


def test_provider_prints_handshake_survives_sigint_and_writes_nothing_to_home(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    env = {**os.environ, "TF_PLUGIN_MAGIC_COOKIE": MAGIC, "HOME": str(home)}
    process = subprocess.Popen(
        [sys.executable, "-m", "constructs_xtap.provider"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
    )
    try:
        assert process.stdout is not None
        handshake = process.stdout.readline()
        fields = handshake.strip().split("|")
        assert fields[:3] == ["1", "6", "unix"] and fields[4] == "grpc", handshake

        process.send_signal(signal.SIGINT)  # Ctrl-C reaches the provider too; Terraform decides, not Python
        time.sleep(0.5)
        assert process.poll() is None
        assert list(home.iterdir()) == []  # tf's TLS cache went under the venv, not ~/.cache
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_tf_certificate_cache_lives_under_the_virtual_environment() -> None:
    path = _cert_cache_dir() / "ssl_cert.json"
    assert Path(sys.prefix) in path.parents or Path("/tmp") in path.parents
    assert Path.home() not in path.parents or Path(sys.prefix) in path.parents
