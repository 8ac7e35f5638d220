"""tf's gRPC servicer with what its resource interface cannot say: warnings on plans that write, and on
tenant lookups, with a token that lacks the permission they need.

``tf`` plans a create without calling the resource (it only plans updates through ``Resource.plan``), so
the one place that sees every planned create, update and replacement is ``PlanResourceChange`` itself.
"""

from __future__ import annotations

from typing import Any

from tf.gen import tfplugin_pb2 as pb
from tf.provider import ProviderServicer
from tf.utils import Diagnostic, read_dynamic_value


class XtapServicer(ProviderServicer):
    """The servicer the provider process runs; the provider is ``self.app``."""

    def PlanResourceChange(self, request: pb.PlanResourceChange.Request, context: Any) -> Any:
        response = super().PlanResourceChange(request, context)
        warning = getattr(self.app, "write_permission_warning", lambda: None)()
        if warning is not None and plan_writes(request, response):
            summary, detail = warning
            response.diagnostics.append(Diagnostic.warning(summary, detail).to_pb())
        return response

    def ReadDataSource(self, request: pb.ReadDataSource.Request, context: Any) -> Any:
        response = super().ReadDataSource(request, context)
        warning = getattr(self.app, "lookup_permission_warning", lambda: None)()
        if warning is not None:
            summary, detail = warning
            response.diagnostics.append(Diagnostic.warning(summary, detail).to_pb())
        return response


def plan_writes(request: pb.PlanResourceChange.Request, response: pb.PlanResourceChange.Response) -> bool:
    """Whether Terraform would call Graph to create, update or replace for this planned change."""
    if any(d.severity == pb.Diagnostic.ERROR for d in response.diagnostics):
        return False
    prior = read_dynamic_value(request.prior_state)
    planned = read_dynamic_value(response.planned_state)
    if planned is None:
        return False  # a destroy: deleting needs the same permission, but is planned elsewhere
    return prior is None or bool(response.requires_replace) or prior != planned
