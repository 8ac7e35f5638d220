"""The stacks in stacks/: one snapshot each, the same under cdktf and cdktn, the documented handful, and a
custom partner list."""

from __future__ import annotations

import difflib
import json
import os
import subprocess
import sys
from collections.abc import Callable
from importlib import import_module
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from sample_ids import SEED_TENANT
from syrupy.assertion import SnapshotAssertion

from constructs_xtap import InboundTrust
from constructs_xtap.testing import partner_bodies, synth_snapshot
from constructs_xtap.wire import RESOURCE_TYPE
from stacks import DOCUMENTED_PARTNERS, PartnersStack, TenantStack
from tests.vectors import documented_vector

if TYPE_CHECKING:  # cdktf's classes stand for both frameworks' in annotations, as in the library
    from cdktf import TerraformStack

REPO = Path(__file__).resolve().parents[2]


def _synth_under_both(build: Callable[[Any], TerraformStack]) -> dict[str, dict[str, Any]]:
    """``synth_snapshot`` of the stack ``build(app)`` makes in a ``Testing.app()`` of each framework."""
    return {name: synth_snapshot(build(import_module(name).Testing.app())) for name in ("cdktf", "cdktn")}


def _same_json(under: dict[str, dict[str, Any]]) -> None:
    """cdktn synthesized what cdktf did, keys in the same order; the difference shown when not."""
    cdktf_lines = json.dumps(under["cdktf"], indent=2).splitlines()
    cdktn_lines = json.dumps(under["cdktn"], indent=2).splitlines()
    differences = "\n".join(difflib.unified_diff(cdktf_lines, cdktn_lines, "cdktf", "cdktn", lineterm=""))
    assert cdktf_lines == cdktn_lines, f"the frameworks synthesize different JSON:\n{differences}"


# One stored snapshot for both frameworks, not one copy each: each test synthesizes under both, asserts the
# two equal, then compares with the snapshot. (A parametrised test writing one shared snapshot name would
# let --snapshot-update store whichever framework ran last.)
def test_partners_stack_snapshot(snapshot: SnapshotAssertion) -> None:
    under = _synth_under_both(PartnersStack)
    _same_json(under)
    assert under["cdktf"] == snapshot


def test_tenant_stack_snapshot(snapshot: SnapshotAssertion) -> None:
    assert synth_snapshot(TenantStack(import_module("cdktf").Testing.app())) == snapshot


def test_tenant_stack_synthesizes_the_same_json_under_cdktn_as_under_cdktf() -> None:
    _same_json(_synth_under_both(TenantStack))


def _full_synth(framework: str, outdir: Path) -> tuple[str, dict[str, Any]]:
    """``app.synth()`` of a ``PartnersStack`` in the ``framework`` module's ``App``: the text of
    cdktf.out/stacks/partners/cdk.tf.json, and that document parsed with ``//.metadata.version`` removed."""
    cdk = import_module(framework)
    app = cdk.App(outdir=str(outdir))
    PartnersStack(app)
    app.synth()
    text = (outdir / "stacks" / "partners" / "cdk.tf.json").read_text()
    document = json.loads(text)
    assert document["//"]["metadata"].pop("version"), f"{framework}: no //.metadata.version"
    return text, document


def test_partners_stack_synthesizes_the_same_cdk_tf_json_under_cdktf_and_cdktn_but_the_version(
    tmp_path: Path,
) -> None:
    cdktf_text, under_cdktf = _full_synth("cdktf", tmp_path / "cdktf")
    cdktn_text, under_cdktn = _full_synth("cdktn", tmp_path / "cdktn")
    assert under_cdktf["//"]["metadata"]["stackName"] == "partners"
    assert under_cdktf["resource"]["xtap_partner_configuration"], "the stack synthesized no partner"
    # Keys in the order each framework wrote them, so an order difference shows too. (The texts differ in
    # white space besides the version: cdktf writes an empty object over two lines, cdktn as {}.)
    _same_json({"cdktf": under_cdktf, "cdktn": under_cdktn})
    assert cdktf_text != cdktn_text  # the versions differ: what was compared is not one file read twice


def test_partners_stack_defaults_to_the_documented_handful(cdk: ModuleType) -> None:
    stack = PartnersStack(cdk.Testing.app())
    assert stack.node.id == "partners"
    assert sorted(stack.partners) == sorted(DOCUMENTED_PARTNERS)
    assert len(partner_bodies(stack)) == len(DOCUMENTED_PARTNERS) == 4


def test_partners_stack_seed_partner_posts_the_documented_body(cdk: ModuleType) -> None:
    stack = PartnersStack(cdk.Testing.app())
    documented = documented_vector("create_partner_v1")["requestBody"]
    assert stack.partners["documented-example"].graph_body == documented


def test_partners_stack_builds_exactly_the_partners_it_is_given(cdk: ModuleType) -> None:
    custom = {"only": {"tenant_id": SEED_TENANT, "inbound_trust": InboundTrust(is_mfa_accepted=True)}}
    stack = PartnersStack(cdk.Testing.app(), "partners", partners=custom)
    (body,) = partner_bodies(stack).values()
    assert body == {"tenant_id": SEED_TENANT, "inbound_trust": {"isMfaAccepted": True}}


def test_partners_stack_with_empty_partner_list_has_no_partner(cdk: ModuleType) -> None:
    assert partner_bodies(PartnersStack(cdk.Testing.app(), partners={})) == {}


def test_partners_stack_writes_only_given_provider_settings(cdk: ModuleType) -> None:
    stack = PartnersStack(cdk.Testing.app(), partners={}, provider_settings={"tenant_id": SEED_TENANT})
    assert synth_snapshot(stack)["provider"] == {"xtap": [{"tenant_id": SEED_TENANT}]}


# main.py is this repository's cdktf app (``from cdktf import App``), so this runs it as it is: under cdktf.
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
