"""The HTTP request handler: applies queued faults, routes to the authority, Graph or control API, logs."""

from __future__ import annotations

import base64
import binascii
import socket
import struct
import sys
import time
import traceback
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, unquote, urlsplit

from constructs_xtap.local_graph.fault_queue import Fault
from constructs_xtap.local_graph.graph_api import is_graph_path
from constructs_xtap.local_graph.graph_error import GraphError, default_error_body, error_body
from constructs_xtap.local_graph.reply import PLAIN_JSON, Reply

if TYPE_CHECKING:
    from constructs_xtap.local_graph.server import LocalGraph


class LocalGraphHTTPServer(ThreadingHTTPServer):
    """A threading HTTPS server that knows the ``LocalGraph`` it serves."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], graph: LocalGraph) -> None:
        super().__init__(address, LocalGraphHandler)
        self.graph = graph

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Clients that hang up mid-answer (timeouts, resets) are normal here; keep stderr quiet."""


class LocalGraphHandler(BaseHTTPRequestHandler):
    """One connection; HTTP/1.1 keep-alive so clients reuse connections as they do with Graph."""

    protocol_version = "HTTP/1.1"
    server: LocalGraphHTTPServer
    timeout = 120  # an idle keep-alive connection is dropped after this long
    # Buffered: status line, headers and body leave in one TLS record when _send flushes, not one write each.
    wbufsize = 64 * 1024

    def setup(self) -> None:
        """Send each write at once: without TCP_NODELAY the body waits ~40 ms on the client's delayed ACK."""
        self.request.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        super().setup()

    def version_string(self) -> str:
        """The ``Server`` header."""
        return "constructs-xtap-local-graph"

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the request log (GET /_xtap/requests) records what was served."""

    def do_GET(self) -> None:
        """Serve GET."""
        self._serve("GET")

    def do_POST(self) -> None:
        """Serve POST."""
        self._serve("POST")

    def do_PATCH(self) -> None:
        """Serve PATCH."""
        self._serve("PATCH")

    def do_DELETE(self) -> None:
        """Serve DELETE."""
        self._serve("DELETE")

    def do_PUT(self) -> None:
        """Serve PUT (identitySynchronization; 405 on the partner routes)."""
        self._serve("PUT")

    def _read_body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length > 0 else b""

    def _serve(self, method: str) -> None:
        graph = self.server.graph
        split = urlsplit(self.path)
        path = split.path
        body = self._read_body()
        request_id = str(uuid.uuid4())
        client_request_id = self.headers.get("client-request-id") or str(uuid.uuid4())
        if path == "/_xtap" or path.startswith("/_xtap/"):
            self._send(graph.control.handle(method, path, body), request_id, client_request_id)
            return
        fault = graph.faults.take(method, path)
        if fault is not None and fault.delay:
            time.sleep(fault.delay)
        if fault is not None and fault.action == "reset":
            graph.log.record(method, path, None)
            self._reset()
            return
        if fault is not None and fault.status is not None:
            reply = self._fault_reply(fault, request_id, client_request_id)
        else:
            try:
                reply = self._route(method, path, split.query, body, request_id, client_request_id)
            except Exception:  # a bug here must show as a 500 with a traceback, not as a silent reset
                traceback.print_exc(file=sys.stderr)
                reply = Reply(500, default_error_body(500, request_id, client_request_id))
        if fault is not None and fault.action == "commit_then_reset":
            # The request took effect; the client never hears about it (a lost response).
            graph.log.record(method, path, None)
            self._reset()
            return
        graph.log.record(method, path, reply.status)
        self._send(reply, request_id, client_request_id)

    def _route(
        self, method: str, path: str, query: str, body: bytes, request_id: str, client_request_id: str
    ) -> Reply:
        graph = self.server.graph
        try:
            if is_graph_path(path):
                return graph.graph_api.handle(
                    method,
                    path,
                    parse_qs(query, keep_blank_values=True),
                    {k.lower(): v for k, v in self.headers.items()},
                    body,
                )
        except GraphError as error:
            reply = Reply(
                error.status,
                error_body(
                    error.status, error.code, error.message, request_id, client_request_id, error.details
                ),
                dict(error.headers),
            )
            return reply
        return self._authority(method, path, body)

    def _authority(self, method: str, path: str, body: bytes) -> Reply:
        endpoint = self.server.graph.token_endpoint
        segments = [unquote(s) for s in path.strip("/").split("/")]
        correlation = self.headers.get("client-request-id")
        if (
            len(segments) == 4
            and segments[1:] == ["v2.0", ".well-known", "openid-configuration"]
            and method == "GET"
        ):
            answer = endpoint.discovery(segments[0], correlation)
        elif len(segments) == 4 and segments[1:] == ["oauth2", "v2.0", "token"] and method == "POST":
            form = {
                k: v[0] for k, v in parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True).items()
            }
            answer = endpoint.token(segments[0], form, self._basic_auth(), correlation)
        elif segments[:3] == ["common", "discovery", "instance"] and method == "GET":
            answer = endpoint.instance_discovery(self.server.graph.tenant_id)
        else:
            return Reply(
                404,
                {"error": {"code": "NotFound", "message": f"The local Graph serves no {method} {path}."}},
                content_type=PLAIN_JSON,
            )
        return Reply(
            answer.status, answer.body, {"Cache-Control": "no-store, no-cache"}, content_type=PLAIN_JSON
        )

    def _basic_auth(self) -> tuple[str, str] | None:
        header = self.headers.get("Authorization") or ""
        scheme, _, value = header.partition(" ")
        if scheme.lower() != "basic":
            return None
        try:
            user, _, password = base64.b64decode(value).decode("utf-8").partition(":")
        except (binascii.Error, UnicodeDecodeError):
            return None
        return unquote(user), unquote(password)

    @staticmethod
    def _fault_reply(fault: Fault, request_id: str, client_request_id: str) -> Reply:
        assert fault.status is not None
        body: Any = (
            fault.body if fault.has_body else default_error_body(fault.status, request_id, client_request_id)
        )
        if fault.status == 204:
            body = None
        headers = dict(fault.headers)
        content_type = headers.pop("Content-Type", None) or headers.pop("content-type", None) or PLAIN_JSON
        return Reply(fault.status, body, headers, content_type=content_type)

    def _send(self, reply: Reply, request_id: str, client_request_id: str) -> None:
        payload = reply.payload()
        try:
            self.send_response(reply.status)
            self.send_header("request-id", request_id)
            self.send_header("client-request-id", client_request_id)
            for name, value in reply.headers.items():
                self.send_header(name, value)
            if reply.status == 204 or reply.status < 200:
                payload = b""
            else:
                if payload:
                    self.send_header("Content-Type", reply.content_type)
                self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            if payload:
                self.wfile.write(payload)
            self.wfile.flush()
        except OSError:
            self.close_connection = True

    def _reset(self) -> None:
        """Close the connection without answering (an RST, so the client sees a reset, not a clean EOF)."""
        self.close_connection = True
        try:
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        except OSError:
            pass
        try:
            socket.socket.close(self.connection)
        except OSError:
            pass
