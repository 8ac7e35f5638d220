"""Bad input never gets past synth unnamed, and good input never gets a 400 from Graph (issue 4, item 3).

Every generated partner ends one of two ways: ``CrossTenantAccessPartner`` raises ``XtapValidationError``
naming the construct path and exactly the properties that are wrong, or the construct accepts it, its
synthesized resource carries the same partner, and the local Graph answers its ``graph_body`` with 201 and
stores exactly those settings. An accepted partner warns at exactly the admin center's rules it breaks
(R9/R10), which Graph does not enforce. Any other exception is a raw traceback a user would see, and fails.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from typing import Any

import cdktf
import pytest
import requests
from cdktf import TerraformStack
from hypothesis import HealthCheck, event, given, settings
from partner_strategies import PartnerSpec, expected_problems, expected_warnings, partner_kwargs, partners

from constructs_xtap import CrossTenantAccessPartner, XtapValidationError
from constructs_xtap.local_graph import LocalGraph
from constructs_xtap.wire import JSON_SETTINGS, RESOURCE_TYPE, normalize_setting
from tests.graph_http import GraphHttp

PARTNERS = "/v1.0/policies/crossTenantAccessPolicy/partners"
EXAMPLES = 2000
STACK = "fuzz"
# Each verdict must carry a real share of the run, or the test is not testing it.
MIN_SHARE = 0.20
# Partners only the admin center would refuse (R9/R10) are rarer, but Graph must create them too.
MIN_WARNED_SHARE = 0.01


@pytest.fixture(scope="module")
def graph_session(local_graph_server: LocalGraph) -> Iterator[requests.Session]:
    """One HTTPS session with one bearer token for the whole run, as any Graph client would hold."""
    session = GraphHttp(local_graph_server).session
    yield session
    session.close()


def _assert_rejection_names_the_problems(error: XtapValidationError, path: str, expected: set[str]) -> None:
    named = {problem.property for problem in error.problems}
    assert named == expected, f"named {sorted(named)}, expected {sorted(expected)}:\n{error}"
    for problem in error.problems:
        assert problem.path == path, problem
        assert f"{path}: {problem.property} = " in str(error), str(error)
        assert problem.fix, problem


def _assert_synthesized_as_body(stack: TerraformStack, body: dict[str, Any]) -> None:
    """The resource in cdk.tf.json (what the provider will get) says what ``graph_body`` says."""
    (attributes,) = json.loads(cdktf.Testing.synth(stack))["resource"][RESOURCE_TYPE].values()
    assert attributes["tenant_id"] == body["tenantId"]
    assert attributes.get("is_service_provider") == body.get("isServiceProvider")
    for setting in JSON_SETTINGS:
        if setting.graph_name in body:
            assert json.loads(attributes[setting.attribute]) == body[setting.graph_name], setting
        else:
            assert setting.attribute not in attributes, setting


def _assert_graph_stores_body(
    graph: LocalGraph, session: requests.Session, spec: PartnerSpec, body: dict[str, Any]
) -> None:
    response = session.post(f"{graph.graph_endpoint}{PARTNERS}", json=body, timeout=10)
    assert response.status_code == 201, (
        f"Graph rejected a partner that passed validation: {body!r} -> {response.status_code} {response.text}"
    )
    tenant_id = spec.tenant_id.lower()
    for created in (response.json(), graph.partners()[tenant_id]):
        assert created["tenantId"] == tenant_id
        assert created["isServiceProvider"] == body.get("isServiceProvider")
        for setting in JSON_SETTINGS:
            # Graph answers an unset setting as null (pairs as null members): both mean "inherit".
            assert normalize_setting(created[setting.graph_name]) == body.get(setting.graph_name), setting
    if body.get("isServiceProvider") is True:
        graph.reset()  # a cloud service provider's partner cannot be deleted (graph-api.md R8)
    else:
        deleted = session.delete(f"{graph.graph_endpoint}{PARTNERS}/{tenant_id}", timeout=10)
        assert deleted.status_code == 204, deleted.text


@pytest.mark.slow
def test_every_generated_partner_is_rejected_by_name_or_created_by_graph(
    local_graph: LocalGraph, graph_session: requests.Session
) -> None:
    outcomes: Counter[str] = Counter()

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(spec=partners())
    def check(spec: PartnerSpec) -> None:
        outcomes["examples"] += 1
        if local_graph.partners():  # left over from a failing example while hypothesis shrinks
            local_graph.reset()
        expected = expected_problems(spec)
        stack = TerraformStack(cdktf.Testing.app(), STACK)
        try:
            partner = CrossTenantAccessPartner(stack, spec.construct_id, **partner_kwargs(spec))
        except XtapValidationError as error:
            assert expected, f"a valid partner was rejected:\n{error}"
            _assert_rejection_names_the_problems(error, f"{STACK}/{spec.construct_id}", expected)
            outcomes["rejected"] += 1
            event("rejected at synth")
            return
        body = partner.graph_body
        assert not expected, f"accepted a partner that is wrong at {sorted(expected)}: {body!r}"
        warned = {finding.property for finding in partner.admin_center_warnings}
        assert warned == expected_warnings(spec), f"warned at {sorted(warned)}: {body!r}"
        if warned:
            outcomes["warned"] += 1
            event("created by Graph despite an admin-center warning")
        _assert_synthesized_as_body(stack, body)
        _assert_graph_stores_body(local_graph, graph_session, spec, body)
        outcomes["accepted"] += 1
        event("created by Graph")

    check()
    total = outcomes["examples"]
    accepted, rejected = outcomes["accepted"], outcomes["rejected"]
    warned = outcomes["warned"]
    print(f"\n{total} partners: {accepted} created by Graph ({warned} warned), {rejected} rejected at synth")
    assert total >= EXAMPLES, outcomes
    assert accepted + rejected == total, outcomes
    assert accepted >= MIN_SHARE * total, outcomes
    assert rejected >= MIN_SHARE * total, outcomes
    assert warned >= MIN_WARNED_SHARE * total, outcomes
    assert local_graph.partners() == {}, "every partner created was removed again"
