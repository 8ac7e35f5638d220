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
from constructs_xtap.picture.rule import Rule
from constructs_xtap.picture.tenant_picture import TenantPicture
from constructs_xtap.wire import IDENTITY_SYNCHRONIZATION, SYSTEM_DEFAULT_CONFIGURATION, TenantSnapshot
from constructs_xtap.wire.graph_path import graph_value
from constructs_xtap.wire.graph_properties import AUTOMATIC_USER_CONSENT_SETTINGS, DISPLAY_NAME, TENANT_ID
from constructs_xtap.wire.graph_types import B2B_SETTING
from constructs_xtap.wire.setting_columns import SETTING_COLUMNS, SettingColumn

#: An access cell's two rules: users (and groups), then applications.
_MEMBERS = B2B_SETTING.target_lists
#: The default's automatic consent is read-only and always off (R17), so partners inherit "no".
_DEFAULT_CONSENT = False


def _synchronization(column: SettingColumn) -> str | None:
    """The path of ``column`` inside a partner's identity synchronization, ``None`` for a partner's own."""
    if column.setting != IDENTITY_SYNCHRONIZATION.navigation:
        return None
    return column.graph_name.split(".", 1)[1]


def _default_cell(default: Mapping[str, Any] | None, column: SettingColumn) -> AccessCell | FlagCell:
    if _synchronization(column) is not None:
        return FlagCell(None, NOT_APPLICABLE)
    if column.setting == AUTOMATIC_USER_CONSENT_SETTINGS.name:
        return FlagCell(_DEFAULT_CONSENT, SYSTEM_DEFAULT)
    if default is None:
        return AccessCell(None, None, UNKNOWN) if column.access else FlagCell(None, UNKNOWN)
    system = graph_value(SYSTEM_DEFAULT_CONFIGURATION, column.graph_name)
    if column.access:
        rules = [Rule.from_graph(graph_value(default, f"{column.graph_name}.{m}")) for m in _MEMBERS]
        system_rules = [Rule.from_graph(graph_value(system, m)) for m in _MEMBERS]
        return AccessCell(rules[0], rules[1], SYSTEM_DEFAULT if rules == system_rules else OWN)
    value = graph_value(default, column.graph_name)
    flag = value if isinstance(value, bool) else None
    return FlagCell(flag, SYSTEM_DEFAULT if flag is not None and flag == system else OWN)


def _partner_access(
    partner: Mapping[str, Any], default: Mapping[str, Any] | None, column: SettingColumn
) -> AccessCell:
    rules: list[Rule | None] = []
    for name in _MEMBERS:
        own = Rule.from_graph(graph_value(partner, f"{column.graph_name}.{name}"))
        rules.append(
            own or Rule.from_graph(graph_value(default, f"{column.graph_name}.{name}"), inherited=True)
        )
    inherited = [rule is None or rule.inherited for rule in rules]
    source = INHERITED if all(inherited) else OWN if not any(inherited) else PARTLY_INHERITED
    return AccessCell(rules[0], rules[1], source)


def _partner_flag(
    partner: Mapping[str, Any],
    default: Mapping[str, Any] | None,
    column: SettingColumn,
    identity_synchronization: Mapping[str, Any] | None,
) -> FlagCell:
    in_synchronization = _synchronization(column)
    if in_synchronization is not None:
        if identity_synchronization is None:
            return FlagCell(False, "not configured")
        value = graph_value(identity_synchronization, in_synchronization)
        return FlagCell(value if isinstance(value, bool) else None, OWN)
    own = graph_value(partner, column.graph_name)
    if isinstance(own, bool):
        return FlagCell(own, OWN)
    if column.setting == AUTOMATIC_USER_CONSENT_SETTINGS.name:
        return FlagCell(_DEFAULT_CONSENT, INHERITED)
    inherited = graph_value(default, column.graph_name)
    return FlagCell(inherited if isinstance(inherited, bool) else None, INHERITED)


def partner_picture(
    partner: Mapping[str, Any],
    default: Mapping[str, Any] | None,
    *,
    name: str | None = None,
    identity_synchronization: Mapping[str, Any] | None = None,
) -> TenantPicture:
    """One partner's row: each of :data:`SETTING_COLUMNS` from the partner's own setting (member by member,
    trust claim by claim) or else the default's (``inherited``). ``partner`` is Graph's partner configuration
    (``tenantId`` and the settings, ``null`` = inherit); ``default`` the default configuration or ``None``
    (not known: inherited cells say so)."""
    cells: dict[str, AccessCell | FlagCell] = {
        column.key: _partner_access(partner, default, column)
        if column.access
        else _partner_flag(partner, default, column, identity_synchronization)
        for column in SETTING_COLUMNS
    }
    tenant_id = partner.get(TENANT_ID.name)
    return TenantPicture(str(tenant_id), name, cells)


def default_picture(default: Mapping[str, Any] | None) -> TenantPicture:
    """The default row: each setting marked ``system default`` when it equals
    :data:`SYSTEM_DEFAULT_CONFIGURATION`'s, else ``own``; all ``unknown`` when ``default`` is ``None``."""
    return TenantPicture(
        None, None, {column.key: _default_cell(default, column) for column in SETTING_COLUMNS}
    )


def effective_access(objects: TenantSnapshot, source: str) -> AccessPicture:
    """The picture of ``objects``: the default row, then one row per partner sorted by tenant id.

    Inheritance follows Graph: a partner's ``null`` setting, or ``null`` member of one (``usersAndGroups``,
    ``applications``, a trust claim), takes the default configuration's; automatic consent inherits the
    default's fixed ``false``; identity sync is the partner's own or ``not configured``. A partner without
    a name in ``objects.names`` is named by its identity synchronization's ``displayName``, if any.
    """
    rows = []
    for partner in sorted(objects.partners, key=lambda p: str(p.get(TENANT_ID.name))):
        tenant_id = str(partner.get(TENANT_ID.name))
        sync = objects.identity_synchronizations.get(tenant_id)
        name = objects.names.get(tenant_id) or (sync or {}).get(DISPLAY_NAME.name)
        rows.append(
            partner_picture(
                partner,
                objects.default,
                name=name if isinstance(name, str) and name else None,
                identity_synchronization=sync,
            )
        )
    return AccessPicture(source=source, default=default_picture(objects.default), partners=tuple(rows))
