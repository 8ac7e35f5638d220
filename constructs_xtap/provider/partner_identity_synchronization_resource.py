"""The ``xtap_partner_identity_synchronization`` resource: a partner's crossTenantIdentitySyncPolicyPartner.

Graph-api.md §1.8, §2.12: PUT creates (204), GET reads (404 drops it from state), PATCH updates, DELETE
deletes (404 is success). The partner configuration must exist first; Graph refuses to delete a partner
while this policy exists (R7), so Terraform's dependency order (partner before policy) matters.

A PUT answered 409 means a policy exists already (R6: "Use PATCH to modify"). Like the partner, one equal
to the configuration is adopted (our own earlier PUT whose answer was lost). A different one (made by a
multitenant organization, by hand) is taken over only with ``adopt_existing = true``: PATCHed to the
configuration and read back. Otherwise it is not overwritten: the create fails with the import advice,
which finds the resource's address even when its ``tenant_id`` refers to the partner's
(:mod:`configured_address`). ``adopt_existing`` is never sent to Graph.
Import id: the partner's tenant id.
"""

from __future__ import annotations

from constructs_xtap.provider.kind_resource import KindResource
from constructs_xtap.wire import IDENTITY_SYNCHRONIZATION


class PartnerIdentitySynchronizationResource(KindResource):
    """Terraform's view of one partner's identity synchronization policy."""

    kind = IDENTITY_SYNCHRONIZATION
    noun = "identity synchronization policy"
    construct_resource = "partner.identity_synchronization_resource"

    def subject(self, key: str | None) -> str:
        return f"the identity synchronization policy of partner {key}"
