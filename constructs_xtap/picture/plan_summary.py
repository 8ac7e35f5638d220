"""plan_summary: a Terraform plan's effect on cross-tenant access, in the picture's words, as Markdown."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from constructs_xtap.picture.effective_access import default_picture, partner_picture
from constructs_xtap.picture.markdown_table import markdown_cell
from constructs_xtap.picture.other_clouds import other_clouds
from constructs_xtap.picture.planned_objects import KNOWN_AFTER_APPLY, PlannedObjects, planned_objects
from constructs_xtap.picture.setting_changes import setting_change_lines
from constructs_xtap.picture.tenant_picture import TenantPicture
from constructs_xtap.wire import DEFAULT, IDENTITY_SYNCHRONIZATION, PARTNER, TenantSnapshot, graph_property
from constructs_xtap.wire.graph_properties import IS_SERVICE_PROVIDER, TENANT_ID
from constructs_xtap.wire.setting_columns import SETTING_COLUMNS, SettingColumn

_PARTNER_SETTINGS = (*PARTNER.settings, IS_SERVICE_PROVIDER.name)

#: Section order: what a reviewer must look at first comes first.
SECTIONS = (
    ("replace", "Replaced (deleted, then created again)"),
    ("delete", "Deleted (the tenant falls back to the default)"),
    ("create", "Created"),
    ("update", "Updated"),
    ("no-op", "Changed through the default (inherited settings)"),
)

_HEADLINES = {
    "replace": "is replaced (deleted, then created again)",
    "delete": "is deleted (the tenant gets the default again)",
}


def _attribute(column: SettingColumn) -> str:
    """The Terraform attribute that holds ``column``'s value (planned unknown: ``(known after apply)``)."""
    if column.setting != IDENTITY_SYNCHRONIZATION.navigation:
        return graph_property(column.setting).attribute
    assert IDENTITY_SYNCHRONIZATION.terraform is not None
    path = column.graph_name.split(".", 1)[1]  # userSyncInbound.isSyncAllowed, in the sync's own object
    return next(a.name for a in IDENTITY_SYNCHRONIZATION.terraform.attributes if a.graph_name == path)


def _row(objects: TenantSnapshot, tenant: str, name: str | None) -> TenantPicture:
    partner = next((p for p in objects.partners if p.get(TENANT_ID.name) == tenant), {TENANT_ID.name: tenant})
    return partner_picture(
        partner,
        objects.default,
        name=name,
        identity_synchronization=objects.identity_synchronizations.get(tenant),
    )


def _picture_lines(
    label: str, before: TenantPicture, after: TenantPicture, unknown: frozenset[str]
) -> tuple[list[str], set[str]]:
    """The lines of the picture's cells that change, and the Graph settings they show."""
    lines = []
    shown = set()
    for column in SETTING_COLUMNS:
        old = before.cells[column.key].text
        new = KNOWN_AFTER_APPLY if _attribute(column) in unknown else after.cells[column.key].text
        if old != new:
            shown.add(column.setting)
            lines.append(
                f"- {markdown_cell(label)}: {column.title}: {markdown_cell(old)} → {markdown_cell(new)}"
            )
    return lines, shown


def _lines(label: str, before: TenantPicture, after: TenantPicture, unknown: frozenset[str]) -> list[str]:
    return _picture_lines(label, before, after, unknown)[0]


def _partner_lines(
    label: str,
    objects: tuple[TenantSnapshot, TenantSnapshot],
    tenants: tuple[str, str],
    pictures: tuple[TenantPicture, TenantPicture],
    unknown: frozenset[str],
) -> list[str]:
    """The picture's lines for a partner, then one per other setting that changes (Microsoft 365
    collaboration, app service connect, a part of a setting the picture does not show)."""
    lines, shown = _picture_lines(label, *pictures, unknown)
    before, after = (
        next((p for p in side.partners if p.get(TENANT_ID.name) == tenant), {})
        for side, tenant in zip(objects, tenants, strict=True)
    )
    return lines + setting_change_lines(
        label, before, after, _PARTNER_SETTINGS, shown=shown, unknown=unknown, on_partner=True
    )


def summarize_planned(planned: PlannedObjects) -> str:
    """The Markdown of :func:`plan_summary` for already-read :class:`PlannedObjects`."""
    before, after = planned.before, planned.after
    sections: dict[str, list[str]] = {action: [] for action, _ in SECTIONS}
    default_lines, shown = _picture_lines(
        "default", default_picture(before.default), default_picture(after.default), frozenset()
    )
    if before.default is not None and after.default is not None:
        default_lines += setting_change_lines(
            "default", before.default, after.default, DEFAULT.settings, shown=shown, on_partner=False
        )
    if not default_lines and planned.actions.get("default") in ("update", "create"):
        default_lines = [f"- default: {planned.actions['default']}d, no effective change"]
    if planned.actions.get("default") not in (None, "no-op", "read"):
        sections["delete" if planned.actions["default"] == "delete" else "update"].extend(default_lines)
    policy_action = planned.actions.get("policy")
    clouds = other_clouds(before.policy), other_clouds(after.policy)
    if policy_action not in (None, "no-op", "read") and clouds[0] != clouds[1]:
        line = f"- policy: other Microsoft clouds: {clouds[0]} → {clouds[1]}"
        sections["delete" if policy_action == "delete" else "update"].append(line)
    names = {**before.names, **after.names}
    tenants = sorted({str(p.get(TENANT_ID.name)) for p in (*before.partners, *after.partners)})
    replaced_old = set(planned.replaced_from.values())
    for tenant in tenants:
        if tenant in replaced_old:
            continue
        action = planned.actions.get(tenant, "no-op")
        row_after = _row(after, tenant, names.get(tenant))
        unknown = planned.unknown.get(tenant, frozenset())
        old_tenant = planned.replaced_from.get(tenant)
        if old_tenant is not None:
            row_before = _row(before, old_tenant, names.get(old_tenant))
            gone = _row(after, old_tenant, names.get(old_tenant))
            sections["replace"].append(
                f"- **{markdown_cell(row_before.label)} is replaced by "
                f"{markdown_cell(row_after.label)}** (the tenant id changes)"
            )
            sections["replace"].extend(_lines(row_before.label, row_before, gone, frozenset()))
            fresh = _row(before, tenant, names.get(tenant))
            sections["replace"].extend(
                _partner_lines(
                    row_after.label, (before, after), (tenant, tenant), (fresh, row_after), unknown
                )
            )
            continue
        row_before = _row(before, tenant, names.get(tenant))
        lines = _partner_lines(
            row_after.label, (before, after), (tenant, tenant), (row_before, row_after), unknown
        )
        headline = _HEADLINES.get(action)
        if headline is not None:
            lines.insert(0, f"- **{markdown_cell(row_after.label)} {headline}**")
        if action in ("create", "update") and not lines:
            lines = [f"- {markdown_cell(row_after.label)}: {action}d, no effective change"]
        sections[action if action in sections else "update"].extend(lines)
    counts = planned.counts
    out = ["## Cross-tenant access plan", ""]
    if not any(sections.values()):
        return "\n".join([*out, "No change to cross-tenant access.", ""])
    if counts.get("replace") or counts.get("delete"):
        out += [
            f"**Review first:** {counts.get('replace', 0)} replaced, {counts.get('delete', 0)} deleted.",
            "",
        ]
    for action, title in SECTIONS:
        if sections[action]:
            out += [f"### {title}", "", *sections[action], ""]
    return "\n".join(out)


def plan_summary(plan: Mapping[str, Any]) -> str:
    """Markdown for a pull request: per changed partner, default or policy, one line per setting whose
    effective value changes, in the picture's words (``- vendor (4b2e8d61…): inbound B2B collaboration:
    inherited (blocked for all users) → allowed for all users to Office 365``). Replacements and deletions
    come first; a partner whose inherited settings change with the default is listed too. ``plan`` is
    ``terraform show -json PLAN``'s document; raises ``ValueError`` when it is not one."""
    return summarize_planned(planned_objects(plan))
