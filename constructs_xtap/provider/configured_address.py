"""Find a partner's resource address in the Terraform configuration, for an exact ``terraform import``.

Terraform does not tell a provider which resource it is creating. It does start the provider in the
working directory, though, and with cdktf that directory holds ``cdk.tf.json``; a resource of our type
whose ``tenant_id`` is the partner's is the one to import into.
"""

from __future__ import annotations

import json
from pathlib import Path

from constructs_xtap.wire import RESOURCE_TYPE
from constructs_xtap.wire.partner_schema import ATTR_TENANT_ID


def configured_addresses(tenant_id: str, directory: Path | None = None) -> list[str]:
    """Addresses of the ``*.tf.json`` resources configured for ``tenant_id`` (any case), sorted."""
    found: set[str] = set()
    for path in sorted((directory or Path.cwd()).glob("*.tf.json")):
        try:
            resources = (
                json.loads(path.read_text(encoding="utf-8")).get("resource", {}).get(RESOURCE_TYPE, {})
            )
        except (OSError, ValueError, AttributeError):
            continue  # not ours to judge; the advice falls back to a placeholder
        if not isinstance(resources, dict):
            continue
        for name, body in resources.items():
            configured = body.get(ATTR_TENANT_ID) if isinstance(body, dict) else None
            if isinstance(configured, str) and configured.lower() == tenant_id.lower():
                found.add(f"{RESOURCE_TYPE}.{name}")
    return sorted(found)
