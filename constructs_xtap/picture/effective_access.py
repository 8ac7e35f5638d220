"""effective_access: what applies to each partner, once its unset settings inherit the default's."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from constructs_xtap.picture.access_cell import (
    INHERITED,
    OWN,
    PARTLY_INHERITED,
    SYSTEM_DEFAULT,
    UNKNOWN,
    AccessCell,
)
from constructs_xtap.picture.access_picture import AccessPicture
from constructs_xtap.picture.flag_cell import NOT_APPLICABLE, FlagCell
from constructs_xtap.picture.picture_column import COLUMNS, PictureColumn
from constructs_xtap.picture.rule import Rule
from constructs_xtap.picture.tenant_objects import TenantObjects
from constructs_xtap.picture.tenant_picture import TenantPicture
from constructs_xtap.wire import SYSTEM_DEFAULT_CONFIGURATION
from constructs_xtap.wire.graph_paths import graph_value as member

_MEMBERS = ("usersAndGroups", "applications")
#: The default's automatic consent is read-only and always off (R17), so partners inherit "no".
_DEFAULT_CONSENT = False


def _default_cell(default: Mapping[str, Any] | None, column: PictureColumn) -> AccessCell | FlagCell:
    if column.key == "identitySync":
        return FlagCell(None, NOT_APPLICABLE)
    if column.setting == "automaticUserConsentSettings":
        return FlagCell(_DEFAULT_CONSENT, SYSTEM_DEFAULT)
    if default is None:
        return AccessCell(None, None, UNKNOWN) if column.access else FlagCell(None, UNKNOWN)
    system = member(SYSTEM_DEFAULT_CONFIGURATION, column.graph_name)
    if column.access:
        rules = [Rule.from_graph(member(default, f"{column.graph_name}.{m}")) for m in _MEMBERS]
        system_rules = [Rule.from_graph(member(system, m)) for m in _MEMBERS]
        return AccessCell(rules[0], rules[1], SYSTEM_DEFAULT if rules == system_rules else OWN)
    value = member(default, column.graph_name)
    flag = value if isinstance(value, bool) else None
    return FlagCell(flag, SYSTEM_DEFAULT if flag is not None and flag == system else OWN)


def _partner_access(
    partner: Mapping[str, Any], default: Mapping[str, Any] | None, column: PictureColumn
) -> AccessCell:
    rules: list[Rule | None] = []
    for name in _MEMBERS:
        own = Rule.from_graph(member(partner, f"{column.graph_name}.{name}"))
        rules.append(own or Rule.from_graph(member(default, f"{column.graph_name}.{name}"), inherited=True))
    inherited = [rule is None or rule.inherited for rule in rules]
    source = INHERITED if all(inherited) else OWN if not any(inherited) else PARTLY_INHERITED
    return AccessCell(rules[0], rules[1], source)


def _partner_flag(
    partner: Mapping[str, Any],
    default: Mapping[str, Any] | None,
    column: PictureColumn,
    identity_synchronization: Mapping[str, Any] | None,
) -> FlagCell:
    if column.key == "identitySync":
        if identity_synchronization is None:
            return FlagCell(False, "not configured")
        value = member(identity_synchronization, "userSyncInbound.isSyncAllowed")
        return FlagCell(value if isinstance(value, bool) else None, OWN)
    own = member(partner, column.graph_name)
    if isinstance(own, bool):
        return FlagCell(own, OWN)
    if column.setting == "automaticUserConsentSettings":
        return FlagCell(_DEFAULT_CONSENT, INHERITED)
    inherited = member(default, column.graph_name)
    return FlagCell(inherited if isinstance(inherited, bool) else None, INHERITED)


def partner_picture(
    partner: Mapping[str, Any],
    default: Mapping[str, Any] | None,
    *,
    name: str | None = None,
    identity_synchronization: Mapping[str, Any] | None = None,
) -> TenantPicture:
    """One partner's row: each of :data:`COLUMNS` from the partner's own setting (member by member, trust
    claim by claim) or else the default's (``inherited``). ``partner`` is Graph's partner configuration
    (``tenantId`` and the settings, ``null`` = inherit); ``default`` the default configuration or ``None``
    (not known: inherited cells say so)."""
    cells: dict[str, AccessCell | FlagCell] = {
        column.key: _partner_access(partner, default, column)
        if column.access
        else _partner_flag(partner, default, column, identity_synchronization)
        for column in COLUMNS
    }
    tenant_id = partner.get("tenantId")
    return TenantPicture(str(tenant_id), name, cells)


def default_picture(default: Mapping[str, Any] | None) -> TenantPicture:
    """The default row: each setting marked ``system default`` when it equals
    :data:`SYSTEM_DEFAULT_CONFIGURATION`'s, else ``own``; all ``unknown`` when ``default`` is ``None``."""
    return TenantPicture(None, None, {column.key: _default_cell(default, column) for column in COLUMNS})


def effective_access(objects: TenantObjects, source: str) -> AccessPicture:
    """The picture of ``objects``: the default row, then one row per partner sorted by tenant id.

    Inheritance follows Graph: a partner's ``null`` setting, or ``null`` member of one (``usersAndGroups``,
    ``applications``, a trust claim), takes the default configuration's; automatic consent inherits the
    default's fixed ``false``; identity sync is the partner's own or ``not configured``.
    """
    partners = sorted(objects.partners, key=lambda p: str(p.get("tenantId")))
    return AccessPicture(
        source=source,
        default=default_picture(objects.default),
        partners=tuple(
            partner_picture(
                partner,
                objects.default,
                name=objects.names.get(str(partner.get("tenantId"))),
                identity_synchronization=objects.identity_synchronizations.get(str(partner.get("tenantId"))),
            )
            for partner in partners
        ),
    )
