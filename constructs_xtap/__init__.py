"""constructs-xtap: cross-tenant access policy as code for Microsoft Entra ID.

Re-exports the construct library (every name of ``constructs_xtap.constructs.__all__``) and the guardrails'
``Guardrails`` and ``GuardrailsError`` (packs, rules and reports: ``constructs_xtap.guardrails``). The names
load on first use, not at import: the provider process (``constructs_xtap.provider``) imports this package too
and must not start the jsii/Node runtime cdktf needs. ``__all__`` is theirs, sorted, read on first use too.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the same names for type checkers, which read the library's sorted __all__
    from constructs_xtap.constructs import *  # noqa: F403
    from constructs_xtap.guardrails import Guardrails as Guardrails
    from constructs_xtap.guardrails import GuardrailsError as GuardrailsError

#: The names re-exported from ``constructs_xtap.guardrails``; every other name comes from ``.constructs``.
_GUARDRAILS = ("Guardrails", "GuardrailsError")


def __getattr__(name: str) -> Any:
    if name in _GUARDRAILS:
        return getattr(importlib.import_module("constructs_xtap.guardrails"), name)
    # Every exported name is a class; anything else (a submodule being imported, a probe) is answered
    # without loading the library.
    if name == "__all__" or name[:1].isupper():
        names: list[str] = importlib.import_module("constructs_xtap.constructs").__all__
        if name == "__all__":
            return sorted([*names, *_GUARDRAILS])
        if name in names:
            return getattr(importlib.import_module("constructs_xtap.constructs"), name)
    raise AttributeError(f"module 'constructs_xtap' has no attribute {name!r}")
