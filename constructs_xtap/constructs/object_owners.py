"""``ObjectOwners``: which construct of a stack manages each Graph object, so no object has two owners."""

from __future__ import annotations

import weakref
from typing import Any, ClassVar

from constructs_xtap.constructs.validation_problem import ValidationProblem
from constructs_xtap.wire import DEFAULT, POLICY, ObjectKind

# How the problem names each kind's object; any other kind is named after its description.
_NOUNS = {DEFAULT.name: "default configuration", POLICY.name: "cross-tenant access policy"}


class ObjectOwners:
    """The owner (construct path) of every Graph object of one stack, by kind, provider alias and key.

    Graph keeps one partner per tenant id (graph-api.md §3.1 R5) and one default configuration and one
    policy per tenant (singletons, ``ObjectKind.key`` ``None``). Two constructs for one object under one
    provider configuration would be two Terraform resources for one Graph object: each apply undoes the
    other's settings (and a second partner's create meets 409). The same object under two provider aliases
    (two home tenants being managed) or in two stacks is two objects, and legal. Keys compare
    case-insensitively (Graph's ids do); tokens are never compared (callers skip them).
    """

    _of_stack: ClassVar[weakref.WeakKeyDictionary[Any, ObjectOwners]] = weakref.WeakKeyDictionary()

    def __init__(self) -> None:
        self._owners: dict[tuple[str, str | None, str], str] = {}

    @classmethod
    def of(cls, stack: Any) -> ObjectOwners:
        """The one registry of ``stack`` (a cdktf or cdktn ``TerraformStack``), created on first use."""
        owners = cls._of_stack.get(stack)
        if owners is None:
            owners = cls._of_stack[stack] = cls()
        return owners

    def check(
        self, path: str, construct: str, kind: ObjectKind, alias: str | None, key: str | None = None
    ) -> list[ValidationProblem]:
        """The problem of ``path`` (a ``construct``, e.g. ``"CrossTenantAccessPartner"``) managing the
        ``kind`` object keyed ``key`` (``None`` for a singleton) through the provider ``alias``: [] when no
        other construct does yet, else one problem naming both construct paths: on ``tenant_id`` for a
        keyed object, on the construct as a whole (property ``""``) for a singleton."""
        owner = self._owners.get(_slot(kind, alias, key))
        if owner is None:
            return []
        provider = "the default xtap provider" if alias is None else f"the xtap provider alias {alias!r}"
        noun = _NOUNS.get(kind.name, kind.name.replace("_", " "))
        fix = (
            f"merge these settings into {owner!r} and remove {path!r}; only another home tenant, through "
            "another XtapProvider alias, may add it"
        )
        if key is None:  # a singleton: the construct itself is the second one, no property is at fault
            return [
                ValidationProblem(
                    path,
                    "",
                    None,
                    f"there is already a {construct} in this stack for {provider}: {owner!r}; two resources "
                    f"would own the one Graph {noun} (Graph keeps one per tenant) and each deploy would undo "
                    "the other's settings",
                    f"keep one {construct} per stack and provider: {fix}",
                )
            ]
        return [
            ValidationProblem(
                path,
                "tenant_id",
                key,
                f"is already managed by {owner!r} through {provider}; two resources would own one Graph "
                f"{noun} (Graph keeps one per tenant id) and each deploy would undo the other's settings",
                f"keep one {construct} per tenant: {fix}",
            )
        ]

    def claim(self, path: str, kind: ObjectKind, alias: str | None, key: str | None = None) -> None:
        """Record ``path`` as the owner of the ``kind`` object keyed ``key`` through ``alias``."""
        self._owners.setdefault(_slot(kind, alias, key), path)


def _slot(kind: ObjectKind, alias: str | None, key: str | None) -> tuple[str, str | None, str]:
    return kind.name, alias, "" if key is None else key.lower()
