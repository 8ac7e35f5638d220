"""The L1 bindings are generated from the provider's schema (``make bindings``): the checked-in files are what
the generator writes now, and the generated classes keep the names users and the L2 constructs know."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest
from frameworks import synth
from sample_ids import SEED_TENANT

from constructs_xtap import (
    DataXtapTenantInformation,
    XtapDefaultConfiguration,
    XtapPartnerConfiguration,
    XtapPartnerIdentitySynchronization,
    XtapPolicy,
    XtapProvider,
)
from constructs_xtap.toolchain.l1_bindings import (
    CONSTRUCTS_DIR,
    HEADER,
    Binding,
    provider_bindings,
    render_bindings,
    stale_bindings,
)
from constructs_xtap.wire import OBJECT_KINDS

if TYPE_CHECKING:  # cdktf's classes stand for both frameworks' in annotations, as in the library
    from cdktf import TerraformStack


def test_every_checked_in_binding_is_what_make_bindings_writes() -> None:
    stale = [f"constructs_xtap/constructs/{path}" for path in stale_bindings()]
    assert not stale, f"stale L1 binding(s) {stale}: run `make bindings` and commit the result"


def test_every_resource_and_data_source_of_the_provider_has_a_generated_binding() -> None:
    modules = sorted(binding.module for binding in provider_bindings())
    faces = [kind.terraform for kind in OBJECT_KINDS if kind.terraform is not None]
    assert modules == sorted(f"data_{f.type_name}" if f.data_source else f.type_name for f in faces)
    assert "xtap_partner_configuration" in modules
    for module in modules:
        assert (CONSTRUCTS_DIR / f"{module}.py").read_text(encoding="utf-8").startswith(HEADER + "\n")


def test_a_schema_the_kind_description_does_not_match_is_refused() -> None:
    (partner, *_) = provider_bindings()
    schema = partner.schema
    moved = type(schema)(attributes=schema.attributes[:2], description=schema.description)
    with pytest.raises(ValueError, match="xtap_partner_configuration: the provider's schema has the JSON"):
        render_bindings([Binding(partner.type_name, moved, data_source=False)])


def test_every_binding_takes_the_same_meta_arguments(stack: TerraformStack) -> None:
    sync = XtapPartnerIdentitySynchronization(stack, "sync", tenant_id=SEED_TENANT, user_sync_inbound=True)
    meta: dict[str, Any] = {"count": 2, "depends_on": [sync], "provider": XtapProvider(stack, "xtap")}
    DataXtapTenantInformation(stack, "info", domain_name="contoso.com", **meta)
    XtapDefaultConfiguration(stack, "default", **meta)
    XtapPartnerConfiguration(stack, "partner", tenant_id=SEED_TENANT, **meta)
    XtapPartnerIdentitySynchronization(stack, "sync2", tenant_id=SEED_TENANT, user_sync_inbound=True, **meta)
    XtapPolicy(stack, "policy", **meta)
    synthesized = synth(stack)
    elements = [*synthesized["data"].values(), *synthesized["resource"].values()]
    written = [e for by_id in elements for name, e in by_id.items() if name != "sync"]
    assert len(written) == 5
    for element in written:
        assert element["count"] == 2
        assert element["depends_on"] == ["xtap_partner_identity_synchronization.sync"]
        assert element["provider"] == "xtap"
