"""A throwaway PostgreSQL cluster for tests: Debian's ``postgresql`` binaries, ``initdb`` and ``pg_ctl`` in a
temporary directory, listening on a free localhost port, password authentication only.

PostgreSQL refuses to run as root, so when the tests run as root the cluster belongs to the ``postgres`` OS
user (``runuser -u postgres``); otherwise it belongs to whoever runs the tests. Clients get the connection's
credentials from the standard ``PG*`` environment variables (``env()``), never from a connection string.

``postgres_cluster`` (session scope) starts one cluster for the session; ``postgres_database`` gives each
test a fresh, empty database on it.
"""

from __future__ import annotations

import glob
import os
import secrets
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

#: The superuser the cluster is created with (its password is random, per cluster).
SUPERUSER = "xtap"
_RUN_AS = "postgres"


def postgres_bin_dir() -> Path:
    """The directory of ``initdb``, ``pg_ctl`` and ``psql``: Debian's newest ``/usr/lib/postgresql/<v>/bin``,
    else wherever ``pg_ctl`` is on PATH. ``FileNotFoundError`` names the package to install."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[4]))
    if found:
        return Path(found[-1]).parent
    on_path = shutil.which("pg_ctl")
    if on_path:
        return Path(on_path).parent
    raise FileNotFoundError("PostgreSQL server binaries not found: apt-get install -y postgresql")


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class PostgresCluster:
    """One PostgreSQL server in its own temporary directory; ``start()`` / ``stop()`` or a ``with`` block."""

    def __init__(self) -> None:
        self.bin_dir = postgres_bin_dir()
        self.port = free_port()
        self.host = "127.0.0.1"
        self.user = SUPERUSER
        self.password = secrets.token_urlsafe(24)
        self.root = Path(tempfile.mkdtemp(prefix="xtap-pg-"))
        self.data_dir = self.root / "data"
        self._as_postgres = os.geteuid() == 0

    def _command(self, tool: str, *args: str) -> list[str]:
        argv = [str(self.bin_dir / tool), *args]
        return ["runuser", "-u", _RUN_AS, "--", *argv] if self._as_postgres else argv

    def _run(self, tool: str, *args: str, env: dict[str, str] | None = None) -> str:
        result = subprocess.run(
            self._command(tool, *args),
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
            env=env,
            cwd=self.root,
        )
        if result.returncode != 0:
            raise RuntimeError(f"{tool} {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
        return result.stdout

    def start(self) -> PostgresCluster:
        """``initdb`` (scram-sha-256, superuser ``xtap``) and ``pg_ctl start`` on 127.0.0.1:``port``."""
        password_file = self.root / "password"
        password_file.write_text(self.password + "\n")
        if self._as_postgres:
            shutil.chown(self.root, _RUN_AS)
            shutil.chown(password_file, _RUN_AS)
        self._run(
            "initdb",
            "--pgdata",
            str(self.data_dir),
            "--username",
            self.user,
            "--pwfile",
            str(password_file),
            "--auth",
            "scram-sha-256",
            "--encoding",
            "UTF8",
            "--no-sync",
        )
        password_file.unlink()
        options = f"-c listen_addresses={self.host} -p {self.port} -k {self.root} -c fsync=off"
        self._run(
            "pg_ctl", "start", "--pgdata", str(self.data_dir), "--wait", "--log", str(self.root / "log"),
            "-o", options,
        )  # fmt: skip
        return self

    def stop(self) -> None:
        """Stop the server at once and delete its directory."""
        if (self.data_dir / "postmaster.pid").exists():
            self._run("pg_ctl", "stop", "--pgdata", str(self.data_dir), "--mode", "immediate", "--wait")
        shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self) -> PostgresCluster:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def env(self, database: str = "postgres") -> dict[str, str]:
        """The libpq environment (``PGHOST``, ``PGPORT``, ``PGUSER``, ``PGPASSWORD``, ``PGDATABASE``,
        ``PGSSLMODE``) that carries the credentials to Terraform's pg backend and to ``psql``."""
        return {
            "PGHOST": self.host,
            "PGPORT": str(self.port),
            "PGUSER": self.user,
            "PGPASSWORD": self.password,
            "PGDATABASE": database,
            "PGSSLMODE": "disable",
        }

    def conn_str(self, database: str) -> str:
        """A credential-free connection URL for ``database`` (user and password come from ``env()``)."""
        return f"postgres://{self.host}:{self.port}/{database}?sslmode=disable"

    def psql(self, sql: str, database: str = "postgres") -> list[list[str]]:
        """Run ``sql`` with ``psql`` as the superuser; the rows, each a list of column texts."""
        output = self._run_client(
            "psql", "--no-psqlrc", "--tuples-only", "--no-align", "--field-separator=\t",
            "--set=ON_ERROR_STOP=1", "--command", sql, database=database,
        )  # fmt: skip
        return [line.split("\t") for line in output.splitlines() if line]

    def _run_client(self, tool: str, *args: str, database: str) -> str:
        result = subprocess.run(
            [str(self.bin_dir / tool), *args],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
            env={**os.environ, **self.env(database)},
        )
        if result.returncode != 0:
            raise RuntimeError(f"{tool} {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
        return result.stdout

    def create_database(self, name: str) -> str:
        """Create an empty database ``name`` and return its name."""
        self.psql(f'CREATE DATABASE "{name}"')
        return name


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[PostgresCluster]:
    """A PostgreSQL server of its own for the test session, stopped and deleted afterwards."""
    with PostgresCluster() as cluster:
        yield cluster


@pytest.fixture
def postgres_database(postgres_cluster: PostgresCluster, request: pytest.FixtureRequest) -> str:
    """A fresh empty database on the session's cluster, named after the test."""
    name = "t_" + "".join(c if c.isalnum() else "_" for c in request.node.name.lower())[:50]
    return postgres_cluster.create_database(f"{name}_{secrets.token_hex(3)}")
