"""go-plugin's TLS certificate: its expiry recorded beside it, a valid one read without ``cryptography``,
an expired, nearly expired or damaged one renewed by tf, the key file owner-only."""

from __future__ import annotations

import json
import stat
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
import tf.runner

from constructs_xtap.provider.plugin_certificate import RENEW_BEFORE_SECONDS, cached_or_new_certificate


@pytest.fixture()
def tf_generate(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, list[int]]:
    """tf's own cached-or-new certificate writing ``tmp_path/ssl_cert.json``, and a count of its calls."""
    cache_file = tmp_path / "ssl_cert.json"
    monkeypatch.setattr(tf.runner, "_get_cert_cache_path", lambda: cache_file)
    return cache_file, []


def _generate(calls: list[int]) -> Any:
    original = tf.runner._self_signed_cert

    def generate() -> tuple[bytes, Any]:
        calls.append(1)
        return original()

    return generate


def test_first_start_records_the_expiry_and_the_next_reuses_the_certificate(
    tf_generate: tuple[Path, list[int]],
) -> None:
    cache_file, calls = tf_generate
    chain, _ = cached_or_new_certificate(cache_file, _generate(calls))
    cached = json.loads(cache_file.read_text())
    assert cached["not_valid_after"] > time.time() + 6 * 24 * 3600  # tf's certificates last 7 days
    assert stat.S_IMODE(cache_file.stat().st_mode) == 0o600

    again, credentials = cached_or_new_certificate(cache_file, _generate(calls))
    assert (again, calls) == (chain, [1])
    assert credentials is not None


@pytest.mark.parametrize(
    "damage",
    [
        lambda c: {**c, "not_valid_after": time.time() - 1},
        lambda c: {**c, "not_valid_after": time.time() + RENEW_BEFORE_SECONDS / 2},
        lambda c: {k: v for k, v in c.items() if k != "not_valid_after"},
        lambda c: {**c, "key_pem": None},
        lambda c: [],
    ],
    ids=["expired", "nearly-expired", "no-expiry", "no-key", "not-an-object"],
)
def test_a_cache_without_a_valid_recorded_expiry_goes_to_tf(
    tf_generate: tuple[Path, list[int]], damage: Any, request: pytest.FixtureRequest
) -> None:
    cache_file, calls = tf_generate
    chain, _ = cached_or_new_certificate(cache_file, _generate(calls))
    cache_file.write_text(json.dumps(damage(json.loads(cache_file.read_text()))))

    again, _ = cached_or_new_certificate(cache_file, _generate(calls))
    assert calls == [1, 1]
    assert (again == chain) is (request.node.callspec.id == "no-expiry")  # tf's own cache is still valid
    assert json.loads(cache_file.read_text())["not_valid_after"] > time.time() + RENEW_BEFORE_SECONDS


def test_an_unreadable_cache_file_goes_to_tf(tf_generate: tuple[Path, list[int]]) -> None:
    cache_file, calls = tf_generate
    cache_file.write_text("{not json")
    chain, _ = cached_or_new_certificate(cache_file, _generate(calls))
    assert calls == [1] and chain
    assert json.loads(cache_file.read_text())["not_valid_after"] > time.time()


def test_a_start_with_a_valid_certificate_does_not_import_cryptography(
    tf_generate: tuple[Path, list[int]],
) -> None:
    cache_file, calls = tf_generate
    cached_or_new_certificate(cache_file, _generate(calls))
    program = (
        "import sys\nfrom pathlib import Path\n"
        "from constructs_xtap.provider.plugin_certificate import cached_or_new_certificate\n"
        "def refuse(): raise SystemExit('tf asked')\n"
        f"cached_or_new_certificate(Path({str(cache_file)!r}), refuse)\n"
        "assert 'cryptography' not in sys.modules, 'cryptography imported'\n"
    )
    subprocess.run([sys.executable, "-c", program], check=True)
