"""GraphClient against a scripted transport: wire format, error tree, retries, timeouts, token refresh."""

from __future__ import annotations

import pytest
import requests
from scripted_transport import Answer, FakeTokens, ScriptedAdapter
from urllib3.exceptions import ProtocolError

from constructs_xtap.graph import (
    ClientSecret,
    GraphBadRequest,
    GraphClient,
    GraphConflict,
    GraphForbidden,
    GraphNotFound,
    GraphRequestError,
    GraphResponseError,
    GraphServerError,
    GraphSettings,
    GraphThrottled,
    GraphUnauthorized,
    kind_path,
)
from constructs_xtap.graph.retry import graph_retry
from constructs_xtap.wire import PARTNER as PARTNER_KIND

TENANT = "3d0f5dec-5d3d-455c-8016-e2af1ae4d31a"
PARTNER = "9c5d131d-b1c3-4fc4-9e3f-c6557947d551"
ROOT = "https://graph.example.test"
PARTNERS_URL = f"{ROOT}/v1.0/policies/crossTenantAccessPolicy/partners"


class Clock:
    """A fake monotonic clock advanced only by the client's sleeps, so waits are recorded, not spent."""

    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def make_client(
    adapter: ScriptedAdapter, *, deadline: float = 300.0, max_tries: int = 10
) -> tuple[GraphClient, FakeTokens, Clock]:
    settings = GraphSettings(
        tenant_id=TENANT,
        client_id="c0ffee00-0000-4000-8000-000000000001",
        credential=ClientSecret("s3cret-value"),
        graph_endpoint=ROOT,
        retry_deadline=deadline,
        max_tries=max_tries,
        connect_timeout=3.0,
        read_timeout=7.0,
    )
    session = requests.Session()
    session.mount("https://", adapter)
    tokens = FakeTokens()
    clock = Clock()
    return (
        GraphClient(settings, session=session, token_source=tokens, sleep=clock.sleep, clock=clock),
        tokens,
        clock,
    )


def graph_error(code: str, message: str, request_id: str = "rid-1") -> dict[str, object]:
    return {"error": {"code": code, "message": message, "innerError": {"request-id": request_id}}}


THROTTLED = graph_error("TooManyRequests", "Please retry again later.", "94fb3b52")


def test_create_partner_posts_the_body_with_tenant_id_and_returns_the_201_body() -> None:
    created = {"tenantId": PARTNER, "inboundTrust": None}
    adapter = ScriptedAdapter(Answer(201, created))
    client, _, _ = make_client(adapter)

    assert client.create_object("POST", str(PARTNER_KIND.collection_path), {"tenantId": PARTNER}) == created

    (sent,) = adapter.sent
    assert (sent.method, sent.url, sent.body) == ("POST", PARTNERS_URL, {"tenantId": PARTNER})
    assert sent.headers["Authorization"] == "Bearer token-1"
    assert sent.headers["Content-Type"] == "application/json"
    assert sent.timeout == (3.0, 7.0)


def test_create_partner_refuses_a_body_without_tenant_id_before_any_request() -> None:
    adapter = ScriptedAdapter()
    client, _, _ = make_client(adapter)
    with pytest.raises(ValueError, match="tenantId"):
        client.create_object("POST", str(PARTNER_KIND.collection_path), {"inboundTrust": None})
    assert adapter.sent == []


def test_get_update_delete_use_the_tenant_id_as_key() -> None:
    adapter = ScriptedAdapter(Answer(200, {"tenantId": PARTNER}), Answer(204), Answer(204))
    client, _, _ = make_client(adapter)

    assert client.get_object(kind_path(PARTNER_KIND, PARTNER)) == {"tenantId": PARTNER}
    client.update_object(kind_path(PARTNER_KIND, PARTNER), {"inboundTrust": None})
    client.delete_object(kind_path(PARTNER_KIND, PARTNER))

    assert [(s.method, s.url, s.body) for s in adapter.sent] == [
        ("GET", f"{PARTNERS_URL}/{PARTNER}", None),
        ("PATCH", f"{PARTNERS_URL}/{PARTNER}", {"inboundTrust": None}),
        ("DELETE", f"{PARTNERS_URL}/{PARTNER}", None),
    ]


def test_list_partners_follows_next_link() -> None:
    adapter = ScriptedAdapter(
        Answer(200, {"value": [{"tenantId": "a"}], "@odata.nextLink": f"{PARTNERS_URL}?$skiptoken=x"}),
        Answer(200, {"value": [{"tenantId": "b"}]}),
    )
    client, _, _ = make_client(adapter)
    assert client.list_objects(PARTNER_KIND) == [{"tenantId": "a"}, {"tenantId": "b"}]
    assert adapter.sent[1].url == f"{PARTNERS_URL}?$skiptoken=x"


def test_list_partners_follows_a_next_link_whose_host_differs_only_in_letter_case() -> None:
    upper = PARTNERS_URL.replace(ROOT, ROOT.upper())  # HTTPS://GRAPH.EXAMPLE.TEST/v1.0/...
    adapter = ScriptedAdapter(
        Answer(200, {"value": [{"tenantId": "a"}], "@odata.nextLink": f"{upper}?$skiptoken=y"}),
        Answer(200, {"value": []}),
    )
    client, _, _ = make_client(adapter)
    assert client.list_objects(PARTNER_KIND) == [{"tenantId": "a"}]
    assert adapter.sent[1].url == f"{PARTNERS_URL}?$skiptoken=y"


def test_list_partners_refuses_a_next_link_to_another_host_and_sends_it_no_token() -> None:
    adapter = ScriptedAdapter(
        Answer(200, {"value": [], "@odata.nextLink": "https://attacker.example/v1.0/x?$skiptoken=z"}),
    )
    client, _, _ = make_client(adapter)
    with pytest.raises(GraphResponseError, match="refusing to follow"):
        client.list_objects(PARTNER_KIND)
    assert len(adapter.sent) == 1


def test_list_partners_stops_when_a_next_link_repeats_a_page() -> None:
    adapter = ScriptedAdapter(
        Answer(200, {"value": [{"tenantId": "a"}], "@odata.nextLink": f"{PARTNERS_URL}?$skiptoken=x"}),
        Answer(200, {"value": [{"tenantId": "b"}], "@odata.nextLink": f"{PARTNERS_URL}?$skiptoken=x"}),
    )
    client, _, _ = make_client(adapter)
    with pytest.raises(GraphResponseError, match="in a circle"):
        client.list_objects(PARTNER_KIND)
    assert len(adapter.sent) == 2


@pytest.mark.parametrize(
    ("status", "code", "error_class"),
    [
        pytest.param(400, "Request_BadRequest", GraphBadRequest, id="400"),
        pytest.param(403, "Authorization_RequestDenied", GraphForbidden, id="403"),
        pytest.param(404, "Request_ResourceNotFound", GraphNotFound, id="404"),
        pytest.param(409, "Request_MultipleObjectsWithSameKeyValue", GraphConflict, id="409"),
    ],
)
def test_error_statuses_map_to_the_error_tree_without_retry(
    status: int, code: str, error_class: type
) -> None:
    adapter = ScriptedAdapter(Answer(status, graph_error(code, "it went wrong", "rid-42")))
    client, _, clock = make_client(adapter)

    with pytest.raises(error_class) as caught:
        client.get_object(kind_path(PARTNER_KIND, PARTNER))

    error = caught.value
    assert (error.status, error.code, error.request_id, error.tries) == (status, code, "rid-42", 1)
    assert str(error) == (
        f"GET /policies/crossTenantAccessPolicy/partners/{PARTNER} answered {status} {code}: "
        "it went wrong (request-id rid-42; 1 try)"
    )
    assert len(adapter.sent) == 1
    assert clock.sleeps == []


def test_fractional_retry_after_is_honoured_exactly() -> None:
    adapter = ScriptedAdapter(
        Answer(429, THROTTLED, {"Retry-After": "0.5"}),
        Answer(429, THROTTLED, {"Retry-After": "2.128"}),
        Answer(201, {"tenantId": PARTNER}),
    )
    client, _, clock = make_client(adapter)

    assert client.create_object("POST", str(PARTNER_KIND.collection_path), {"tenantId": PARTNER}) == {
        "tenantId": PARTNER
    }
    assert clock.sleeps == [0.5, 2.128]
    assert len(adapter.sent) == 3


def test_integer_retry_after_is_honoured() -> None:
    adapter = ScriptedAdapter(
        Answer(503, graph_error("serviceUnavailable", "busy"), {"Retry-After": "3"}), Answer(204)
    )
    client, _, clock = make_client(adapter)
    client.delete_object(kind_path(PARTNER_KIND, PARTNER))
    assert clock.sleeps == [3.0]


def test_missing_retry_after_backs_off_exponentially_with_bounded_jitter() -> None:
    adapter = ScriptedAdapter(
        Answer(503, graph_error("serviceUnavailable", "busy")),
        Answer(502, "bad gateway"),
        Answer(500, graph_error("generalException", "oops")),
        Answer(200, {"tenantId": PARTNER}),
    )
    client, _, clock = make_client(adapter)
    client.get_object(kind_path(PARTNER_KIND, PARTNER))

    # backoff_factor 0.5 doubling per retry, plus up to 0.5 s of jitter
    assert len(clock.sleeps) == 3
    for sleep, base in zip(clock.sleeps, (0.5, 1.0, 2.0), strict=True):
        assert base <= sleep <= base + 0.5


def test_garbled_retry_after_falls_back_to_backoff() -> None:
    adapter = ScriptedAdapter(
        Answer(429, THROTTLED, {"Retry-After": "soon"}), Answer(200, {"tenantId": PARTNER})
    )
    client, _, clock = make_client(adapter)
    client.get_object(kind_path(PARTNER_KIND, PARTNER))
    assert 0.5 <= clock.sleeps[0] <= 1.0


def test_throttling_past_the_deadline_reports_tries_code_and_request_id() -> None:
    adapter = ScriptedAdapter(*[Answer(429, THROTTLED, {"Retry-After": "4"}) for _ in range(5)])
    client, _, clock = make_client(adapter, deadline=10.0)

    with pytest.raises(GraphThrottled) as caught:
        client.get_object(kind_path(PARTNER_KIND, PARTNER))

    # 4 s + 4 s fit in 10 s; a third wait would end past the deadline, so the third answer is final
    assert clock.sleeps == [4.0, 4.0]
    assert caught.value.tries == 3
    assert "429 TooManyRequests" in str(caught.value)
    assert "request-id 94fb3b52" in str(caught.value)
    assert "3 tries" in str(caught.value)


def test_retry_after_longer_than_the_deadline_stops_early_without_waiting() -> None:
    adapter = ScriptedAdapter(*[Answer(429, THROTTLED, {"Retry-After": "12.5"}) for _ in range(3)])
    client, _, clock = make_client(adapter, deadline=2.0)

    with pytest.raises(GraphThrottled) as caught:
        client.create_object("POST", str(PARTNER_KIND.collection_path), {"tenantId": PARTNER})

    assert clock.sleeps == []
    assert len(adapter.sent) == 1
    assert caught.value.tries == 1
    assert str(caught.value).endswith(
        "(request-id 94fb3b52; 1 try; stopped early: the next wait (12.5 s, Retry-After) would end past "
        "the 2 s retry deadline)"
    )


def test_backoff_past_the_deadline_stops_early_and_says_so() -> None:
    adapter = ScriptedAdapter(*[Answer(503, graph_error("serviceUnavailable", "busy")) for _ in range(3)])
    client, _, clock = make_client(adapter, deadline=0.1)

    with pytest.raises(GraphServerError) as caught:
        client.get_object(kind_path(PARTNER_KIND, PARTNER))

    # the first backoff is at least backoff_factor (0.5 s), already past the 0.1 s deadline
    assert clock.sleeps == []
    assert caught.value.tries == 1
    assert "1 try; stopped early: the next wait (" in str(caught.value)
    assert "s, backoff) would end past the 0.1 s retry deadline" in str(caught.value)


def test_server_errors_stop_after_max_tries() -> None:
    adapter = ScriptedAdapter(*[Answer(504, graph_error("gatewayTimeout", "slow")) for _ in range(3)])
    client, _, _ = make_client(adapter, max_tries=3)
    with pytest.raises(GraphServerError) as caught:
        client.delete_object(kind_path(PARTNER_KIND, PARTNER))
    assert caught.value.tries == 3
    assert len(adapter.sent) == 3


def test_connection_reset_on_a_read_is_retried() -> None:
    reset = requests.ConnectionError(ProtocolError("Connection aborted.", ConnectionResetError(104, "reset")))
    adapter = ScriptedAdapter(reset, Answer(200, {"tenantId": PARTNER}))
    client, _, clock = make_client(adapter)
    assert client.get_object(kind_path(PARTNER_KIND, PARTNER)) == {"tenantId": PARTNER}
    assert len(adapter.sent) == 2
    assert len(clock.sleeps) == 1


def test_read_timeout_is_retried_then_reported_with_tries() -> None:
    adapter = ScriptedAdapter(*[requests.ReadTimeout("read timed out") for _ in range(3)])
    client, _, _ = make_client(adapter, max_tries=3)
    with pytest.raises(GraphRequestError) as caught:
        client.get_object(kind_path(PARTNER_KIND, PARTNER))
    assert caught.value.tries == 3
    assert "timed out" in str(caught.value)
    assert "3 tries" in str(caught.value)


def test_tls_failure_is_not_retried() -> None:
    adapter = ScriptedAdapter(requests.exceptions.SSLError("CERTIFICATE_VERIFY_FAILED"))
    client, _, _ = make_client(adapter)
    with pytest.raises(GraphRequestError, match="SSLError"):
        client.get_object(kind_path(PARTNER_KIND, PARTNER))
    assert len(adapter.sent) == 1


def test_401_gets_one_fresh_token_and_one_more_try() -> None:
    adapter = ScriptedAdapter(
        Answer(401, graph_error("InvalidAuthenticationToken", "expired")), Answer(200, {"tenantId": PARTNER})
    )
    client, tokens, _ = make_client(adapter)
    client.get_object(kind_path(PARTNER_KIND, PARTNER))
    assert tokens.forgotten == 1
    assert [s.headers["Authorization"] for s in adapter.sent] == ["Bearer token-1", "Bearer token-2"]


def test_a_second_401_is_final() -> None:
    unauthorized = Answer(401, graph_error("InvalidAuthenticationToken", "revoked"))
    adapter = ScriptedAdapter(unauthorized, unauthorized)
    client, tokens, _ = make_client(adapter)
    with pytest.raises(GraphUnauthorized) as caught:
        client.get_object(kind_path(PARTNER_KIND, PARTNER))
    assert tokens.forgotten == 1
    assert caught.value.tries == 2


def test_non_json_success_body_is_a_response_error() -> None:
    adapter = ScriptedAdapter(Answer(200, "<html>gateway</html>"))
    client, _, _ = make_client(adapter)
    with pytest.raises(GraphResponseError, match="not a JSON object"):
        client.get_object(kind_path(PARTNER_KIND, PARTNER))


def test_non_json_error_body_keeps_a_short_message() -> None:
    adapter = ScriptedAdapter(Answer(403, "<html>denied by proxy</html>", {"request-id": "hdr-rid"}))
    client, _, _ = make_client(adapter)
    with pytest.raises(GraphForbidden) as caught:
        client.get_object(kind_path(PARTNER_KIND, PARTNER))
    assert caught.value.code is None
    assert caught.value.request_id == "hdr-rid"
    assert "denied by proxy" in str(caught.value)


def test_errors_and_repr_never_carry_the_secret_or_the_token() -> None:
    adapter = ScriptedAdapter(Answer(400, graph_error("Request_BadRequest", "Invalid property 'b2BX'")))
    client, _, _ = make_client(adapter)
    with pytest.raises(GraphBadRequest) as caught:
        client.create_object("POST", str(PARTNER_KIND.collection_path), {"tenantId": PARTNER, "b2BX": {}})
    text = str(caught.value) + repr(caught.value) + repr(client) + repr(client.settings)
    assert "s3cret-value" not in text
    assert "token-1" not in text


def test_retry_policy_parses_fractional_retry_after_that_plain_urllib3_rejects() -> None:
    from urllib3.exceptions import InvalidHeader
    from urllib3.util.retry import Retry

    with pytest.raises(InvalidHeader):
        Retry().parse_retry_after("2.128")
    policy = graph_retry(max_tries=3, backoff_factor=0.5, backoff_max=30, backoff_jitter=0)
    assert policy.parse_retry_after("2.128") == 2.128
    assert policy.parse_retry_after("7") == 7
