"""The provider's go-plugin gRPC server: it prints the handshake line before loading Terraform's protocol.

tf 1.2.0's ``run_provider`` imports the protocol's protobuf modules, tf's servicer and its runner (protobuf,
msgpack, tf's schema and type modules: tens of milliseconds) before it prints the handshake line Terraform
waits for, though nothing needs them before Terraform's first call. This server registers one handler for
every method instead (:class:`LazyServices`), which imports them and builds the services with tf's
generated ``add_*_to_server`` functions right after the handshake, while Terraform connects, or on the first
call if that comes sooner: once, under a lock (gRPC looks calls up in parallel threads). The handshake
needs only ``grpc`` itself.

It serves what ``run_provider`` serves, the same way (a thread pool of ten; a Unix socket in a private
temporary directory, TLS with the go-plugin certificate; ``--dev`` and ``--stable`` for debugging with
``TF_REATTACH_PROVIDERS``), with one difference: StopProvider, which Terraform sends on interrupt before it
waits for in-flight operations whose results must reach state, is answered without stopping the server.
go-plugin's Shutdown stops it, as tf does.
"""

from __future__ import annotations

import base64
import json
import os
import sys
import threading
from collections.abc import Callable, Sequence
from concurrent import futures
from typing import Any

import grpc

SHUTDOWN = "/plugin.GRPCController/Shutdown"

#: The go-plugin protocol version and Terraform plugin protocol version of the handshake line.
HANDSHAKE_VERSIONS = "1|6"


class LazyServices(grpc.GenericRpcHandler):
    """Every method of the provider's services, built by ``build`` when first asked for (:meth:`handlers`).

    Looking up go-plugin's Shutdown marks the server stopped and stops it (``server``, set once it exists).
    """

    def __init__(self, build: Callable[[LazyServices], Sequence[grpc.GenericRpcHandler]]) -> None:
        self._build = build
        self._lock = threading.Lock()
        self._handlers: Sequence[grpc.GenericRpcHandler] | None = None
        self.stopped = False
        self.server: grpc.Server | None = None

    def handlers(self) -> Sequence[grpc.GenericRpcHandler]:
        """The services' handlers, built now if this is the first call."""
        if self._handlers is None:
            with self._lock:
                if self._handlers is None:
                    self._handlers = self._build(self)
        return self._handlers

    def service(self, handler_call_details: grpc.HandlerCallDetails) -> grpc.RpcMethodHandler | None:
        if os.environ.get("TF_PLUGIN_DEBUG") == "1":
            print(f"[DEBUG] gRPC method called: {handler_call_details.method}", file=sys.stderr)
        found = None
        for handler in self.handlers():
            found = handler.service(handler_call_details)
            if found is not None:
                break
        if handler_call_details.method == SHUTDOWN:
            self.stopped = True
            if self.server is not None:
                self.server.stop(grace=0)
        return found


class _Registered:
    """Stands for the server in tf's generated ``add_*_to_server`` functions, keeping their handlers."""

    def __init__(self) -> None:
        self.handlers: list[grpc.GenericRpcHandler] = []

    def add_generic_rpc_handlers(self, handlers: Sequence[grpc.GenericRpcHandler]) -> None:
        self.handlers.extend(handlers)

    def add_registered_method_handlers(self, service_name: str, method_handlers: Any) -> None:
        pass  # the same method handlers as the generic one just added


def protocol_handlers(provider: Any, services: LazyServices) -> list[grpc.GenericRpcHandler]:
    """tf's handlers for Terraform's provider protocol (served by our servicer) and for go-plugin's
    GRPCController and GRPCStdio, as ``run_provider`` registers them."""
    from tf.gen import grpc_controller_pb2 as controller_pb
    from tf.gen import grpc_controller_pb2_grpc as controller_rpc
    from tf.gen import grpc_stdio_pb2_grpc as stdio_rpc
    from tf.gen import tfplugin_pb2_grpc as provider_rpc

    from constructs_xtap.provider import refined_unknowns
    from constructs_xtap.provider.plugin_servicer import XtapServicer

    refined_unknowns.install()  # before any request is decoded, whichever call comes first

    class Controller(controller_rpc.GRPCControllerServicer):
        def Shutdown(self, request: Any, context: Any) -> Any:
            services.stopped = True
            return controller_pb.Empty()

    class Stdio(stdio_rpc.GRPCStdioServicer):
        def StreamStdio(self, request: Any, context: Any) -> Any:
            return iter([])  # stdout and stderr are not forwarded: an empty stream tells go-plugin so

    registered = _Registered()
    provider_rpc.add_ProviderServicer_to_server(XtapServicer(provider), registered)
    controller_rpc.add_GRPCControllerServicer_to_server(Controller(), registered)
    stdio_rpc.add_GRPCStdioServicer_to_server(Stdio(), registered)
    return registered.handlers


def serve(
    provider: Any,
    certificate: Callable[[], tuple[bytes, grpc.ServerCredentials]],
    argv: Sequence[str],
    prepare: Callable[[], object] = lambda: None,
) -> None:
    """Serve ``provider`` to Terraform until go-plugin shuts the server down: print the handshake line once
    the server listens. ``certificate`` gives the TLS certificate chain (DER) and server credentials.

    After the handshake, while Terraform connects, the services are built and then ``prepare`` is called
    (building the provider), so Terraform's first call finds them ready or waits for them, not for the
    whole start. A failure there is left to the call that needs what failed: it reports it to Terraform.
    """
    services = LazyServices(lambda services: protocol_handlers(provider, services))
    server = grpc.server(thread_pool=futures.ThreadPoolExecutor(max_workers=10))
    services.server = server
    server.add_generic_rpc_handlers((services,))

    directory = private_directory()
    try:
        socket = "/tmp/py-tf-plugin.sock" if "--stable" in argv else f"{directory}/py-tf-plugin.sock"
        if "--dev" in argv:
            _serve_for_reattach(server, provider, socket)
            return
        chain, credentials = certificate()
        server.add_secure_port(f"unix://{socket}", credentials)
        server.start()
        print(
            f"{HANDSHAKE_VERSIONS}|unix|{socket}|grpc|{base64.b64encode(chain).decode().rstrip('=')}",
            flush=True,
        )
        try:
            services.handlers()
            prepare()
        except Exception:  # raised again, and reported to Terraform, by the call that needs it
            pass
        # stop() does not end wait_for_termination at once: look at the flag every 50 ms.
        while server.wait_for_termination(0.05):
            if services.stopped:
                break
    finally:
        import shutil

        shutil.rmtree(directory, ignore_errors=True)


def private_directory() -> str:
    """A new directory for the socket that only this user can enter, as ``tempfile.mkdtemp`` makes: without
    importing ``tempfile``, whose imports (shutil, random, bz2, lzma) cost the handshake over 10 ms."""
    base = os.environ.get("TMPDIR") or "/tmp"
    for _ in range(100):
        path = os.path.join(base, f"xtap-{os.urandom(6).hex()}")
        try:
            os.mkdir(path, 0o700)
        except FileExistsError:
            continue
        except OSError:
            break  # TMPDIR missing or read-only: tempfile's search of other places
        return path
    import tempfile

    return tempfile.mkdtemp()


def _serve_for_reattach(server: grpc.Server, provider: Any, socket: str) -> None:
    """tf's ``--dev`` mode: no TLS, and the ``TF_REATTACH_PROVIDERS`` value that points Terraform here."""
    print("Running in dev mode\n")
    server.add_insecure_port(f"unix://{socket}")
    reattach = {
        provider.full_name(): {
            "Protocol": "grpc",
            "ProtocolVersion": 6,
            "Pid": os.getpid(),
            "Test": True,
            "Addr": {"Network": "unix", "String": socket},
        }
    }
    print(f"\texport TF_REATTACH_PROVIDERS='{json.dumps(reattach)}'")
    server.start()
    server.wait_for_termination()
