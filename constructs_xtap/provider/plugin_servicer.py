"""tf's gRPC servicer with what its resource interface cannot say: warnings on plans that write, and on
tenant lookups, with a token that lacks the permission they need; and schema defaults on updates.

``tf`` plans a create without calling the resource (it only plans updates through ``Resource.plan``), so
the one place that sees every planned create, update and replacement is ``PlanResourceChange`` itself.

An optional and computed attribute with a schema default (``xtap_policy.allowed_cloud_endpoints``: ``[]``)
means that default when the configuration leaves it out. Terraform proposes the prior value (unknown on a
create), and ``Resource.plan`` never sees the configuration, so the proposal is corrected here: such an
attribute the configuration leaves out is proposed as its default (a value added outside Terraform then
shows as drift back to the default).
"""

from __future__ import annotations

from typing import Any

import msgpack
from tf.gen import tfplugin_pb2 as pb
from tf.provider import ProviderServicer
from tf.types import Unknown
from tf.utils import Diagnostic, read_dynamic_value


class XtapServicer(ProviderServicer):
    """The servicer the provider process runs; the provider is ``self.app``."""

    def PlanResourceChange(self, request: pb.PlanResourceChange.Request, context: Any) -> Any:
        request = self._with_defaults_left_out(request)
        response = super().PlanResourceChange(request, context)
        warning = getattr(self.app, "write_permission_warning", lambda: None)()
        if warning is not None and plan_writes(request, response):
            summary, detail = warning
            response.diagnostics.append(Diagnostic.warning(summary, detail).to_pb())
        return response

    def _with_defaults_left_out(
        self, request: pb.PlanResourceChange.Request
    ) -> pb.PlanResourceChange.Request:
        """The request with each defaulted optional+computed attribute the configuration leaves out proposed
        as its default (Terraform proposes the prior value on an update, unknown on a create)."""
        if not (request.proposed_new_state.msgpack and request.config.msgpack):
            return request
        try:
            attributes = self._get_res_attrs(request.type_name)
        except Exception:  # an unknown type: tf's own handling reports it
            return request
        defaulted = {
            name: a.default
            for name, a in attributes.items()
            if a.optional and a.computed and a.default is not Unknown and a.default is not None
        }
        if not defaulted:
            return request
        # Raw msgpack (unknown values stay ExtType as Terraform sent them, refinements included).
        config = msgpack.unpackb(request.config.msgpack)
        proposed = msgpack.unpackb(request.proposed_new_state.msgpack)
        if not isinstance(config, dict) or not isinstance(proposed, dict):
            return request
        left_out = [name for name in defaulted if name in config and config[name] is None]
        if not left_out:
            return request
        for name in left_out:
            proposed[name] = attributes[name].type.encode(defaulted[name])
        corrected = pb.PlanResourceChange.Request()
        corrected.CopyFrom(request)
        corrected.proposed_new_state.CopyFrom(pb.DynamicValue(msgpack=msgpack.packb(proposed)))
        return corrected

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
