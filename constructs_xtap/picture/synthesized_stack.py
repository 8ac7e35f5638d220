"""read_synthesized_stack: the objects a synthesized cdktf stack (``cdk.tf.json``) would deploy."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from constructs_xtap.picture.resource_snapshot import Resource, resource_snapshot
from constructs_xtap.picture.terraform_object import graph_object
from constructs_xtap.wire import (
    DEFAULT,
    DEFAULT_RESOURCE_TYPE,
    IDENTITY_SYNCHRONIZATION,
    IDENTITY_SYNCHRONIZATION_RESOURCE_TYPE,
    PARTNER,
    PARTNER_RESOURCE_TYPE,
    POLICY,
    POLICY_RESOURCE_TYPE,
    TENANT_INFORMATION_DATA_SOURCE,
)
from constructs_xtap.wire.tenant_snapshot import TenantSnapshot

_REFERENCE = re.compile(r"^\$\{(data\.)?([A-Za-z0-9_]+)\.([A-Za-z0-9_-]+)\.tenant_id\}$")


def _construct_name(body: Mapping[str, Any], fallback: str) -> str:
    path = str(body.get("//", {}).get("metadata", {}).get("path", ""))
    parts = path.split("/")
    return parts[-2] if len(parts) >= 3 and parts[-1] == "Resource" else fallback


def _objects(parent: Mapping[str, Any], key: str, file: Path) -> Mapping[str, Any]:
    """``parent[key]``: an object whose values are objects (``{}`` when absent); ``ValueError`` otherwise."""
    value = parent.get(key, {})
    if not isinstance(value, Mapping) or not all(isinstance(v, Mapping) for v in value.values()):
        raise ValueError(f"{file}: {key!r} is not an object of objects, as `cdktf synth` writes it")
    return value


def read_synthesized_stack(stack_dir: Path | str) -> TenantSnapshot:
    """The objects in ``stack_dir``/cdk.tf.json (``cdktf.out/stacks/NAME``): its ``xtap_*`` resources as
    Graph objects. A setting the default configuration leaves out is the system default; without an
    ``xtap_default_configuration`` the default is not known (``None``). A partner's name is its construct
    id; a ``tenant_id`` that refers to ``xtap_tenant_information`` shows the looked-up domain or id, one
    that refers to a partner is resolved. ``stack_dir`` may also be the cdk.tf.json file itself. Raises
    ``FileNotFoundError`` without cdk.tf.json and ``ValueError`` (naming what is wrong) for a file that is
    not JSON, not shaped like a synthesized stack (``resource``/``data`` objects of objects), or with a
    setting that is not JSON."""
    path = Path(stack_dir)
    file = path if path.is_file() else path / "cdk.tf.json"
    try:
        document = json.loads(file.read_text(encoding="utf-8"))
    except ValueError as error:  # JSONDecodeError and UnicodeDecodeError
        raise ValueError(f"{file} is not JSON ({error}); run `cdktf synth` again") from None
    if not isinstance(document, Mapping):
        raise ValueError(f"{file} is a JSON {type(document).__name__}, not a synthesized stack (an object)")
    resources = _objects(document, "resource", file)
    lookups = _objects(_objects(document, "data", file), TENANT_INFORMATION_DATA_SOURCE, file)
    partners_tf = _objects(resources, PARTNER_RESOURCE_TYPE, file)

    def resolve(value: Any) -> str:
        match = _REFERENCE.match(value) if isinstance(value, str) else None
        if match is None:
            return str(value)
        data, type_name, name = match.groups()
        if data and type_name == TENANT_INFORMATION_DATA_SOURCE and name in lookups:
            lookup = lookups[name]
            return str(lookup.get("tenant_id") or f"tenant of {lookup.get('domain_name')}")
        if not data and type_name == PARTNER_RESOURCE_TYPE and name in partners_tf:
            return resolve(partners_tf[name].get("tenant_id"))
        return str(value)

    declared: list[Resource] = []
    for resource_name, body in partners_tf.items():
        tenant = resolve(body.get("tenant_id"))
        declared.append((PARTNER, graph_object(PARTNER, body), tenant, _construct_name(body, resource_name)))
    for body in _objects(resources, IDENTITY_SYNCHRONIZATION_RESOURCE_TYPE, file).values():
        sync = graph_object(IDENTITY_SYNCHRONIZATION, body)
        declared.append((IDENTITY_SYNCHRONIZATION, sync, resolve(body.get("tenant_id")), ""))
    # One per tenant: the first one declared.
    defaults = list(_objects(resources, DEFAULT_RESOURCE_TYPE, file).values())[:1]
    policies = list(_objects(resources, POLICY_RESOURCE_TYPE, file).values())[:1]
    declared += [(DEFAULT, graph_object(DEFAULT, body), "", "") for body in defaults]
    declared += [(POLICY, graph_object(POLICY, body), "", "") for body in policies]
    return resource_snapshot(declared)
