"""GUIDs as Entra writes them: tenant ids, object ids, application ids."""

from __future__ import annotations

import re

# fullmatch, never `$`: `$` also matches before a trailing newline, and "…d31a\n" is not a tenant id.
_GUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")


def is_guid(value: object) -> bool:
    """True when ``value`` is a string holding exactly one GUID in 8-4-4-4-12 form, any case."""
    return isinstance(value, str) and _GUID.fullmatch(value) is not None
