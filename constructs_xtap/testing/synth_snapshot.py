"""Synthesized Terraform JSON of a stack, as a plain dict ready for a snapshot assertion."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from constructs_xtap.constructs.framework import framework_of

if TYPE_CHECKING:
    from cdktf import TerraformStack


def synth_snapshot(stack: TerraformStack) -> dict[str, Any]:
    """Return ``Testing.synth(stack)`` parsed: deterministic (sorted keys, version stubbed, no metadata).

    ``stack``: a cdktf or a cdktn ``TerraformStack``; its framework's ``Testing`` synthesizes it, and both
    give the same JSON. With syrupy: ``assert synth_snapshot(MyStack(Testing.app(), "s")) == snapshot``.
    """
    return dict(json.loads(framework_of(stack).module.Testing.synth(stack)))


def partner_bodies(stack: TerraformStack) -> dict[str, dict[str, Any]]:
    """The Graph settings each ``xtap_partner_configuration`` of the stack will send, JSON strings decoded.

    Keys are Terraform resource names; values hold ``tenant_id`` and each set setting as a dict, so a test
    can assert on the settings instead of on escaped JSON text.
    """
    resources = synth_snapshot(stack).get("resource", {}).get("xtap_partner_configuration", {})
    decoded: dict[str, dict[str, Any]] = {}
    for name, attributes in resources.items():
        decoded[name] = {
            key: json.loads(value) if isinstance(value, str) and value.startswith("{") else value
            for key, value in attributes.items()
            if key != "provider"
        }
    return decoded
