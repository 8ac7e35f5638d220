"""The ``cisa`` pack: CISA SCuBA baseline policies for Entra ID that cross-tenant access settings decide."""

from __future__ import annotations

from constructs_xtap.guardrails.pack import Pack
from constructs_xtap.guardrails.rules import CISA_MS_AAD_8_3

CISA_PACK = Pack(
    name="cisa",
    rules=(CISA_MS_AAD_8_3,),
    description="CISA SCuBA Microsoft 365 baseline for Entra ID (cisagov/ScubaGear), as Maester tests it",
)
