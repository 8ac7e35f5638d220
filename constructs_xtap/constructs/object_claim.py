"""``claim_object``: how every construct of a Graph object ends its checks (one owner per object, then raise
once or warn), so the partner, the default configuration and the policy settle the same way."""

from __future__ import annotations

from constructs import Construct

from constructs_xtap.constructs.admin_center_rules import raise_or_warn
from constructs_xtap.constructs.framework import stack_of
from constructs_xtap.constructs.object_owners import ObjectOwners
from constructs_xtap.constructs.validation_problem import ValidationProblem
from constructs_xtap.constructs.xtap_provider import XtapProvider
from constructs_xtap.wire import ObjectKind, is_guid


def claim_object(
    construct: Construct,
    path: str,
    kind: ObjectKind,
    provider: object,
    problems: list[ValidationProblem],
    findings: list[ValidationProblem],
    key: str | None = None,
) -> tuple[ValidationProblem, ...]:
    """Settle ``construct`` (at ``path``), which manages the ``kind`` object keyed ``key`` (``None`` for a
    singleton) through ``provider`` (an ``XtapProvider``; anything else, already a problem, counts as the
    stack's default): add the problem of a second owner in the stack (``ObjectOwners.check``) to
    ``problems``, then ``raise_or_warn`` (``XtapValidationError`` with every problem), then record the owner.
    A key that is not a GUID (a token, or an invalid id that is already a problem) is never compared.
    Returns the admin-center findings warned about."""
    owners = ObjectOwners.of(stack_of(construct))
    alias = provider.alias if isinstance(provider, XtapProvider) else None
    owned = kind.key is None or is_guid(key)
    if owned:
        problems = problems + owners.check(path, type(construct).__name__, kind, alias, key)
    warnings = raise_or_warn(construct, problems, findings)
    if owned:
        owners.claim(path, kind, alias, key)
    return warnings
