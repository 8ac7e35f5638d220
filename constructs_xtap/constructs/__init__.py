"""The user-facing room: typed settings, validation and the constructs (hand-written L2s; L1 bindings
generated from the provider's schema by ``make bindings``), for cdktf and cdktn."""

from constructs_xtap.constructs.access_type import AccessType
from constructs_xtap.constructs.app_service_connect_inbound import AppServiceConnectInbound
from constructs_xtap.constructs.automatic_user_consent import AutomaticUserConsent
from constructs_xtap.constructs.b2b_setting import B2BSetting
from constructs_xtap.constructs.cloud_endpoint import CloudEndpoint
from constructs_xtap.constructs.cross_tenant_access_defaults import CrossTenantAccessDefaults
from constructs_xtap.constructs.cross_tenant_access_partner import CrossTenantAccessPartner
from constructs_xtap.constructs.cross_tenant_access_policy import CrossTenantAccessPolicy
from constructs_xtap.constructs.data_xtap_tenant_information import DataXtapTenantInformation
from constructs_xtap.constructs.identity_provider import IdentityProvider
from constructs_xtap.constructs.identity_synchronization import IdentitySynchronization
from constructs_xtap.constructs.inbound_trust import InboundTrust
from constructs_xtap.constructs.invitation_redemption import InvitationRedemption
from constructs_xtap.constructs.m365_collaboration_inbound import M365CollaborationInbound
from constructs_xtap.constructs.m365_collaboration_outbound import M365CollaborationOutbound
from constructs_xtap.constructs.target import Target
from constructs_xtap.constructs.target_configuration import TargetConfiguration
from constructs_xtap.constructs.target_type import TargetType
from constructs_xtap.constructs.tenant_information import TenantInformation
from constructs_xtap.constructs.tenant_restrictions import TenantRestrictions
from constructs_xtap.constructs.validation_problem import ValidationProblem
from constructs_xtap.constructs.xtap_default_configuration import XtapDefaultConfiguration
from constructs_xtap.constructs.xtap_partner_configuration import XtapPartnerConfiguration
from constructs_xtap.constructs.xtap_partner_identity_synchronization import (
    XtapPartnerIdentitySynchronization,
)
from constructs_xtap.constructs.xtap_policy import XtapPolicy
from constructs_xtap.constructs.xtap_provider import XtapProvider
from constructs_xtap.constructs.xtap_validation_error import XtapValidationError

__all__ = [
    "AccessType",
    "AppServiceConnectInbound",
    "AutomaticUserConsent",
    "B2BSetting",
    "CloudEndpoint",
    "CrossTenantAccessDefaults",
    "CrossTenantAccessPartner",
    "CrossTenantAccessPolicy",
    "DataXtapTenantInformation",
    "IdentityProvider",
    "IdentitySynchronization",
    "InboundTrust",
    "InvitationRedemption",
    "M365CollaborationInbound",
    "M365CollaborationOutbound",
    "Target",
    "TargetConfiguration",
    "TargetType",
    "TenantInformation",
    "TenantRestrictions",
    "ValidationProblem",
    "XtapDefaultConfiguration",
    "XtapPartnerConfiguration",
    "XtapPartnerIdentitySynchronization",
    "XtapPolicy",
    "XtapProvider",
    "XtapValidationError",
]
