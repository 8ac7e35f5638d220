"""TenantPicture: one row of the picture, the default configuration or one partner."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from constructs_xtap.picture.access_cell import AccessCell
from constructs_xtap.picture.flag_cell import FlagCell
from constructs_xtap.picture.rule import short_id
from constructs_xtap.wire.graph_properties import TENANT_ID


@dataclass(frozen=True)
class TenantPicture:
    """What applies to one tenant: ``tenant_id`` (``None`` on the default row), ``name`` (a display or
    construct name, ``None`` when not known) and ``cells`` keyed by :data:`SETTING_COLUMNS`' keys."""

    tenant_id: str | None
    name: str | None
    cells: Mapping[str, AccessCell | FlagCell]

    @property
    def label(self) -> str:
        """``"default"``, ``"fabrikam (3d0f5dec…)"`` or the short tenant id alone."""
        if self.tenant_id is None:
            return "default"
        if self.tenant_id.startswith("("):  # "(known after apply)": not an id to shorten
            return f"{self.name} {self.tenant_id}" if self.name else self.tenant_id
        if self.name:
            return f"{self.name} ({short_id(self.tenant_id)})"
        return short_id(self.tenant_id)

    def to_json(self) -> dict[str, Any]:
        """``{"cells": {key: cell}, "label", "name", TENANT_ID.name}``."""
        return {
            "cells": {key: cell.to_json() for key, cell in self.cells.items()},
            "label": self.label,
            "name": self.name,
            TENANT_ID.name: self.tenant_id,
        }
