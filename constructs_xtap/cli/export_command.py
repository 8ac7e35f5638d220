"""``xtap export``: write the tenant the provider would manage as a Python module of constructs."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path


def run_export(
    output: str, class_name: str, env: Mapping[str, str] | None = None, framework: str = "cdktf"
) -> int:
    """Read the tenant the provider's settings point at and write ``output``; return the exit code.

    The settings come from the environment exactly as the provider resolves them
    (``resolve_provider_config({}, env)``: ``AZURE_TENANT_ID``/``ARM_*``/``XTAP_*``…), so the local Graph is
    read when ``env`` points at it. Exit 0 after writing: each value written as a comment (which the
    module makes Terraform ignore) and each partner left out (no ``tenantId``, or one that is not a GUID)
    is named on stderr; the module declares everything else, and a partner left out is not touched by a
    deploy, so the export did its job. 1 without writing when the settings are incomplete, Graph refuses a
    read, ``class_name`` is not a class name, or ``output`` cannot be written; 2 is argparse's.
    ``framework``: ``"cdktf"`` or ``"cdktn"``, the module the stack's ``TerraformStack`` comes from.
    """
    from constructs_xtap.export import read_tenant, ruff_available, ruff_format, stack_source
    from constructs_xtap.graph.client import GraphClient
    from constructs_xtap.graph.errors import GraphError
    from constructs_xtap.provider.provider_config import resolve_provider_config

    settings, problems = resolve_provider_config({}, os.environ if env is None else env)
    if settings is None:
        for problem in problems:
            print(f"xtap export: {problem.summary}: {problem.detail}", file=sys.stderr)
        return 1
    client = GraphClient.from_settings(settings)
    try:
        snapshot = read_tenant(client)
    except GraphError as error:
        print(f"xtap export: cannot read the tenant's cross-tenant access settings: {error}", file=sys.stderr)
        return 1
    finally:
        client.close()
    try:
        module = stack_source(snapshot, class_name, framework)
    except ValueError as error:
        print(f"xtap export: {error}", file=sys.stderr)
        return 1
    path = Path(output)
    source = module.source
    if ruff_available():
        source = ruff_format(source, str(path.resolve()))
    else:
        print("xtap export: ruff is not installed, so the module is written unformatted", file=sys.stderr)
    try:
        path.write_text(source, encoding="utf-8")
    except OSError as error:
        print(
            f"xtap export: cannot write {output}: {error.strerror or error} "
            "(create its directory first, or pick another --output)",
            file=sys.stderr,
        )
        return 1
    for note in module.notes:
        print(f"xtap export: {note}", file=sys.stderr)
    print(
        f"xtap export: wrote {output}: class {class_name} with the default configuration, the policy and "
        f"{module.partners} partner(s) of tenant {snapshot.tenant_id}, each marked for import"
    )
    return 0
