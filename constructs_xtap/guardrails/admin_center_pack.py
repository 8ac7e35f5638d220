"""The ``admin-center`` pack: the rules only the Entra admin center enforces (graph-api.md §3.1 R9-R11)."""

from __future__ import annotations

from constructs_xtap.constructs.admin_center_rule import ADMIN_CENTER_PACK as ADMIN_CENTER_PACK_NAME
from constructs_xtap.guardrails.pack import Pack
from constructs_xtap.guardrails.rules import ADMIN_CENTER_R9, ADMIN_CENTER_R10, ADMIN_CENTER_R11

ADMIN_CENTER_PACK = Pack(
    name=ADMIN_CENTER_PACK_NAME,
    rules=(ADMIN_CENTER_R9, ADMIN_CENTER_R10, ADMIN_CENTER_R11),
    description="consistency rules of the Entra admin center that Graph is not documented to enforce; "
    "warnings (the context xtap:adminCenterRules=error makes the constructs raise on them instead)",
)
