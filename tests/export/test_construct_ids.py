"""Exported partners get readable construct ids that stay the same from one export to the next."""

from __future__ import annotations

from constructs_xtap.export import construct_ids

A = "7e9d5c3b-2a1f-4e6d-9c8b-7a6f5e4d3c2b"
B = "2c4e6a8b-1d3f-4a5b-8c7d-9e0f1a2b3c4d"
C = "2c4e6a8b-ffff-4a5b-8c7d-9e0f1a2b3c4d"


def test_a_tenant_is_named_after_its_display_name_in_lower_case_words() -> None:
    assert construct_ids([A], {A: "Fabrikam, Ltd. (Zürich)"}) == {A: "fabrikam-ltd-zurich"}


def test_a_tenant_the_lookup_could_not_name_is_named_after_its_tenant_id() -> None:
    assert construct_ids([A.upper()], {}) == {A: f"tenant-{A}"}
    assert construct_ids([A], {A: "!!!"}) == {A: f"tenant-{A}"}


def test_two_tenants_with_one_name_both_get_their_tenant_id_prefix() -> None:
    assert construct_ids([A, B], {A: "Contoso", B: "contoso"}) == {
        A: "contoso-7e9d5c3b",
        B: "contoso-2c4e6a8b",
    }


def test_names_still_colliding_after_the_prefix_get_the_whole_tenant_id() -> None:
    assert construct_ids([B, C], {B: "Contoso", C: "Contoso"}) == {B: f"contoso-{B}", C: f"contoso-{C}"}


def test_a_name_equal_to_the_defaults_or_policy_id_gets_the_prefix() -> None:
    assert construct_ids([A, B], {A: "Policy", B: "Defaults"}) == {
        A: "policy-7e9d5c3b",
        B: "defaults-2c4e6a8b",
    }


def test_ids_do_not_depend_on_the_order_partners_come_in() -> None:
    names = {A: "Contoso", B: "Contoso", C: "Fabrikam"}

    assert construct_ids([A, B, C], names) == construct_ids([C, B, A], names)
