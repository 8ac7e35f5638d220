"""Between Terraform state of ``xtap_partner_configuration`` and Graph's partner object.

State keeps the configuration's spelling of a setting whenever Graph holds the same meaning
(:func:`~constructs_xtap.wire.settings_equal`: key and ``targets`` order, GUID case, annotations, ``null``
members), so a read never shows a change that is not one. A value Graph changed is stored in its
canonical form (:func:`~constructs_xtap.wire.canonical_setting`), so an import reads the same however
Graph happened to order or spell it.
Properties Graph returns that we do not manage (``isInMultiTenantOrganization``, ``m365Collaboration*``,
``crossCloudMeetingConfiguration``…) are ignored on purpose.
"""

from __future__ import annotations

from typing import Any

from tf.types import Unknown

from constructs_xtap.provider.terraform_json import JsonObject, JsonText
from constructs_xtap.wire import (
    JSON_SETTINGS,
    UNKNOWN_FUTURE_VALUE,
    aligned_setting,
    canonical_setting,
    settings_equal,
)
from constructs_xtap.wire.partner_schema import ATTR_ID, ATTR_IS_SERVICE_PROVIDER, ATTR_TENANT_ID


def _known(value: Any) -> Any:
    return None if value is Unknown else value


def create_body(planned: dict[str, Any]) -> dict[str, Any]:
    """The POST body: ``tenantId`` always, each set setting as configured, ``isServiceProvider`` if true.

    Settings that mean "inherit" are left out (Graph stores them as ``null``). ``isServiceProvider: false``
    is Graph's default, so it is not sent either.
    """
    body: dict[str, Any] = {"tenantId": planned[ATTR_TENANT_ID]}
    for setting in JSON_SETTINGS:
        value = _known(planned.get(setting.attribute))
        if canonical_setting(value) is not None:
            body[setting.graph_name] = value
    if _known(planned.get(ATTR_IS_SERVICE_PROVIDER)) is True:
        body["isServiceProvider"] = True
    return body


def patch_body(current: dict[str, Any], planned: dict[str, Any]) -> dict[str, Any]:
    """The PATCH body: the complete desired value of each changed setting; a removed one is ``null``.

    Graph replaces each top-level property wholesale (arrays included), so a partial value would lose data.
    """
    body: dict[str, Any] = {}
    for setting in JSON_SETTINGS:
        want = _known(planned.get(setting.attribute))
        have = _known(current.get(setting.attribute))
        if canonical_setting(want) != canonical_setting(have):
            body[setting.graph_name] = want if canonical_setting(want) is not None else None
    return body


def differing_settings(partner: dict[str, Any], body: dict[str, Any]) -> list[str]:
    """Attribute names whose meaning differs between a Graph partner and a body we sent (or would send)."""
    differing = [
        s.attribute
        for s in JSON_SETTINGS
        if canonical_setting(partner.get(s.graph_name)) != canonical_setting(body.get(s.graph_name))
    ]
    if bool(partner.get("isServiceProvider")) != bool(body.get("isServiceProvider")):
        differing.append(ATTR_IS_SERVICE_PROVIDER)
    return differing


def state_from_partner(partner: dict[str, Any], *, tenant_id: str, prior: dict[str, Any]) -> dict[str, Any]:
    """Terraform state for a partner Graph returned, keeping ``prior``'s spelling where it means the same."""
    state: dict[str, Any] = {ATTR_ID: tenant_id, ATTR_TENANT_ID: tenant_id}
    for setting in JSON_SETTINGS:
        graph_value = canonical_setting(partner.get(setting.graph_name))
        prior_value = _known(prior.get(setting.attribute))
        # Equal: the prior text stays. Changed: Graph's value, spelled like the prior where it did not change.
        state[setting.attribute] = aligned_setting(graph_value, prior_value)
    graph_sp = partner.get("isServiceProvider")
    prior_sp = _known(prior.get(ATTR_IS_SERVICE_PROVIDER))
    if bool(graph_sp) == bool(prior_sp):
        state[ATTR_IS_SERVICE_PROVIDER] = prior_sp  # null and false both mean "not a service provider"
    else:
        state[ATTR_IS_SERVICE_PROVIDER] = True if graph_sp else None if prior_sp is None else False
    return state


def keep_equal_settings(prior: dict[str, Any], planned: dict[str, Any]) -> list[str]:
    """Plan no change for a configured setting that means what the prior state holds; return their names.

    Terraform accepts a planned value equal to either the configuration or the prior state, so the prior
    state's exact text is planned (toolchain-recipes.md §3.8): an import, or a configuration that writes
    the same targets in another order or case, plans "no changes".
    """
    kept: list[str] = []
    for setting in JSON_SETTINGS:
        have, want = prior.get(setting.attribute), planned.get(setting.attribute)
        if not isinstance(have, JsonObject) or want is None or want is Unknown:
            continue  # Terraform lets a plan keep the prior value only when neither side is null
        if getattr(want, "text", None) != have.text and settings_equal(have, want):
            planned[setting.attribute] = JsonText(have.text)
            kept.append(setting.attribute)
    return kept


def unknown_enum_paths(partner: dict[str, Any]) -> list[str]:
    """Where Graph answered ``unknownFutureValue`` (a value newer than the API version we speak)."""
    found: list[str] = []

    def walk(value: Any, path: str) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                walk(item, f"{path}.{key}")
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(item, f"{path}[{index}]")
        elif value == UNKNOWN_FUTURE_VALUE:
            found.append(path)

    for setting in JSON_SETTINGS:
        walk(partner.get(setting.graph_name), setting.attribute)
    return found
