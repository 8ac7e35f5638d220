"""The stacks in stacks/: one snapshot each, the documented handful, and a custom partner list."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import cdktf
from sample_ids import SEED_TENANT
from syrupy.assertion import SnapshotAssertion

from constructs_xtap import InboundTrust
from constructs_xtap.testing import partner_bodies, synth_snapshot
from constructs_xtap.wire import RESOURCE_TYPE
from stacks import DOCUMENTED_PARTNERS, PartnersStack, TenantStack
from tests.vectors import documented_vector

REPO = Path(__file__).resolve().parents[2]


def test_partners_stack_snapshot(snapshot: SnapshotAssertion) -> None:
    assert synth_snapshot(PartnersStack(cdktf.Testing.app())) == snapshot


def test_tenant_stack_snapshot(snapshot: SnapshotAssertion) -> None:
    assert synth_snapshot(TenantStack(cdktf.Testing.app())) == snapshot


def test_partners_stack_defaults_to_the_documented_handful() -> None:
    stack = PartnersStack(cdktf.Testing.app())
    assert stack.node.id == "partners"
    assert sorted(stack.partners) == sorted(DOCUMENTED_PARTNERS)
    assert len(partner_bodies(stack)) == len(DOCUMENTED_PARTNERS) == 4


def test_partners_stack_seed_partner_posts_the_documented_body() -> None:
    stack = PartnersStack(cdktf.Testing.app())
    documented = documented_vector("create_partner_v1")["requestBody"]
    assert stack.partners["documented-example"].graph_body == documented


def test_partners_stack_builds_exactly_the_partners_it_is_given() -> None:
    custom = {"only": {"tenant_id": SEED_TENANT, "inbound_trust": InboundTrust(is_mfa_accepted=True)}}
    stack = PartnersStack(cdktf.Testing.app(), "partners", partners=custom)
    (body,) = partner_bodies(stack).values()
    assert body == {"tenant_id": SEED_TENANT, "inbound_trust": {"isMfaAccepted": True}}


def test_partners_stack_with_empty_partner_list_has_no_partner() -> None:
    assert partner_bodies(PartnersStack(cdktf.Testing.app(), partners={})) == {}


def test_partners_stack_writes_only_given_provider_settings() -> None:
    stack = PartnersStack(cdktf.Testing.app(), partners={}, provider_settings={"tenant_id": SEED_TENANT})
    assert synth_snapshot(stack)["provider"] == {"xtap": [{"tenant_id": SEED_TENANT}]}


def test_main_synthesizes_every_stack_with_the_documented_seed_body(tmp_path: Path) -> None:
    env = {**os.environ, "CDKTF_OUTDIR": str(tmp_path), "PYTHONPATH": str(REPO)}
    subprocess.run([sys.executable, str(REPO / "main.py")], cwd=tmp_path, env=env, check=True, timeout=120)
    stacks = {p.parent.name: json.loads(p.read_text()) for p in tmp_path.glob("stacks/*/cdk.tf.json")}
    assert sorted(stacks) == ["partners", "tenant"]
    seed = _resource_at(stacks["partners"], "partners/documented-example/Resource")
    documented = documented_vector("create_partner_v1")["requestBody"]
    assert seed["tenant_id"] == documented["tenantId"]
    assert json.loads(seed["b2b_direct_connect_outbound"]) == documented["b2bDirectConnectOutbound"]
    assert json.loads(seed["b2b_direct_connect_inbound"]) == documented["b2bDirectConnectInbound"]


def _resource_at(cdk_tf: dict[str, Any], path: str) -> dict[str, Any]:
    for attributes in cdk_tf["resource"][RESOURCE_TYPE].values():
        if attributes["//"]["metadata"]["path"] == path:
            return dict(attributes)
    raise AssertionError(f"no {RESOURCE_TYPE} at {path}")
