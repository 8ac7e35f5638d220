"""``DEFAULT_PACKS``: what ``Guardrails()`` runs when given no packs: every pack."""

from __future__ import annotations

from constructs_xtap.guardrails.admin_center_pack import ADMIN_CENTER_PACK
from constructs_xtap.guardrails.cisa_pack import CISA_PACK
from constructs_xtap.guardrails.microsoft_pack import MICROSOFT_PACK
from constructs_xtap.guardrails.pack import Pack

#: ``cisa``, ``microsoft`` and ``admin-center``, in that order.
DEFAULT_PACKS: tuple[Pack, ...] = (CISA_PACK, MICROSOFT_PACK, ADMIN_CENTER_PACK)
