"""Turn anything raised while talking to Graph into a Terraform diagnostic: summary, detail, path.

The detail says what to do first, then the facts Microsoft support asks for: Graph's ``error.code``,
message, ``request-id``, ``client-request-id`` and how many tries were made. Never a Python traceback.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from constructs_xtap.graph.errors import (
    GraphAuthenticationError,
    GraphBadRequest,
    GraphConflict,
    GraphError,
    GraphForbidden,
    GraphNotFound,
    GraphRequestError,
    GraphResponseError,
    GraphServerError,
    GraphStatusError,
    GraphThrottled,
    GraphUnauthorized,
)
from constructs_xtap.provider.consistency import ConsistencyTimeout
from constructs_xtap.provider.provider_not_configured import ProviderNotConfigured
from constructs_xtap.wire import OBJECT_KINDS
from constructs_xtap.wire.partner_schema import ATTR_TENANT_ID

PERMISSION = "Policy.ReadWrite.CrossTenantAccess"
_INVALID_PROPERTY = re.compile(r"Invalid property '([^']+)'")
# Every kind's JSON settings, so a 400 naming the 2026 settings or the default's identity providers points at
# its attribute too (the names agree across kinds).
_BY_GRAPH_NAME = {
    a.graph_name: a.name
    for kind in OBJECT_KINDS
    if kind.terraform is not None
    for a in kind.terraform.json_attributes
    if a.graph_name is not None
}


#: The Graph errors whose diagnostic is words alone, in the order they are tried (the last one, any other
#: status): the error class, the summary, what to do (``{action}``, ``{who}``, ``{status}`` filled in), and
#: whether it points at the attribute (a network failure points at none).
_PLAIN: tuple[tuple[type[GraphError], str, str, bool], ...] = (
    (
        GraphUnauthorized,
        "Graph did not accept the access token",
        "Graph rejected the access token twice (a fresh one included) while trying to {action} {who}. Check "
        "that tenant_id, client_id and cloud / graph_endpoint belong together: tokens of one cloud are not "
        "valid in another.",
        True,
    ),
    (
        GraphConflict,
        "Conflict while trying to {action}",
        "Graph reports a conflict while trying to {action} {who}.",
        True,
    ),
    (
        GraphThrottled,
        "Graph is throttling requests",
        "Graph kept throttling (429) the request to {action} {who} until the provider's retry bound "
        "(timeout_seconds, default 300) or try limit ran out. Nothing is lost: run apply again later, with a "
        "lower -parallelism, or raise timeout_seconds.",
        True,
    ),
    (
        GraphServerError,
        "Graph service error",
        "Graph kept failing ({status}) while trying to {action} {who}. This is on Microsoft's side; run "
        "apply again later (or raise timeout_seconds to retry longer). Terraform state still reflects what "
        "is known to exist.",
        True,
    ),
    (
        GraphRequestError,
        "Graph could not be reached",
        "No answer from Graph or Entra ID while trying to {action} {who}. Check network access to "
        "graph_endpoint and authority_host, and ca_bundle if Graph's certificate is not publicly trusted. If "
        "this was a create, the next apply finds a partner created meanwhile and adopts it.",
        False,
    ),
    (
        GraphResponseError,
        "Unexpected answer from Graph",
        "Graph answered the request to {action} {who} with something this provider cannot read.",
        True,
    ),
    (
        GraphStatusError,
        "Graph error during {action}",
        "Graph answered {status} while trying to {action} {who}.",
        True,
    ),
)


@dataclass(frozen=True)
class GraphDiagnostic:
    summary: str
    detail: str
    path: list[str]


def facts(error: GraphError) -> str:
    """The lines support needs: Graph's code, message, request ids and tries."""
    lines: list[str] = []
    if isinstance(error, GraphStatusError):
        lines.append(f"HTTP status: {error.status}")
        lines.append(f"Graph error code: {error.code or '(none)'}")
        lines.append(f"Graph message: {error.graph_message or '(none)'}")
        lines.append(f"request-id: {error.request_id or '(none)'}")
        if error.envelope.client_request_id:
            lines.append(f"client-request-id: {error.envelope.client_request_id}")
    else:
        lines.append(f"Error: {error}")
    if error.method:
        lines.append(f"Request: {error.method} {error.path}")
    if error.tries:
        early = (
            f" ({error.stopped_early})" if error.stopped_early and isinstance(error, GraphStatusError) else ""
        )
        lines.append(f"Tries: {error.tries}{early}")
    return "\n".join(lines)


def _unknown_tenant(error: GraphAuthenticationError) -> bool:
    """Entra's "tenant not found" (AADSTS90002, ``invalid_tenant``), as opposed to a refused credential."""
    return error.error == "invalid_tenant" or "AADSTS90002" in (error.description or "")


def diagnose(
    error: BaseException,
    *,
    action: str,
    tenant_id: str | None,
    sent_service_provider: bool = False,
    subject: str | None = None,
    noun: str = "partner configuration",
    path: list[str] | None = None,
    permission: str = PERMISSION,
    parent: str | None = None,
) -> GraphDiagnostic:
    """The diagnostic for ``error`` raised while doing ``action`` (e.g. "create") on partner ``tenant_id``.

    Other kinds name what they act on: ``subject`` ("the default cross-tenant access configuration"),
    ``noun`` for summaries, the attribute ``path`` a diagnostic points at, the ``permission`` a 403
    asks for, and the kind's ``parent`` (a 404 may mean it does not exist yet).
    """
    who = subject or (
        f"the partner configuration for tenant {tenant_id}" if tenant_id else "a partner configuration"
    )
    path = [ATTR_TENANT_ID] if path is None else path
    if isinstance(error, GraphForbidden):
        todo = (
            f"Graph refused to {action} {who}: the application lacks permission. Grant it the "
            f"Microsoft Graph application permission {permission} (admin consent required; "
            + (
                "Policy.Read.All suffices for reads), or, with delegated sign-in, the Security Administrator "
                "role."
                if permission == PERMISSION
                else "Entra admin center > App registrations > your app > API permissions)."
            )
        )
        if sent_service_provider:
            todo += (
                " Graph accepts is_service_provider = true only with delegated (user) authentication; "
                "remove is_service_provider or apply as a user."
            )
        return GraphDiagnostic(f"Permission denied to {action} {noun}", f"{todo}\n\n{facts(error)}", path)
    if isinstance(error, GraphBadRequest):
        match = _INVALID_PROPERTY.search(error.graph_message or "")
        if match and match.group(1) in _BY_GRAPH_NAME:
            path = [_BY_GRAPH_NAME[match.group(1)]]
        todo = (
            f"Graph rejected the request to {action} {who} as invalid. The message below names the value it "
            "refused; property names are case-sensitive (b2bCollaborationInbound, not "
            "b2BCollaborationInbound)."
        )
        return GraphDiagnostic(f"Graph rejected the {action} request", f"{todo}\n\n{facts(error)}", path)
    if isinstance(error, GraphNotFound):
        todo = (
            f"Graph has no {noun} for tenant {tenant_id}; deleted outside Terraform?"
            if parent is None and (subject is None or tenant_id)
            else f"Graph found no {who} to {action}: was it deleted outside Terraform, or does what it "
            "belongs to (the partner configuration) not exist yet?"
        )
        return GraphDiagnostic(f"{noun[:1].upper()}{noun[1:]} not found", f"{todo}\n\n{facts(error)}", path)
    if isinstance(error, GraphAuthenticationError) and _unknown_tenant(error):
        todo = (
            "Entra ID knows no tenant by the configured tenant_id in this cloud. Check tenant_id "
            "(AZURE_TENANT_ID / ARM_TENANT_ID): it is your home tenant's id, a GUID, not a partner's; and "
            f"check cloud / authority_host. Entra said: {error.error or 'unknown_error'}."
        )
        return GraphDiagnostic(
            "Could not authenticate to Entra ID: unknown tenant", f"{todo}\n\n{facts(error)}", []
        )
    if isinstance(error, GraphAuthenticationError):
        todo = (
            "Entra ID refused to issue a token. Check the credential (client secret value, certificate "
            "registered on the app, federated credential subject), client_id and tenant_id. "
            f"Entra said: {error.error or 'unknown_error'}."
        )
        return GraphDiagnostic("Could not authenticate to Entra ID", f"{todo}\n\n{facts(error)}", [])
    for kind, summary, todo, keeps_path in _PLAIN:
        if isinstance(error, kind):
            words = {"action": action, "who": who, "status": getattr(error, "status", None)}
            return GraphDiagnostic(
                summary.format(**words),
                f"{todo.format(**words)}\n\n{facts(error)}",
                path if keeps_path else [],
            )
    if isinstance(error, ProviderNotConfigured):
        return GraphDiagnostic(
            f"Cannot {action} {who}",
            f'{error} Fix the provider "xtap" configuration (or its environment variables) and run again.',
            [],
        )
    if isinstance(error, ConsistencyTimeout):
        return GraphDiagnostic(f"Timed out waiting for Graph during {action}", str(error), path)
    return GraphDiagnostic(
        f"Internal error in the xtap provider during {action}",
        f"{type(error).__name__}: {error}\n"
        "This is a bug; please report it to the constructs-xtap developers.",
        [],
    )
