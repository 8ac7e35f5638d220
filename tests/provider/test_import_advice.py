"""The advice of a create answered 409: the cdktf way first, then the exact `terraform import`."""

from __future__ import annotations

from pathlib import Path

from constructs_xtap.provider.import_advice import import_advice, stack_name

TENANT = "3d0f5dec-5d3d-455c-8016-e2af1ae4d31a"
TYPE = "xtap_partner_configuration"


def test_advice_in_a_stack_directory_names_the_stack_the_construct_call_and_the_exact_address(
    tmp_path: Path,
) -> None:
    stack = tmp_path / "cdktf.out" / "stacks" / "partners"
    advice = import_advice(
        type_name=TYPE,
        import_id=TENANT,
        addresses=[f"{TYPE}.fabrikam_1A2B3C4D"],
        construct_resource="partner.resource",
        can_adopt=True,
        directory=stack,
    )
    assert f'partner.resource.import_from("{TENANT}")' in advice
    assert "`cdktf deploy partners`" in advice
    assert "adopt_existing=True" in advice
    assert f"in cdktf.out/stacks/partners:\n  terraform import {TYPE}.fabrikam_1A2B3C4D {TENANT}" in advice
    assert "<stack>" not in advice and "<name>" not in advice
    assert advice.index("import_from") < advice.index("terraform import")


def test_advice_outside_a_stack_names_the_stack_directory_generically_and_the_name_placeholder(
    tmp_path: Path,
) -> None:
    advice = import_advice(
        type_name=TYPE,
        import_id=TENANT,
        addresses=[],
        construct_resource="partner.resource",
        can_adopt=False,
        directory=tmp_path,
    )
    assert stack_name(tmp_path) is None
    assert "cdktf.out/stacks/<stack>" in advice
    assert f"terraform import {TYPE}.<name> {TENANT}" in advice
    assert f"to = {TYPE}.<name>" in advice
    assert "adopt_existing" not in advice
