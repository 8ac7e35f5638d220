"""TenantStack: partners composed with other tenant infrastructure through the prebuilt azuread bindings.

What is proven offline. ``tests/e2e/test_composition.py`` deploys this composition with Terraform's
built-in ``terraform_data`` (cdktf ``DataResource``) standing in for the group and the application: a
group id as the liaison partner's outbound group target, an application id as the vendor partner's inbound
application target, both known only after apply. Through the real cdktf CLI, Terraform, the provider
process and the local Graph, the partners validate and plan with those ids unknown, Graph receives the real
ids, the next plan is empty, and a replaced group (a new id) updates the partner in the same deploy.
A ``TerraformVariable`` target and ``tenant_id`` are deployed the same way. The synthesized setting is the
same JSON text with a reference inside (``${azuread_group.partner-liaisons.object_id}`` here,
``${terraform_data.liaisons.output.object_id}`` there), so Terraform hands the provider the same unknown
until apply and the same text after it.

What needs the real azuread provider (and a tenant). Installing azuread: it cannot be installed offline,
so this stack is tested by synthesizing it only and ``make deploy`` does not deploy it. azuread creating
the group and the application with its own credentials and permissions. Microsoft Graph accepting those
ids as targets: the local Graph does not check that a target names an object that exists.
"""

from __future__ import annotations

import importlib

from constructs import Construct

from constructs_xtap import B2BSetting, CrossTenantAccessPartner, Target, TargetConfiguration
from constructs_xtap.constructs.framework import BoundStack, framework_of

TENANT_STACK_NAME = "tenant"

#: The prebuilt azuread bindings of each framework: a prebuilt provider is built for one framework only.
AZUREAD_BINDINGS = {"cdktf": "cdktf_cdktf_provider_azuread", "cdktn": "cdktn_provider_azuread"}
#: The azuread provider both deploy. Each binding pins the version it was generated from (cdktf's 14.3.1:
#: 3.7.0, cdktn's 17.1.0: 3.10.0); one stack must not deploy another provider when it moves to cdktn, and
#: the group and application attributes used here are the same in both.
AZUREAD_VERSION = "3.7.0"


class TenantStack(BoundStack):
    """A liaison group and a vendor-facing app, created by azuread, and partners that refer to them.

    Their ids are only known at deploy time: the partners' rules carry Terraform references
    (``${azuread_group.partner-liaisons.object_id}``), which Terraform resolves before the provider runs.
    In a cdktn App it uses cdktn's prebuilt azuread bindings (``cdktn-provider-azuread``).
    """

    def __init__(self, scope: Construct, id: str = TENANT_STACK_NAME) -> None:
        super().__init__(scope, id)
        azuread = AZUREAD_BINDINGS[framework_of(self).name]
        Application = importlib.import_module(f"{azuread}.application").Application
        Group = importlib.import_module(f"{azuread}.group").Group
        AzureadProvider = importlib.import_module(f"{azuread}.provider").AzureadProvider
        AzureadProvider(self, "azuread")  # configured from ARM_* / AZURE_* environment variables
        self.add_override("terraform.required_providers.azuread.version", AZUREAD_VERSION)
        self.liaisons = Group(
            self,
            "partner-liaisons",
            display_name="Partner liaisons",
            security_enabled=True,
        )
        self.vendor_portal = Application(self, "vendor-portal", display_name="Vendor portal")
        # Only the liaison group may go out to this partner, to any of its applications.
        self.liaison_partner = CrossTenantAccessPartner(
            self,
            "liaison-partner",
            tenant_id="e1a7c9d3-5b2f-4e6a-8d0c-7f3b1a9e5c42",
            b2b_collaboration_outbound=B2BSetting(
                users_and_groups=TargetConfiguration.allowed(Target.group(self.liaisons.object_id)),
                applications=TargetConfiguration.allowed(Target.all_applications()),
            ),
        )
        # The vendor's users may come in to the vendor portal only.
        self.vendor_partner = CrossTenantAccessPartner(
            self,
            "vendor",
            tenant_id="4b2e8d61-7f3a-4c59-9e0d-1a6c5b7f8e23",
            b2b_collaboration_inbound=B2BSetting(
                users_and_groups=TargetConfiguration.allowed(Target.all_users()),
                applications=TargetConfiguration.allowed(Target.application(self.vendor_portal.client_id)),
            ),
        )
