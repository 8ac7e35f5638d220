"""The provider process over gRPC, as go-plugin and Terraform reach it: the handshake comes before tf's
protocol modules load (issue 11 item 4), and once they have loaded every service answers."""

from __future__ import annotations

import base64
import json
import os
import ssl
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import grpc
import pytest
from google.protobuf import empty_pb2
from tf.gen import grpc_controller_pb2, grpc_controller_pb2_grpc, grpc_stdio_pb2_grpc, tfplugin_pb2_grpc
from tf.gen import tfplugin_pb2 as pb

from constructs_xtap.provider.deferred_provider import DeferredProvider
from constructs_xtap.provider.plugin_server import SHUTDOWN, LazyServices

#: Modules the handshake must not wait for: protobuf, tf's protocol and runner, the provider itself.
PROTOCOL_MODULES = (
    "google.protobuf",
    "tf.gen.tfplugin_pb2",
    "tf.gen.grpc_controller_pb2",
    "tf.provider",
    "tf.runner",
    "msgpack",
    "constructs_xtap.provider.plugin_servicer",
    "constructs_xtap.provider.provider",
)

# The provider process, reporting on stderr (as JSON) which of PROTOCOL_MODULES were loaded when it began
# to build its services (after the handshake, or on the first call), once a build.
PROBE = f"""
import json, sys
from constructs_xtap.provider import plugin_server
build = plugin_server.protocol_handlers
def protocol_handlers(provider, services):
    loaded = [m for m in {PROTOCOL_MODULES!r} if m in sys.modules]
    print(json.dumps({{"loaded_before_the_services": loaded}}), file=sys.stderr, flush=True)
    return build(provider, services)
plugin_server.protocol_handlers = protocol_handlers
from constructs_xtap.provider.__main__ import main
main()
"""


@pytest.fixture()
def provider(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[str], grpc.Channel]]:
    """The provider process (its stderr in ``tmp_path/stderr``) and a TLS channel to it as go-plugin opens."""
    stderr = (tmp_path / "stderr").open("w")
    env = {k: v for k, v in os.environ.items() if k not in ("TF_LOG", "TF_PLUGIN_DEBUG")}
    process = subprocess.Popen(
        [sys.executable, "-c", PROBE],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=stderr,
        env=env,
        text=True,
    )
    try:
        assert process.stdout is not None
        fields = process.stdout.readline().strip().split("|")
        assert fields[:3] == ["1", "6", "unix"] and fields[4] == "grpc", fields
        chain = base64.b64decode(fields[5] + "=" * (-len(fields[5]) % 4))
        credentials = grpc.ssl_channel_credentials(root_certificates=ssl.DER_cert_to_PEM_cert(chain).encode())
        options = [("grpc.ssl_target_name_override", "localhost")]
        with grpc.secure_channel(f"unix:{fields[3]}", credentials, options) as channel:
            yield process, channel
    finally:
        process.kill()
        process.wait(timeout=10)
        stderr.close()


def _report(tmp_path: Path) -> dict[str, Any]:
    lines = [line for line in (tmp_path / "stderr").read_text().splitlines() if line.startswith("{")]
    assert len(lines) == 1, lines  # the services are built once
    report: dict[str, Any] = json.loads(lines[0])
    return report


def test_the_handshake_comes_before_the_protocol_modules_and_then_every_service_answers(
    provider: tuple[subprocess.Popen[str], grpc.Channel], tmp_path: Path
) -> None:
    process, channel = provider
    stub = tfplugin_pb2_grpc.ProviderStub(channel)

    schema = stub.GetProviderSchema(pb.GetProviderSchema.Request(), timeout=60)
    assert "xtap_partner_configuration" in schema.resource_schemas
    assert "xtap_tenant_information" in schema.data_source_schemas
    assert _report(tmp_path) == {"loaded_before_the_services": []}

    metadata = stub.GetMetadata(pb.GetMetadata.Request(), timeout=30)
    assert metadata.server_capabilities.plan_destroy
    stdio = grpc_stdio_pb2_grpc.GRPCStdioStub(channel).StreamStdio(empty_pb2.Empty(), timeout=30)
    assert list(stdio) == []

    stub.StopProvider(pb.StopProvider.Request(), timeout=30)
    again = stub.GetMetadata(pb.GetMetadata.Request(), timeout=30)  # StopProvider keeps the server serving
    assert again == metadata
    assert process.poll() is None

    try:
        grpc_controller_pb2_grpc.GRPCControllerStub(channel).Shutdown(grpc_controller_pb2.Empty(), timeout=30)
    except grpc.RpcError:
        pass  # tf's runner stops the server as it looks Shutdown up, as this one does: go-plugin ignores it
    assert process.wait(timeout=10) == 0
    assert _report(tmp_path) == {"loaded_before_the_services": []}


def test_an_unknown_method_is_unimplemented_not_an_error_of_the_server(
    provider: tuple[subprocess.Popen[str], grpc.Channel],
) -> None:
    process, channel = provider
    call = channel.unary_unary("/tfplugin6.Provider/NoSuchMethod")
    with pytest.raises(grpc.RpcError) as raised:
        call(b"", timeout=30)
    assert raised.value.code() == grpc.StatusCode.UNIMPLEMENTED
    assert process.poll() is None


class _Server:
    def __init__(self) -> None:
        self.stops: list[Any] = []

    def stop(self, grace: Any) -> None:
        self.stops.append(grace)


class _Handler(grpc.GenericRpcHandler):
    def service(self, handler_call_details: grpc.HandlerCallDetails) -> Any:
        return f"handler of {handler_call_details.method}"


def test_stop_provider_keeps_serving_while_go_plugin_shutdown_stops() -> None:
    builds: list[int] = []

    def build(services: LazyServices) -> list[grpc.GenericRpcHandler]:
        builds.append(1)
        return [_Handler()]

    services = LazyServices(build)
    server = _Server()
    services.server = server  # type: ignore[assignment]
    assert builds == []

    stop = services.service(SimpleNamespace(method="/tfplugin6.Provider/StopProvider"))  # type: ignore[arg-type]
    assert stop == "handler of /tfplugin6.Provider/StopProvider"
    assert (services.stopped, server.stops) == (False, [])

    services.service(SimpleNamespace(method=SHUTDOWN))  # type: ignore[arg-type]
    assert (services.stopped, server.stops, builds) == (True, [0], [1])


def test_a_provider_that_fails_to_build_after_the_handshake_is_built_again_by_the_call_needing_it() -> None:
    attempts: list[int] = []

    def build() -> str:
        attempts.append(1)
        if len(attempts) == 1:
            raise RuntimeError("first build fails")
        return "provider"

    deferred = DeferredProvider(build)
    with pytest.raises(RuntimeError):
        deferred.provider()  # serve's preparation after the handshake, which ignores the error
    assert deferred.provider() == "provider"
    assert attempts == [1, 1]
