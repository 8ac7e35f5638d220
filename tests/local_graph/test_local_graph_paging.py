"""The local Graph pages ``GET .../partners`` with ``@odata.nextLink`` (server.py assumption 15)."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from constructs_xtap.local_graph import DEFAULT_PAGE_SIZE, LocalGraph

EXPIRED = {
    "code": "Directory_ExpiredPageToken",
    "message": "The specified page token value has expired and can no longer be included in your request.",
}


def tenants(count: int) -> list[str]:
    """``count`` partner tenant ids in a fixed order unrelated to their sort order."""
    return [str(uuid.UUID(int=(index * 7919 + 13) % 1000 + (1 << 100), version=4)) for index in range(count)]


def seed(graph: LocalGraph, count: int) -> list[str]:
    """Store ``count`` partners directly, in creation order; return their tenant ids in that order."""
    ids = tenants(count)
    for tenant_id in ids:
        graph.put_partner({"tenantId": tenant_id, "inboundTrust": {"isMfaAccepted": True}})
    return ids


def read_pages(session: requests.Session, url: str, limit: int = 500) -> list[dict[str, Any]]:
    """Follow ``@odata.nextLink`` from ``url`` as given; return every page's body."""
    pages: list[dict[str, Any]] = []
    next_url: str | None = url
    while next_url is not None:
        assert len(pages) < limit, "the next links never end"
        answer = session.get(next_url)
        assert answer.status_code == 200, answer.text
        pages.append(answer.json())
        next_url = pages[-1].get("@odata.nextLink")
    return pages


def listed(pages: list[dict[str, Any]]) -> list[str]:
    return [partner["tenantId"] for page in pages for partner in page["value"]]


def skiptoken(link: str) -> str:
    [token] = parse_qs(urlsplit(link).query)["$skiptoken"]
    return token


@pytest.mark.parametrize("local_graph_page_size", [3])
def test_partners_come_in_pages_of_the_page_size_linked_by_absolute_next_links(
    local_graph: LocalGraph, graph_session: requests.Session, partners_url: str
) -> None:
    ids = seed(local_graph, 7)

    pages = read_pages(graph_session, partners_url)

    assert [len(page["value"]) for page in pages] == [3, 3, 1]
    assert listed(pages) == ids
    for page in pages[:-1]:
        link = urlsplit(page["@odata.nextLink"])
        assert f"{link.scheme}://{link.netloc}{link.path}" == partners_url
        assert list(parse_qs(link.query)) == ["$skiptoken"]
    assert "@odata.nextLink" not in pages[-1]
    assert all(
        page["@odata.context"].endswith("/v1.0/$metadata#policies/crossTenantAccessPolicy/partners")
        for page in pages
    )


@pytest.mark.parametrize("local_graph_page_size", [3])
def test_skiptoken_is_opaque_not_a_count_or_a_tenant_id(
    local_graph: LocalGraph, graph_session: requests.Session, partners_url: str
) -> None:
    ids = seed(local_graph, 4)

    token = skiptoken(graph_session.get(partners_url).json()["@odata.nextLink"])

    assert token not in {"3", "2"}
    assert all(tenant_id not in token.lower() for tenant_id in ids)


@pytest.mark.parametrize("local_graph_page_size", [2])
def test_a_list_that_fills_its_last_page_exactly_ends_without_an_empty_page(
    local_graph: LocalGraph, graph_session: requests.Session, partners_url: str
) -> None:
    ids = seed(local_graph, 4)

    pages = read_pages(graph_session, partners_url)

    assert [len(page["value"]) for page in pages] == [2, 2]
    assert listed(pages) == ids


def test_default_page_size_is_100_so_the_101st_partner_is_on_a_second_page(
    local_graph: LocalGraph, graph_session: requests.Session, partners_url: str
) -> None:
    ids = seed(local_graph, 101)

    pages = read_pages(graph_session, partners_url)

    assert DEFAULT_PAGE_SIZE == 100
    assert [len(page["value"]) for page in pages] == [100, 1]
    assert listed(pages)[-1] == ids[-1]


@pytest.mark.parametrize("local_graph_page_size", [2])
def test_top_and_skip_are_ignored_and_carried_on_in_the_next_link(
    local_graph: LocalGraph, graph_session: requests.Session, partners_url: str
) -> None:
    ids = seed(local_graph, 5)

    pages = read_pages(graph_session, f"{partners_url}?$top=1&$skip=3")

    assert [len(page["value"]) for page in pages] == [2, 2, 1]
    assert listed(pages) == ids
    query = parse_qs(urlsplit(pages[0]["@odata.nextLink"]).query)
    assert (query["$top"], query["$skip"]) == (["1"], ["3"])


@pytest.mark.parametrize("local_graph_page_size", [2])
def test_select_and_expand_apply_on_every_page(
    local_graph: LocalGraph, graph_session: requests.Session, partners_url: str
) -> None:
    ids = seed(local_graph, 5)

    pages = read_pages(
        graph_session, f"{partners_url}?$select=tenantId,inboundTrust&$expand=identitySynchronization"
    )

    assert len(pages) == 3
    assert listed(pages) == ids
    for page in pages:
        for partner in page["value"]:
            assert set(partner) == {"tenantId", "inboundTrust", "identitySynchronization"}
            assert partner["inboundTrust"] == {"isMfaAccepted": True}
    assert "$select=tenantId,inboundTrust&" in pages[0]["@odata.nextLink"]


@pytest.mark.parametrize("local_graph_page_size", [2])
def test_beta_pages_link_to_beta(local_graph: LocalGraph, graph_session: requests.Session) -> None:
    seed(local_graph, 3)
    beta = f"{local_graph.graph_endpoint}/beta/policies/crossTenantAccessPolicy/partners"

    pages = read_pages(graph_session, beta)

    assert pages[0]["@odata.nextLink"].startswith(f"{beta}?$skiptoken=")
    assert len(listed(pages)) == 3


@pytest.mark.parametrize(
    "token",
    [
        pytest.param("not-hex", id="garbled"),
        pytest.param("", id="empty"),
        pytest.param("00" * 40, id="forged"),
        pytest.param("31", id="a-bare-position"),
    ],
)
@pytest.mark.parametrize("local_graph_page_size", [2])
def test_a_skiptoken_this_server_never_issued_is_400_expired_page_token(
    local_graph: LocalGraph, graph_session: requests.Session, partners_url: str, token: str
) -> None:
    seed(local_graph, 3)

    answer = graph_session.get(f"{partners_url}?$skiptoken={token}")

    assert answer.status_code == 400
    assert {key: answer.json()["error"][key] for key in ("code", "message")} == EXPIRED


@pytest.mark.parametrize("local_graph_page_size", [2])
def test_a_skiptoken_from_before_a_reset_is_400(
    local_graph: LocalGraph, graph_session: requests.Session, partners_url: str
) -> None:
    seed(local_graph, 3)
    link = graph_session.get(partners_url).json()["@odata.nextLink"]
    assert graph_session.get(link).status_code == 200

    local_graph.reset()
    seed(local_graph, 3)
    answer = graph_session.get(link)

    assert answer.status_code == 400
    assert answer.json()["error"]["code"] == EXPIRED["code"]


@pytest.mark.parametrize("local_graph_page_size", [2])
def test_a_tampered_skiptoken_is_400(
    local_graph: LocalGraph, graph_session: requests.Session, partners_url: str
) -> None:
    seed(local_graph, 5)
    token = skiptoken(graph_session.get(partners_url).json()["@odata.nextLink"])
    tampered = token[:-1] + ("0" if token[-1] != "0" else "1")

    answer = graph_session.get(f"{partners_url}?$skiptoken={tampered}")

    assert answer.status_code == 400
    assert answer.json()["error"]["code"] == EXPIRED["code"]


@pytest.mark.parametrize("local_graph_page_size", [2])
def test_two_skiptokens_in_one_request_are_400(
    local_graph: LocalGraph, graph_session: requests.Session, partners_url: str
) -> None:
    seed(local_graph, 5)
    token = skiptoken(graph_session.get(partners_url).json()["@odata.nextLink"])

    answer = graph_session.get(f"{partners_url}?$skiptoken={token}&$skiptoken={token}")

    assert answer.status_code == 400
    assert answer.json()["error"]["code"] == EXPIRED["code"]


def test_a_skiptoken_from_before_a_restart_is_400(tmp_path: Path) -> None:
    state = tmp_path / "graph.json"
    with LocalGraph(state_file=state, page_size=1) as graph:
        seed(graph, 2)
        session = graph.session()
        session.headers["Authorization"] = f"Bearer {graph.issue_token()}"
        url = f"{graph.graph_endpoint}/v1.0/policies/crossTenantAccessPolicy/partners"
        token = skiptoken(session.get(url).json()["@odata.nextLink"])
    with LocalGraph(state_file=state, page_size=1) as graph:
        session = graph.session()
        session.headers["Authorization"] = f"Bearer {graph.issue_token()}"
        url = f"{graph.graph_endpoint}/v1.0/policies/crossTenantAccessPolicy/partners"
        assert session.get(url).status_code == 200
        answer = session.get(f"{url}?$skiptoken={token}")
    assert answer.status_code == 400
    assert answer.json()["error"]["code"] == EXPIRED["code"]


@pytest.mark.parametrize("local_graph_page_size", [2])
def test_a_partner_deleted_between_pages_skips_nothing_and_a_new_one_comes_last(
    local_graph: LocalGraph, graph_session: requests.Session, partners_url: str
) -> None:
    ids = seed(local_graph, 5)
    first = graph_session.get(partners_url).json()
    assert listed([first]) == ids[:2]

    # The last partner served goes, and one is created, before the next page is read.
    assert graph_session.delete(f"{partners_url}/{ids[1]}").status_code == 204
    added = str(uuid.uuid4())
    assert graph_session.post(partners_url, json={"tenantId": added}).status_code == 201
    rest = read_pages(graph_session, first["@odata.nextLink"])

    assert listed(rest) == [*ids[2:], added]


def test_page_size_is_settable_while_running_and_reset_restores_it(local_graph: LocalGraph) -> None:
    local_graph.page_size = 4
    assert local_graph.page_size == 4

    local_graph.reset()

    assert local_graph.page_size == DEFAULT_PAGE_SIZE


@pytest.mark.parametrize("size", [0, -1, True, 2.5])
def test_a_page_size_below_one_or_not_a_whole_number_is_refused(local_graph: LocalGraph, size: Any) -> None:
    with pytest.raises(ValueError, match="page size"):
        LocalGraph(page_size=size)
    with pytest.raises(ValueError, match="page size"):
        local_graph.page_size = size
    assert local_graph.page_size == DEFAULT_PAGE_SIZE


@pytest.mark.parametrize("local_graph_page_size", [1])
def test_the_page_size_fixture_sets_the_test_graph_page_size(
    local_graph: LocalGraph, local_graph_page_size: int
) -> None:
    assert local_graph.page_size == local_graph_page_size == 1
