"""``xtap local-graph``: run the local Graph in the foreground; print the exports that point clients at it."""

from __future__ import annotations

import signal
import sys
import threading
from pathlib import Path
from types import FrameType

from constructs_xtap.cli.export_lines import export_lines
from constructs_xtap.local_graph import DEFAULT_PAGE_SIZE, LocalGraph


def run_local_graph(port: int, state_file: str | None, page_size: int | None = None) -> int:
    """Serve until SIGINT or SIGTERM; return the exit status (0 on a clean stop, 1 if it cannot start,
    e.g. a busy port, an unreadable state file or a page size below 1).

    ``page_size``: partners per page of ``GET .../partners`` (server.py assumption 15); ``None`` is the
    default, ``DEFAULT_PAGE_SIZE``."""
    stop = threading.Event()

    def request_stop(signum: int, frame: FrameType | None) -> None:
        stop.set()

    previous = {sig: signal.signal(sig, request_stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        try:
            graph = LocalGraph(
                port=port,
                state_file=Path(state_file) if state_file else None,
                page_size=DEFAULT_PAGE_SIZE if page_size is None else page_size,
            ).start()
        except (OSError, ValueError) as error:
            print(f"xtap local-graph: cannot start: {error}", file=sys.stderr)
            return 1
        try:
            sys.stdout.write(export_lines(graph.env()))
            sys.stdout.flush()
            where = f"state in {state_file}" if state_file else "state in memory"
            print(
                f"xtap local-graph: serving Graph and the token endpoint on {graph.graph_endpoint} "
                f"({where}; {graph.page_size} partners per page; tenants: POST/GET "
                f"{graph.graph_endpoint}/_xtap/tenants); Ctrl-C or SIGTERM stops it",
                file=sys.stderr,
                flush=True,
            )
            while not stop.wait(0.5):
                pass
        finally:
            graph.close()
        return 0
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
