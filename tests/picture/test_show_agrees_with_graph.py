"""``xtap show --live`` on a seeded tenant and ``--synth`` on the shipped ``partners`` stack agree with what
Graph holds, cell by cell, in every format."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from cdktf import App

from constructs_xtap.cli import main
from constructs_xtap.graph import GraphClient, kind_path
from constructs_xtap.local_graph import LocalGraph
from constructs_xtap.picture import read_synthesized_stack
from constructs_xtap.wire import DEFAULT
from constructs_xtap.wire import PARTNER as PARTNER_KIND
from stacks import PartnersStack
from tests.picture import seeded_tenant
from tests.picture.picture_output import html_cells, json_cells, markdown_cells, table_cells

READERS: dict[str, Callable[[str], dict[str, dict[str, str]]]] = {
    "json": json_cells,
    "markdown": markdown_cells,
    "table": table_cells,
    "html": html_cells,
}
BY_TENANT_ID = ("json", "html")


def show(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(["show", *args]) == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("output_format", sorted(READERS))
def test_live_show_gives_every_cell_of_a_seeded_tenant_as_worked_out_by_hand(
    local_graph: LocalGraph, tenant: GraphClient, capsys: pytest.CaptureFixture[str], output_format: str
) -> None:
    seeded_tenant.seed(local_graph, tenant)

    cells = READERS[output_format](show(capsys, "--live", "--format", output_format))

    if output_format in BY_TENANT_ID:
        expected = seeded_tenant.EXPECTED
    else:
        expected = {seeded_tenant.LABELS[key]: row for key, row in seeded_tenant.EXPECTED.items()}
    assert cells == expected


def test_html_page_is_one_self_contained_file_holding_the_whole_matrix(
    local_graph: LocalGraph, tenant: GraphClient, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    seeded_tenant.seed(local_graph, tenant)
    page = tmp_path / "xtap-show.html"

    assert main(["show", "--live", "--format", "html", "--output", str(page)]) == 0

    text = page.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and text.rstrip().endswith("</html>")
    for fetch in ("src=", "href=", "@import", "url(", "<script", "<link"):
        assert fetch not in text
    assert html_cells(text) == seeded_tenant.EXPECTED
    assert "Fabrikam" in text and seeded_tenant.FABRIKAM in text


def _deploy(client: GraphClient, objects: Any) -> None:
    """Write a synthesized stack's objects to Graph, as the provider would (nulls left out)."""
    client.update_object(kind_path(DEFAULT), {k: v for k, v in objects.default.items() if v is not None})
    for partner in objects.partners:
        client.create_object("POST", str(PARTNER_KIND.collection_path), dict(partner))


@pytest.fixture(scope="module")
def partners_stack(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped ``partners`` stack, synthesized as ``cdktf synth`` does."""
    outdir = tmp_path_factory.mktemp("cdktf.out")
    app = App(outdir=str(outdir))
    PartnersStack(app)
    app.synth()
    return outdir / "stacks" / "partners"


@pytest.mark.parametrize("output_format", sorted(READERS))
def test_synthesized_partners_stack_shows_what_graph_holds_once_it_is_deployed(
    tenant: GraphClient, capsys: pytest.CaptureFixture[str], partners_stack: Path, output_format: str
) -> None:
    _deploy(tenant, read_synthesized_stack(partners_stack))

    synthesized = READERS[output_format](
        show(capsys, "--synth", str(partners_stack), "--format", output_format)
    )
    live = READERS[output_format](show(capsys, "--live", "--format", output_format))

    # Graph does not know the construct ids the synthesized stack names partners by: compare by tenant id.
    def by_id(rows: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
        return {label.split("(")[-1].rstrip(")"): row for label, row in rows.items()}

    assert by_id(synthesized) == by_id(live)
    assert len(synthesized) == 5


def test_synthesized_partners_stack_applies_what_its_constructs_mean_once_inherited(
    capsys: pytest.CaptureFixture[str], partners_stack: Path
) -> None:
    rows = json_cells(show(capsys, "--synth", str(partners_stack), "--format", "json"))

    vendor, subsidiary = (
        rows["4b2e8d61-7f3a-4c59-9e0d-1a6c5b7f8e23"],
        rows["9c7a1f5e-2b0d-4e83-a6f1-5d3b8e4c2a71"],
    )
    restricted, documented = (
        rows["e1a7c9d3-5b2f-4e6a-8d0c-7f3b1a9e5c42"],
        rows["3d0f5dec-5d3d-455c-8016-e2af1ae4d31a"],
    )
    assert rows["default"]["b2bCollaborationInbound"] == "blocked for all users"  # stated in PartnersStack
    assert rows["default"]["b2bCollaborationOutbound"] == "system default (allowed for all users)"
    assert vendor["b2bCollaborationInbound"] == "allowed for all users to app 2793995e…, app b5d1c3a2…"
    assert vendor["b2bCollaborationOutbound"] == "inherited (allowed for all users)"
    assert subsidiary["b2bDirectConnectInbound"] == "allowed for all users"
    assert (subsidiary["trustMfa"], subsidiary["trustHybridJoinedDevice"]) == ("yes", "inherited (no)")
    assert restricted["b2bCollaborationOutbound"] == "allowed for group 0f8e2d4c… to all applications"
    assert restricted["b2bCollaborationInbound"] == "inherited (blocked for all users)"
    # Office 365 is allowed, but the users are the default's: direct connect blocks everyone.
    assert documented["b2bDirectConnectInbound"] == "blocked for all users (users inherited)"
