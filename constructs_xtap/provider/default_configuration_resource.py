"""The ``xtap_default_configuration`` resource: the tenant's crossTenantAccessPolicyConfigurationDefault.

One per tenant (graph-api.md §1.6, §2.10). Served by the kind engine; what is special lives in the kind's
description: create and update PATCH (a setting left out is sent as its system default, vector
get_default_beta_service_default), a setting equal to its system default reads as ``null`` while the
configuration leaves it out (so a portal change to any setting shows as drift), and destroy POSTs
``…/default/resetToSystemDefault``. ``automaticUserConsentSettings`` is read-only on the default (R17) and
is not an argument. Import id: ``default``.

Two hooks:

* :meth:`~DefaultConfigurationResource.setting_fill`: on the default, a member of a setting left out or
  ``null`` means that member's system default (``inboundTrust {"isMfaAccepted": true}`` is
  ``isCompliantDeviceAccepted: false`` too), so each setting is compared after filling it from
  ``SYSTEM_DEFAULT_CONFIGURATION``; an import of, or a refresh from, a Graph that answers the whole object
  plans no change.
* :meth:`~DefaultConfigurationResource.recalculated_value`: ``isServiceDefault`` is computed. Any PATCH
  leaves it ``false`` (the local Graph's ``apply_default_update``, [assumption] for Graph: "If false, the
  default settings are customized"), so a write of a configuration that states a setting plans ``false``;
  one that states none sends the whole system default, which Graph may report as the service default
  again, so it stays unknown.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from tf.types import Unknown

from constructs_xtap.provider.kind_resource import KindResource
from constructs_xtap.provider.kind_state import SettingFill, known
from constructs_xtap.wire import DEFAULT, SYSTEM_DEFAULT_CONFIGURATION, KindAttribute

IS_SERVICE_DEFAULT = "is_service_default"


def filled_from(value: Any, default: Any) -> Any:
    """``value`` with every member left out or ``null`` taken from ``default``, object by object."""
    if value is None:
        return copy.deepcopy(default)
    if not isinstance(value, Mapping) or not isinstance(default, Mapping):
        return value
    filled = dict(value)
    for name, member in default.items():
        if filled.get(name) is None:
            filled[name] = copy.deepcopy(member)
        else:
            filled[name] = filled_from(filled[name], member)
    return filled


def system_default_fill(attribute: KindAttribute, value: Any) -> Any:
    """A default configuration setting as it is compared: filled from its system default."""
    if value is Unknown:
        return value
    return filled_from(value, SYSTEM_DEFAULT_CONFIGURATION.get(str(attribute.graph_name)))


class DefaultConfigurationResource(KindResource):
    """Terraform's view of the default cross-tenant access configuration."""

    kind = DEFAULT
    noun = "default cross-tenant access configuration"
    recalculated = (IS_SERVICE_DEFAULT,)
    construct_resource = "defaults.resource"

    def setting_fill(self) -> SettingFill | None:
        return system_default_fill

    def recalculated_value(self, name: str, planned: Mapping[str, Any]) -> Any:
        states_a_setting = any(
            planned.get(a.name) is Unknown or known(planned.get(a.name)) is not None
            for a in self.face().json_attributes
        )
        if name == IS_SERVICE_DEFAULT and states_a_setting:
            return False
        return Unknown
