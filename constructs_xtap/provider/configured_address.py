"""Find a resource's address in the Terraform configuration, for an exact ``terraform import``.

Terraform does not tell a provider which resource it is creating. It does start the provider in the
working directory, though, and with cdktf that directory holds ``cdk.tf.json``; a resource of the type
whose ``tenant_id`` is the partner's is the one to import into. cdktf writes a ``tenant_id`` that comes
from another block as a reference (``${xtap_partner_configuration.fabrikam_1A2B3C4D.tenant_id}``): such a
reference is followed, within the same file, to the literal tenant id it stands for.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from constructs_xtap.wire import RESOURCE_TYPE
from constructs_xtap.wire.partner_schema import ATTR_TENANT_ID

#: A whole-value reference to another block's tenant id (a partner's ``id`` is its tenant id too).
_REFERENCE = re.compile(r"^\$\{(data\.)?([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.(tenant_id|id)\}$")
_MAX_HOPS = 5


def configured_addresses(
    tenant_id: str, directory: Path | None = None, type_name: str = RESOURCE_TYPE
) -> list[str]:
    """Addresses of the ``*.tf.json`` resources of ``type_name`` configured for ``tenant_id`` (any case,
    directly or through references), sorted."""
    found: set[str] = set()
    for path in sorted((directory or Path.cwd()).glob("*.tf.json")):
        try:
            document = json.loads(path.read_text(encoding="utf-8"))
            resources = document.get("resource", {}).get(type_name, {})
        except (OSError, ValueError, AttributeError):
            continue  # not ours to judge; the advice falls back to a placeholder
        if not isinstance(resources, dict):
            continue
        for name, body in resources.items():
            configured = body.get(ATTR_TENANT_ID) if isinstance(body, dict) else None
            literal = _literal_tenant_id(document, configured)
            if literal is not None and literal.lower() == tenant_id.lower():
                found.add(f"{type_name}.{name}")
    return sorted(found)


def _literal_tenant_id(document: Mapping[str, Any], value: Any) -> str | None:
    """The literal tenant id ``value`` is or refers to; ``None`` when it cannot be told from the file."""
    for _ in range(_MAX_HOPS):
        if not isinstance(value, str):
            return None
        reference = _REFERENCE.match(value)
        if reference is None:
            return None if "${" in value else value
        data, block_type, name, _attribute = reference.groups()
        section = document.get("data" if data else "resource")
        blocks = section.get(block_type) if isinstance(section, dict) else None
        body = blocks.get(name) if isinstance(blocks, dict) else None
        value = body.get(ATTR_TENANT_ID) if isinstance(body, dict) else None
    return None
