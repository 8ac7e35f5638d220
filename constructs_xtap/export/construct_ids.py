"""Readable, stable construct ids for exported partners."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping

#: Ids the exported stack gives its other constructs.
RESERVED_IDS: frozenset[str] = frozenset({"defaults", "policy"})


def _slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


def construct_ids(tenant_ids: Iterable[str], display_names: Mapping[str, str]) -> dict[str, str]:
    """A construct id per tenant id (lower case), e.g. ``{"3d0f…": "fabrikam-ltd"}``.

    The id is the tenant's display name in lower-case ASCII words joined by ``-`` ("Fabrikam, Ltd." →
    ``fabrikam-ltd``), or ``tenant-<tenant id>`` when ``display_names`` has no usable name for it. Names
    that would collide (two tenants called the same, or a name equal to ``defaults``/``policy``) get the
    first 8 characters of their tenant id appended, and the whole tenant id if that still collides. The
    result depends only on the tenants and their names, never on the order they come in, so exporting
    again gives the same ids.
    """
    tenants = sorted({t.lower() for t in tenant_ids})
    base = {t: _slug(display_names.get(t, "")) or f"tenant-{t}" for t in tenants}
    counts = Counter(base.values())
    ids = {t: f"{b}-{t[:8]}" if counts[b] > 1 or b in RESERVED_IDS else b for t, b in base.items()}
    counts = Counter(ids.values())
    return {t: f"{base[t]}-{t}" if counts[i] > 1 else i for t, i in ids.items()}
