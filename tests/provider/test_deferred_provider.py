"""The provider process reaches its handshake importing only what the handshake needs (issue 11 item 4);
the provider itself is built on Terraform's first call, once."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

from constructs_xtap.provider.deferred_provider import DeferredProvider

# Runs main() with its server replaced by a probe that reports what was imported by then.
PROBE = """
import json, sys
from constructs_xtap.provider import plugin_server
def probe(provider, certificate, argv, prepare):
    heavy = ("requests", "msal", "jwt", "constructs_xtap.graph", "constructs_xtap.provider.provider")
    loaded = [m for m in heavy if m in sys.modules]
    print(json.dumps({"loaded": loaded, "type": type(provider).__name__}))
plugin_server.serve = probe
from constructs_xtap.provider.__main__ import main
main()
"""


def test_the_provider_process_serves_its_handshake_before_importing_the_graph_client_or_the_resources() -> (
    None
):
    done = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=60, check=True
    )

    report = json.loads(done.stdout)

    assert report == {"loaded": [], "type": "DeferredProvider"}


def test_the_deferred_provider_builds_the_provider_once_on_first_use_even_from_parallel_threads() -> None:
    built: list[int] = []

    class Built:
        def full_name(self) -> str:
            return "registry.terraform.io/example/xtap"

    def build() -> Built:
        time.sleep(0.05)  # the other threads arrive while the first one builds
        built.append(1)
        return Built()

    deferred = DeferredProvider(build)
    assert built == []

    with ThreadPoolExecutor(max_workers=8) as pool:
        names = list(pool.map(lambda _: deferred.full_name(), range(8)))

    assert names == ["registry.terraform.io/example/xtap"] * 8
    assert built == [1]
