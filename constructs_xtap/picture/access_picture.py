"""AccessPicture: the default configuration and every partner, each setting as it applies."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from constructs_xtap.picture.tenant_picture import TenantPicture
from constructs_xtap.wire.setting_columns import SETTING_COLUMNS

#: The version of :meth:`AccessPicture.to_json`'s document; a script can check it.
PICTURE_FORMAT = 1


@dataclass(frozen=True)
class AccessPicture:
    """``source`` says where the objects came from (``"synth: cdktf.out/stacks/partners"``, ``"live:
    https://graph.microsoft.com"``); ``default`` is the default row; ``partners`` are sorted by tenant id."""

    source: str
    default: TenantPicture
    partners: tuple[TenantPicture, ...]

    @property
    def rows(self) -> tuple[TenantPicture, ...]:
        """The default row first, then the partners."""
        return (self.default, *self.partners)

    def to_json(self) -> dict[str, Any]:
        """The stable document ``xtap show --format json`` prints: ``{"columns": [{"group", "key",
        "title"}], "default": row, "format": 1, "partners": [row], "source"}`` (rows:
        :meth:`TenantPicture.to_json`)."""
        return {
            "columns": [{"group": c.group, "key": c.key, "title": c.title} for c in SETTING_COLUMNS],
            "default": self.default.to_json(),
            "format": PICTURE_FORMAT,
            "partners": [p.to_json() for p in self.partners],
            "source": self.source,
        }
