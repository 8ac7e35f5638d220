"""One target of a cross-tenant rule: a user, group or application id, or a reserved keyword."""

from __future__ import annotations

from dataclasses import dataclass

from constructs_xtap.constructs.target_type import TargetType


@dataclass(frozen=True)
class Target:
    """A user, group or application the rule applies to (Graph's crossTenantAccessPolicyTarget).

    ``target`` is an object id / application id GUID, a deploy-time value such as an azuread group's
    ``object_id``, or one of the keywords ``AllUsers``, ``AllApplications``, ``AllMicrosoftApps``,
    ``Office365``. Prefer the factories, which pair each keyword with the only type Graph accepts for it.
    """

    target: str
    target_type: TargetType | str

    @classmethod
    def user(cls, object_id: str) -> Target:
        """One user, by object id."""
        return cls(object_id, TargetType.USER)

    @classmethod
    def group(cls, object_id: str) -> Target:
        """One group, by object id (may be a token, e.g. ``Group(...).object_id``)."""
        return cls(object_id, TargetType.GROUP)

    @classmethod
    def application(cls, app_id: str) -> Target:
        """One application, by client or resource application id."""
        return cls(app_id, TargetType.APPLICATION)

    @classmethod
    def all_users(cls) -> Target:
        """Every user (``AllUsers``); cannot be listed beside specific users or groups."""
        return cls("AllUsers", TargetType.USER)

    @classmethod
    def all_applications(cls) -> Target:
        """Every Microsoft cloud application (``AllApplications``); cannot be listed beside specific apps."""
        return cls("AllApplications", TargetType.APPLICATION)

    @classmethod
    def office365(cls) -> Target:
        """The applications of the Office 365 suite (``Office365``)."""
        return cls("Office365", TargetType.APPLICATION)
