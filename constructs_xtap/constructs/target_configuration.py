"""Who or what a cross-tenant rule applies to, and whether it allows or blocks them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from constructs_xtap.constructs.access_type import AccessType
from constructs_xtap.constructs.target import Target


@dataclass(frozen=True)
class TargetConfiguration:
    """Allow or block a list of targets (Graph's crossTenantAccessPolicyTargetConfiguration).

    ``targets`` must not be empty; it is stored as a tuple so the setting stays immutable.
    Wrong types are kept as given, never raised here: ``CrossTenantAccessPartner`` reports them with
    its construct path, beside every other problem.
    """

    access_type: AccessType | str
    targets: Sequence[Target]

    def __post_init__(self) -> None:
        # Frozen: a caller's list must not be able to change the setting after validation.
        # A str is a Sequence too, but of characters: it stays as given so validation rejects it whole.
        if isinstance(self.targets, Sequence) and not isinstance(self.targets, str | bytes | bytearray):
            object.__setattr__(self, "targets", tuple(self.targets))

    @classmethod
    def allowed(cls, *targets: Target) -> TargetConfiguration:
        """Allow exactly these targets (everything else in the same list is blocked)."""
        return cls(AccessType.ALLOWED, targets)

    @classmethod
    def blocked(cls, *targets: Target) -> TargetConfiguration:
        """Block exactly these targets (everything else in the same list is allowed)."""
        return cls(AccessType.BLOCKED, targets)
