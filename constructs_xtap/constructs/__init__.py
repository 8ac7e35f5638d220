"""The user-facing room: typed settings, validation and the cdktf constructs (L2 and hand-written L1)."""

from constructs_xtap.constructs.access_type import AccessType
from constructs_xtap.constructs.automatic_user_consent import AutomaticUserConsent
from constructs_xtap.constructs.b2b_setting import B2BSetting
from constructs_xtap.constructs.cross_tenant_access_partner import CrossTenantAccessPartner
from constructs_xtap.constructs.inbound_trust import InboundTrust
from constructs_xtap.constructs.target import Target
from constructs_xtap.constructs.target_configuration import TargetConfiguration
from constructs_xtap.constructs.target_type import TargetType
from constructs_xtap.constructs.tenant_restrictions import TenantRestrictions
from constructs_xtap.constructs.validation_problem import ValidationProblem
from constructs_xtap.constructs.xtap_partner_configuration import XtapPartnerConfiguration
from constructs_xtap.constructs.xtap_provider import XtapProvider
from constructs_xtap.constructs.xtap_validation_error import XtapValidationError

__all__ = [
    "AccessType",
    "AutomaticUserConsent",
    "B2BSetting",
    "CrossTenantAccessPartner",
    "InboundTrust",
    "Target",
    "TargetConfiguration",
    "TargetType",
    "TenantRestrictions",
    "ValidationProblem",
    "XtapPartnerConfiguration",
    "XtapProvider",
    "XtapValidationError",
]
