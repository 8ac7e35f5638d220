"""Write a tenant's cross-tenant access objects as a cdktf ``TerraformStack`` subclass in Python."""

from __future__ import annotations

import json
import keyword
import textwrap
from collections.abc import Mapping
from typing import Any

from constructs_xtap.export.construct_ids import construct_ids
from constructs_xtap.export.exported_module import ExportedModule
from constructs_xtap.export.expression import Expression
from constructs_xtap.export.setting_source import SETTING_KEYWORDS, is_inherited, setting_source
from constructs_xtap.export.unexpressible import Unexpressible
from constructs_xtap.wire import (
    ALLOWED_CLOUD_ENDPOINTS,
    CDK_FRAMEWORKS,
    DEFAULT,
    OBJECT_KINDS,
    PARTNER,
    POLICY,
    SYSTEM_DEFAULT_CONFIGURATION,
    ObjectKind,
    is_guid,
    settings_equal,
)
from constructs_xtap.wire.graph_properties import (
    ALLOWED_CLOUD_ENDPOINTS_PROPERTY,
    DISPLAY_NAME,
    IS_SERVICE_PROVIDER,
    TENANT_ID,
    USER_SYNC_INBOUND_SETTING,
)
from constructs_xtap.wire.tenant_snapshot import TenantSnapshot

DEFAULT_CLASS_NAME = "ExportedStack"
_CLOUD_ENDPOINTS = dict(zip(ALLOWED_CLOUD_ENDPOINTS, ("COMMERCIAL", "US_GOVERNMENT", "CHINA"), strict=True))
# Partner properties the stack does not write: the key, Graph's read-only ones, the expanded sub-resources.
_PARTNER_NOT_WRITTEN = {
    TENANT_ID.name,
    *PARTNER.read_only,
    *(kind.navigation for kind in OBJECT_KINDS if kind.parent == PARTNER.name and kind.navigation),
}
(_SYNC_ALLOWED,) = USER_SYNC_INBOUND_SETTING.type.fields
_INDENT = " " * 8


def _string(value: str) -> str:
    return Expression.literal(value).text


def _terraform_attributes(kind: ObjectKind) -> dict[str, str]:
    """Graph name -> Terraform attribute of ``kind``'s resource."""
    face = kind.terraform
    return {} if face is None else {a.graph_name: a.name for a in face.attributes if a.graph_name}


class _Call:
    """One construct call being written: its arguments, comments for what it leaves out, the Terraform
    attributes left out that way (``ignored``: Terraform must leave them alone), and notes."""

    def __init__(self, what: str, notes: list[str], kind: ObjectKind) -> None:
        self.what = what
        self.lines: list[str] = []
        self.names: set[str] = set()
        self.notes = notes
        self.attributes = _terraform_attributes(kind)
        self.ignored: list[str] = []

    def argument(self, source: Expression) -> None:
        self.lines.append(f"{source.text},")
        self.names.update(source.names)

    def left_out(self, keyword_name: str, reason: str, value: Any, graph_name: str | None = None) -> None:
        """Write ``value`` as a comment. When it is a Terraform attribute of the resource (``graph_name``),
        the resource ignores changes to it, so the deploy keeps Graph's value instead of resetting it."""
        held = json.dumps(value, sort_keys=True, separators=(",", ":"))
        text = f"{keyword_name} is not written: {reason}. Graph holds: {held}"
        attribute = self.attributes.get(graph_name or "")
        note = f"{self.what}: {keyword_name} is written as a comment: {reason}"
        if attribute is not None:
            self.ignored.append(attribute)
            text += (
                f". Terraform ignores changes to {attribute} (lifecycle ignore_changes), so it stays "
                "unmanaged until written by hand"
            )
            note += f"; Terraform leaves {attribute} alone (unmanaged) until you write it by hand"
        self.lines.extend(f"# {line}" for line in textwrap.wrap(text, 96, break_on_hyphens=False))
        self.notes.append(note)

    def setting(self, graph_name: str, value: Any) -> None:
        keyword_name = SETTING_KEYWORDS.get(graph_name, graph_name)
        try:
            source = setting_source(graph_name, value)
        except Unexpressible as error:
            self.left_out(keyword_name, error.reason, value, graph_name)
            return
        if source is not None:
            self.argument(Expression.keyword(keyword_name, source))

    def source(self, variable: str, class_name: str, import_id: str, head: list[str]) -> list[str]:
        self.names.add(class_name)
        arguments = [f"{argument}," for argument in head] + self.lines
        body = [f"{variable} = {class_name}(", *(f"    {line}" for line in arguments), ")"]
        if self.ignored:
            ignored = ", ".join(_string(a) for a in self.ignored)
            body.append(f'{variable}.resource.add_override("lifecycle.ignore_changes", [{ignored}])')
        return [*body, f"{variable}.resource.import_from({_string(import_id)})"]


def _unknown_properties(call: _Call, graph_object: Mapping[str, Any], known: set[str]) -> None:
    for name in sorted(graph_object):
        if name not in known and not name.startswith("@odata.") and not is_inherited(graph_object[name]):
            call.left_out(
                name, "the constructs have no argument for this Graph property", graph_object[name], name
            )


def _default_source(default: Mapping[str, Any], notes: list[str]) -> tuple[list[str], set[str]]:
    call = _Call("the default configuration", notes, DEFAULT)
    for name in DEFAULT.settings:
        value = default.get(name)
        # Left out means the system default; say only what differs from it.
        if name in SYSTEM_DEFAULT_CONFIGURATION and settings_equal(value, SYSTEM_DEFAULT_CONFIGURATION[name]):
            continue
        call.setting(name, value)
    _unknown_properties(call, default, {*DEFAULT.settings, *DEFAULT.read_only})
    return call.source(
        "defaults", "CrossTenantAccessDefaults", "default", ["self", _string("defaults")]
    ), call.names


def _policy_source(policy: Mapping[str, Any], notes: list[str]) -> tuple[list[str], set[str]]:
    call = _Call("the policy", notes, POLICY)
    clouds = ALLOWED_CLOUD_ENDPOINTS_PROPERTY
    endpoints = policy.get(clouds.name)
    if endpoints:
        if isinstance(endpoints, list) and all(e in _CLOUD_ENDPOINTS for e in endpoints):
            items = ", ".join(f"CloudEndpoint.{_CLOUD_ENDPOINTS[e]}" for e in endpoints)
            call.argument(Expression(f"{clouds.attribute}=[{items}]", frozenset({"CloudEndpoint"})))
        else:
            reason = f"the constructs accept only {', '.join(ALLOWED_CLOUD_ENDPOINTS)}"
            call.left_out(clouds.attribute, reason, endpoints, clouds.name)
    return call.source("policy", "CrossTenantAccessPolicy", "policy", ["self", _string("policy")]), call.names


def _identity_synchronization(call: _Call, sync: Mapping[str, Any]) -> bool:
    inbound = sync.get(USER_SYNC_INBOUND_SETTING.name)
    allowed = inbound.get(_SYNC_ALLOWED) if isinstance(inbound, Mapping) else None
    name = sync.get(DISPLAY_NAME.name)
    if not isinstance(allowed, bool) or not (name is None or isinstance(name, str)):
        why = f"{USER_SYNC_INBOUND_SETTING.name}.{_SYNC_ALLOWED} is not true or false"
        call.left_out("identity_synchronization", why, sync)
        return False
    arguments = [Expression.keyword(USER_SYNC_INBOUND_SETTING.attribute, Expression.literal(allowed))]
    if name is not None:
        arguments.append(Expression.keyword(DISPLAY_NAME.attribute, Expression.literal(name)))
    call.argument(
        Expression.keyword(
            "identity_synchronization",
            Expression.call("IdentitySynchronization", arguments, name="IdentitySynchronization"),
        )
    )
    return True


def _partner_source(
    partner: Mapping[str, Any],
    construct_id: str,
    display_name: str | None,
    sync: Mapping[str, Any] | None,
    notes: list[str],
) -> tuple[list[str], set[str]]:
    tenant_id = str(partner[TENANT_ID.name]).lower()
    call = _Call(f"partner {construct_id} ({tenant_id})", notes, PARTNER)
    for name in PARTNER.settings:
        call.setting(name, partner.get(name))
    service_provider = partner.get(IS_SERVICE_PROVIDER.name)
    if service_provider is True:
        call.argument(Expression.keyword(IS_SERVICE_PROVIDER.attribute, Expression.literal(True)))
    elif service_provider not in (None, False):
        call.left_out(
            IS_SERVICE_PROVIDER.attribute,
            "it is not true or false",
            service_provider,
            IS_SERVICE_PROVIDER.name,
        )
    synced = sync is not None and _identity_synchronization(call, sync)
    _unknown_properties(call, partner, {*PARTNER.settings, *PARTNER.scalars, *_PARTNER_NOT_WRITTEN})
    head = ["self", _string(construct_id), f"tenant_id={_string(tenant_id)}"]
    comment = f"# {display_name} ({tenant_id})" if display_name else f"# tenant {tenant_id}"
    lines = [comment, *call.source("partner", "CrossTenantAccessPartner", tenant_id, head)]
    if synced:
        lines += [
            "assert partner.identity_synchronization_resource is not None",
            f"partner.identity_synchronization_resource.import_from({_string(tenant_id)})",
        ]
    return lines, call.names


def _partners(listed: tuple[Mapping[str, Any], ...], notes: list[str]) -> dict[str, Mapping[str, Any]]:
    """The partners by lower-case tenant id; one without a ``tenantId``, or whose ``tenantId`` is not a
    GUID, is left out with a note (the module could not declare or import it)."""
    partners: dict[str, Mapping[str, Any]] = {}
    for position, partner in enumerate(listed, start=1):
        tenant_id = partner.get(TENANT_ID.name)
        if not isinstance(tenant_id, str) or not tenant_id:
            held = json.dumps(dict(partner), sort_keys=True, separators=(",", ":"))[:200]
            notes.append(
                f"partner {position} of Graph's list has no tenantId, so it is not exported (fix it in "
                f"the admin center, then export again). Graph holds: {held}"
            )
        elif not is_guid(tenant_id):
            notes.append(
                f"partner {position} of Graph's list has tenantId {tenant_id!r}, which is not a GUID, so "
                "it is not exported (a partner's tenantId must be a tenant's GUID; fix or delete it in the "
                "admin center, then export again)"
            )
        else:
            partners[tenant_id.lower()] = partner
    return partners


def stack_source(
    snapshot: TenantSnapshot, class_name: str = DEFAULT_CLASS_NAME, framework: str = "cdktf"
) -> ExportedModule:
    """The Python module declaring ``snapshot`` as ``class <class_name>(TerraformStack)`` with constructor
    ``(scope, id)``: ``CrossTenantAccessDefaults`` (settings equal to the system default left out),
    ``CrossTenantAccessPolicy``, and one ``CrossTenantAccessPartner`` per partner (settings Graph holds as
    ``null`` left out, so they keep inheriting; its identity synchronization as ``IdentitySynchronization``),
    in construct id order (see ``construct_ids``). Every resource is marked for import (``import_from``:
    ``default``, ``policy``, the partner's tenant id), so the first deploy imports and changes nothing.

    A value the constructs cannot express is written as a comment with the reason and Graph's value, and
    listed in ``ExportedModule.notes`` (with ``snapshot.notes``). ``framework``: the module ``TerraformStack``
    is imported from, ``"cdktf"`` (default) or ``"cdktn"``; the rest is the same for both. Raises
    ``ValueError`` when ``class_name`` is not a Python identifier, ``framework`` is neither, or the snapshot
    lacks the default configuration or the policy (one not read from a live tenant).
    """
    if framework not in CDK_FRAMEWORKS:
        raise ValueError(f"framework must be one of {', '.join(CDK_FRAMEWORKS)}, not {framework!r}")
    if not class_name.isidentifier() or keyword.iskeyword(class_name):
        raise ValueError(f"--class-name {class_name!r} is not a Python class name")
    if snapshot.default is None or snapshot.policy is None:
        raise ValueError("a tenant's export needs its default configuration and policy as Graph holds them")
    notes: list[str] = list(snapshot.notes)
    names: set[str] = set()
    blocks: list[list[str]] = []
    for block, used in (_default_source(snapshot.default, notes), _policy_source(snapshot.policy, notes)):
        blocks.append(block)
        names |= used
    partners = _partners(snapshot.partners, notes)
    # Partners are keyed by lower-case tenant id here (construct ids, import ids); Graph's case may differ.
    display_names = {t.lower(): name for t, name in snapshot.names.items()}
    syncs = {t.lower(): sync for t, sync in snapshot.identity_synchronizations.items()}
    ids = construct_ids(partners, display_names)
    for tenant_id in sorted(partners, key=lambda t: (ids[t], t)):
        block, used = _partner_source(
            partners[tenant_id], ids[tenant_id], display_names.get(tenant_id), syncs.get(tenant_id), notes
        )
        blocks.append(block)
        names |= used
    body = "\n\n".join("\n".join(_INDENT + line for line in block) for block in blocks)
    imports = "".join(f"    {name},\n" for name in sorted(names))
    source = f'''"""The cross-tenant access settings of tenant {snapshot.tenant_id}, exported by
`xtap export`.

Every resource is marked for import (`import_from`), so the first `{framework} deploy` imports the default
configuration, the policy and the {len(partners)} partner(s) and changes nothing. Once deployed, the
`import_from` lines do nothing and may be removed.
"""

from {framework} import TerraformStack
from constructs import Construct

from constructs_xtap import (
{imports})


class {class_name}(TerraformStack):
    """The default configuration, the policy and the partners of tenant {snapshot.tenant_id}."""

    def __init__(self, scope: Construct, id: str) -> None:
        super().__init__(scope, id)

{body}
'''
    return ExportedModule(source=source, notes=tuple(notes), partners=len(partners))
