"""Automatic redemption: suppress the consent prompt for users crossing to or from the partner."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cdktf import IResolvable


@dataclass(frozen=True)
class AutomaticUserConsent:
    """Suppress the first-use consent prompt (Graph's ``automaticUserConsentSettings``).

    Every field defaults to ``None``: left out of the body, so the default applies (always ``false``).
    The prompt is only suppressed when the partner tenant sets the matching opposite direction too.
    """

    inbound_allowed: bool | IResolvable | None = None
    outbound_allowed: bool | IResolvable | None = None
