"""FlagCell: a yes/no setting of one tenant (a trust claim, automatic consent, identity sync)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from constructs_xtap.picture.access_cell import INHERITED, SYSTEM_DEFAULT, UNKNOWN
from constructs_xtap.picture.cell_json import cell_json

#: The source of a cell that does not apply to its row (identity sync on the default).
NOT_APPLICABLE = "not applicable"


@dataclass(frozen=True)
class FlagCell:
    """``value``: ``True``, ``False`` or ``None`` (not known, or not applicable: ``source`` says which);
    ``source``: ``own``, ``inherited``, ``system default``, ``unknown`` or ``not applicable``."""

    value: bool | None
    source: str

    @property
    def verdict(self) -> str:
        """``"yes"``, ``"no"``, ``"none"`` (not applicable) or ``"unknown"``: the colour of the cell."""
        if self.value is None:
            return "none" if self.source == NOT_APPLICABLE else UNKNOWN
        return "yes" if self.value else "no"

    @property
    def summary(self) -> str:
        """``"yes"``, ``"no"``, ``"—"`` (not applicable) or ``"not known"``."""
        if self.value is None:
            return "—" if self.source == NOT_APPLICABLE else "not known"
        return "yes" if self.value else "no"

    @property
    def text(self) -> str:
        """``"inherited (no)"``, ``"system default (no)"`` or the summary alone."""
        if self.source == INHERITED:
            return "inherited" if self.value is None else f"inherited ({self.summary})"
        if self.source == SYSTEM_DEFAULT:
            return f"system default ({self.summary})"
        return self.summary

    def to_json(self) -> dict[str, Any]:
        """``{"source", "summary", "text", "value", "verdict"}``."""
        return cell_json(self, value=self.value)
