"""Helpers for calling the provider as plain functions against the local Graph."""

from __future__ import annotations

import dataclasses
from typing import Any

from msgpack.ext import ExtType
from tf.gen import tfplugin_pb2 as pb
from tf.iface import CreateContext, DeleteContext, ImportContext, PlanContext, ReadContext, UpdateContext
from tf.types import Unknown
from tf.utils import Diagnostics, to_dynamic_value

from constructs_xtap.graph import GraphClient, GraphSettings, token_source
from constructs_xtap.local_graph import LocalGraph
from constructs_xtap.provider import PartnerConfigurationResource, Waits, XtapProvider
from constructs_xtap.wire import OBJECT_KINDS, PROVIDER_SETTINGS, RESOURCE_TYPE, TerraformFace

FACES: dict[str, TerraformFace] = {k.terraform.type_name: k.terraform for k in OBJECT_KINDS if k.terraform}


class RecordingSleep:
    def __init__(self) -> None:
        self.calls: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)


def provider_config(graph: LocalGraph, **overrides: Any) -> dict[str, Any]:
    config: dict[str, Any] = {s.attribute: None for s in PROVIDER_SETTINGS}
    config.update(
        tenant_id=graph.tenant_id,
        client_id=graph.client_id,
        client_secret=graph.client_secret,
        graph_endpoint=graph.graph_endpoint,
        authority_host=graph.authority_host,
        ca_bundle=str(graph.ca_path),
    )
    config.update(overrides)
    return config


class Harness:
    """A configured provider and its resource; Graph-client sleeps are recorded and really taken (short)."""

    def __init__(self, graph: LocalGraph, *, read_back: float = 3.0, **config_overrides: Any) -> None:
        self.graph = graph
        # A Harness stands for a new provider process, whose msal token cache starts empty; otherwise a
        # token cached by an earlier test (and revoked since) costs an extra 401 and retry.
        token_source._process_cache = None
        self.graph_sleeps = RecordingSleep()
        self.wait_sleeps = RecordingSleep()

        def fast_client(settings: GraphSettings) -> GraphClient:
            # A configured timeout_seconds below 20 s is kept, so tests can check the bound itself.
            quick = dataclasses.replace(
                settings,
                retry_deadline=min(settings.retry_deadline, 20.0),
                backoff_factor=0.05,
                backoff_jitter=0.05,
                read_timeout=10.0,
            )
            return GraphClient(quick, sleep=self._graph_sleep)

        self.provider = XtapProvider(
            environ={},
            client_factory=fast_client,
            waits=Waits(
                conflict_after_delete=3.0, read_back=read_back, first_interval=0.05, max_interval=0.2
            ),
            sleep=self._wait_sleep,
        )
        diags = Diagnostics()
        self.provider.configure_provider(diags, provider_config(graph, **config_overrides))
        self.configure_diagnostics = diags
        self.resource = PartnerConfigurationResource(self.provider)

    def _graph_sleep(self, seconds: float) -> None:
        import time

        self.graph_sleeps(seconds)
        time.sleep(seconds)

    def _wait_sleep(self, seconds: float) -> None:
        import time

        self.wait_sleeps(seconds)
        time.sleep(seconds)

    def create(self, planned: dict[str, Any]) -> tuple[dict[str, Any] | None, Diagnostics]:
        diags = Diagnostics()
        return self.resource.create(CreateContext(diags, RESOURCE_TYPE), planned), diags

    def read(self, current: dict[str, Any]) -> tuple[dict[str, Any] | None, Diagnostics]:
        diags = Diagnostics()
        return self.resource.read(ReadContext(diags, RESOURCE_TYPE), current), diags

    def update(
        self, current: dict[str, Any], planned: dict[str, Any]
    ) -> tuple[dict[str, Any] | None, Diagnostics]:
        diags = Diagnostics()
        return self.resource.update(UpdateContext(diags, RESOURCE_TYPE), current, planned), diags

    def delete(self, current: dict[str, Any]) -> tuple[dict[str, Any] | None, Diagnostics]:
        diags = Diagnostics()
        return self.resource.delete(DeleteContext(diags, RESOURCE_TYPE), current), diags

    def import_(self, tenant_id: str) -> tuple[dict[str, Any] | None, Diagnostics]:
        diags = Diagnostics()
        return self.resource.import_(ImportContext(diags, RESOURCE_TYPE), tenant_id), diags

    def plan(
        self, current: dict[str, Any], planned: dict[str, Any]
    ) -> tuple[dict[str, Any] | None, Diagnostics]:
        diags = Diagnostics()
        changed = {k for k in planned if current.get(k) != planned.get(k)}
        return self.resource.plan(PlanContext(diags, RESOURCE_TYPE, changed), current, planned), diags


def planned_partner(tenant_id: str, **settings: Any) -> dict[str, Any]:
    """A planned state as Terraform hands it to create: unset settings null, computed ones unknown."""
    state: dict[str, Any] = {
        a.name: Unknown if a.use == "computed" else None for a in FACES[RESOURCE_TYPE].attributes
    }
    state["tenant_id"] = tenant_id
    state.update(settings)
    return state


def terraform_proposed(type_name: str, prior: Any, proposed: Any) -> Any:
    """Terraform's proposed new state: a computed attribute left out takes the prior value (unknown on
    create), as Terraform's ProposedNew does."""
    if proposed is None:
        return None
    filled = dict(proposed)
    for attribute in FACES[type_name].attributes:
        if attribute.use == "computed" and filled.get(attribute.name) is None:
            filled[attribute.name] = prior.get(attribute.name) if prior is not None else _PLAIN_UNKNOWN
        elif attribute.use == "computed" and filled.get(attribute.name) is Unknown:
            filled[attribute.name] = _PLAIN_UNKNOWN
    return filled


_PLAIN_UNKNOWN = ExtType(0, b"\x00")


def errors(diags: Diagnostics) -> list[str]:
    return [f"{d.summary}\n{d.detail}" for d in diags.diagnostics if d.severity == "error"]


def graph_calls(graph: LocalGraph) -> list[tuple[str, str, int | None]]:
    """The Graph API requests served (token requests left out)."""
    return [(r["method"], r["path"], r["status"]) for r in graph.requests() if r["path"].startswith("/v1.0/")]


def plan_change(
    servicer: Any, prior: Any, proposed: Any, *, config: Any = None, type_name: str = RESOURCE_TYPE
) -> pb.PlanResourceChange.Response:
    """PlanResourceChange as Terraform sends it; ``config`` defaults to ``proposed`` with computed ones null.

    Computed attributes missing from ``proposed`` are filled as Terraform does (:func:`terraform_proposed`).
    Values may hold msgpack ``ExtType`` unknowns (plain or refined), which msgpack encodes as they are.
    """
    if config is None and proposed is not None:
        computed = {a.name for a in FACES[type_name].attributes if a.use == "computed"}
        config = {k: None if k in computed else v for k, v in proposed.items()}
    return servicer.PlanResourceChange(
        pb.PlanResourceChange.Request(
            type_name=type_name,
            prior_state=to_dynamic_value(prior),
            proposed_new_state=to_dynamic_value(terraform_proposed(type_name, prior, proposed)),
            config=to_dynamic_value(config),
        ),
        None,
    )


def apply_change(
    servicer: Any, prior: Any, planned: Any, *, config: Any = None, type_name: str = RESOURCE_TYPE
) -> pb.ApplyResourceChange.Response:
    """ApplyResourceChange as Terraform sends it: create (no prior), update, or delete (no planned)."""
    return servicer.ApplyResourceChange(
        pb.ApplyResourceChange.Request(
            type_name=type_name,
            prior_state=to_dynamic_value(prior),
            planned_state=to_dynamic_value(terraform_proposed(type_name, prior, planned)),
            config=to_dynamic_value(planned if config is None else config),
        ),
        None,
    )
