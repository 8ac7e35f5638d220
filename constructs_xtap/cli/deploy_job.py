"""``make deploy`` / ``make destroy``: deploy ``stacks/``' default configuration, policy and partners with
the real cdktf CLI.

With tenant credentials in the environment (``AZURE_TENANT_ID``, ``AZURE_CLIENT_ID`` and a secret,
certificate or federated token), the job talks to that tenant. Without them it starts the local Graph for
the run, keeping its state in ``.xtap/local-graph/`` (ignored by git) so a later ``make destroy`` finds
the partners again.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path

from constructs_xtap.toolchain.toolchain_env import toolchain_env
from constructs_xtap.wire import PROVIDER_SETTINGS
from constructs_xtap.wire.partner_schema import CREDENTIAL_SETTINGS

STACK_NAME = "partners"
# The settings that say "this is a real tenant": its id, the app, and any way to authenticate.
_TENANT_SETTINGS = ("tenant_id", "client_id", *CREDENTIAL_SETTINGS)


def tenant_variables(env: Mapping[str, str]) -> list[str]:
    """The environment variables, of those the provider reads, that point at a real tenant."""
    return [
        name
        for setting in PROVIDER_SETTINGS
        if setting.attribute in _TENANT_SETTINGS
        for name in setting.env
        if env.get(name)
    ]


def check_tenant_environment(env: Mapping[str, str]) -> bool:
    """True when the environment configures a real tenant; exit naming each problem if it does so badly.

    The provider's own resolver decides, so the job and the provider can't disagree about which variables
    count; a half-configured tenant is an error, never a silent fall-back to the local Graph.
    """
    if not tenant_variables(env):
        return False
    from constructs_xtap.provider.provider_config import resolve_provider_config

    settings, problems = resolve_provider_config({}, env)
    if settings is None:
        lines = "\n".join(f"  - {p.summary}: {p.detail}" for p in problems)
        raise SystemExit(
            f"xtap: the environment sets {', '.join(tenant_variables(env))}, but not a usable tenant "
            f"configuration:\n{lines}\nFix these, or unset them to deploy to the local Graph."
        )
    return True


@contextlib.contextmanager
def graph_environment(project_dir: Path) -> Iterator[dict[str, str]]:
    """Yield the environment pointing at the real tenant, or at a local Graph running for the block."""
    if check_tenant_environment(os.environ):
        print("xtap: using the tenant credentials found in the environment", flush=True)
        yield {}
        return
    from constructs_xtap.local_graph import LocalGraph

    state = project_dir / ".xtap" / "local-graph" / "state.json"
    state.parent.mkdir(parents=True, exist_ok=True)
    with LocalGraph(port=0, state_file=str(state)) as graph:
        print(f"xtap: no tenant credentials; using the local Graph at {graph.graph_endpoint}", flush=True)
        yield dict(graph.env())


def cdktf_executable(project_dir: Path) -> str:
    """The pinned cdktf CLI from node_modules, or one on PATH."""
    local = project_dir / "node_modules" / ".bin" / "cdktf"
    if local.is_file():
        return str(local)
    found = shutil.which("cdktf")
    if not found:
        raise SystemExit("xtap: cdktf CLI not found; run `npm ci` (make deploy does) or put cdktf on PATH")
    return found


def print_posture(env: Mapping[str, str]) -> None:
    """Print the picture of what Graph now holds (``xtap show --live``'s table: per partner and for the
    default, who may reach what, own or inherited) and the policy's other clouds. A Graph error is printed,
    not raised: the deploy itself succeeded."""
    from constructs_xtap.export import read_tenant
    from constructs_xtap.graph.client import GraphClient
    from constructs_xtap.graph.errors import GraphError
    from constructs_xtap.picture import effective_access, other_clouds, render_terminal_table
    from constructs_xtap.provider.provider_config import resolve_provider_config

    settings, problems = resolve_provider_config({}, env)
    if settings is None:
        for problem in problems:
            print(f"xtap: cannot read the policy: {problem}", file=sys.stderr)
        return
    client = GraphClient.from_settings(settings)
    try:
        objects = read_tenant(client, names_are_cosmetic=True)
    except GraphError as error:
        print(f"xtap: cannot read the policy: {error}", file=sys.stderr)
        return
    finally:
        client.close()
    picture = effective_access(objects, f"live: {settings.graph_endpoint}")
    print(f"xtap: Graph now holds {len(picture.partners)} partner configuration(s); what applies:")
    print(render_terminal_table(picture, width=shutil.get_terminal_size((200, 24)).columns), end="")
    print(f"xtap: other Microsoft clouds allowed by the policy: {other_clouds(objects.policy)}", flush=True)


def run(action: str, project_dir: Path) -> int:
    """Deploy or destroy the deployable stack; return the exit code."""
    cdktf = cdktf_executable(project_dir)
    with graph_environment(project_dir) as graph_env:
        env = {**os.environ, **toolchain_env(), **graph_env}
        if not sys.stdout.isatty():
            env.setdefault("CI", "1")  # cdktf then prints plain lines instead of redrawing a spinner
        command = [cdktf, action, STACK_NAME, "--auto-approve"]
        print("xtap: " + " ".join(command[1:]), flush=True)
        code = subprocess.call(command, cwd=project_dir, env=env)
        if code != 0:
            return code
        print_posture(env)
    return 0


def main(argv: list[str] | None = None) -> int:
    """Entry point: ``python -m constructs_xtap.cli.deploy_job deploy|destroy``."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1 or args[0] not in ("deploy", "destroy"):
        print("usage: python -m constructs_xtap.cli.deploy_job deploy|destroy", file=sys.stderr)
        return 2
    return run(args[0], Path.cwd())


if __name__ == "__main__":
    sys.exit(main())
