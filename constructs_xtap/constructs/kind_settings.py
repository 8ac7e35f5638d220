"""The JSON-string attributes of each Graph object kind, read from its one description (wire.object_kinds).

A kind's writable nested settings (``ObjectKind.settings``, Graph names) are carried in Terraform as
``jsonencode``-style string attributes named in snake_case: ``b2bCollaborationInbound`` is
``b2b_collaboration_inbound``. The L1 bindings and the L2 constructs take their attribute lists from here,
so a setting added to a kind's description appears in synth at once.
"""

from __future__ import annotations

from types import MappingProxyType

from constructs_xtap.wire import GRAPH_TO_SNAKE, SNAKE_TO_GRAPH, JsonSetting, ObjectKind

#: Wire names wire.graph_names does not hold yet; each one is dropped here once it does (the wire wins).
_PENDING_SNAKE_TO_GRAPH: MappingProxyType[str, str] = MappingProxyType(
    {
        "invitation_redemption_identity_provider_configuration": (
            "invitationRedemptionIdentityProviderConfiguration"
        ),
        "primary_identity_provider_precedence_order": "primaryIdentityProviderPrecedenceOrder",
        "fallback_identity_provider": "fallbackIdentityProvider",
        "allowed_cloud_endpoints": "allowedCloudEndpoints",
    }
)
_PENDING_GRAPH_TO_SNAKE = {graph: snake for snake, graph in _PENDING_SNAKE_TO_GRAPH.items()}


def graph_name(snake: str) -> str:
    """Graph's exact camelCase name for a snake_case name; ``KeyError`` names an unknown one."""
    name = SNAKE_TO_GRAPH.get(snake) or _PENDING_SNAKE_TO_GRAPH.get(snake)
    if name is None:
        raise KeyError(f"no Graph wire name is known for {snake!r}")
    return name


def kind_json_settings(kind: ObjectKind) -> tuple[JsonSetting, ...]:
    """Every writable nested setting of ``kind`` as (Terraform attribute, Graph name), in the kind's order."""
    return tuple(
        JsonSetting(attribute=GRAPH_TO_SNAKE.get(name) or _PENDING_GRAPH_TO_SNAKE[name], graph_name=name)
        for name in kind.settings
    )
