"""The details of one admin-center rule's findings on a construct, as the construct found them."""

from __future__ import annotations

from constructs_xtap.constructs import CrossTenantAccessDefaults, CrossTenantAccessPartner
from constructs_xtap.constructs.admin_center_rule import AdminCenterRule


def admin_center_details(
    construct: CrossTenantAccessPartner | CrossTenantAccessDefaults, rule: AdminCenterRule
) -> list[str]:
    """``property = value: problem`` for each finding of ``rule`` among ``construct.admin_center_warnings``.

    The constructs check the admin-center rules when they are created (``admin_center_rules``); under the
    context ``"xtap:adminCenterRules": "error"`` a finding raises there instead, so none reaches here.
    """
    return [
        f"{w.property} = {w.value!r}: {w.problem}"
        for w in construct.admin_center_warnings
        if w.rule == rule.qualified_id
    ]
