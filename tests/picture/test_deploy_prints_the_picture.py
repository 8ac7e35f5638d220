"""``make deploy`` ends with the picture of what Graph holds (``deploy_job.print_posture``), not raw JSON."""

from __future__ import annotations

import pytest

from constructs_xtap.cli.deploy_job import print_posture
from constructs_xtap.graph import GraphClient
from constructs_xtap.local_graph import LocalGraph
from tests.picture import seeded_tenant
from tests.picture.picture_output import table_cells


def test_print_posture_prints_every_cell_of_the_picture_and_the_policy_clouds(
    local_graph: LocalGraph, tenant: GraphClient, capsys: pytest.CaptureFixture[str]
) -> None:
    seeded_tenant.seed(local_graph, tenant)

    print_posture(local_graph.env())

    out = capsys.readouterr().out
    assert "xtap: Graph now holds 3 partner configuration(s); what applies:" in out
    assert table_cells(out) == {seeded_tenant.LABELS[k]: row for k, row in seeded_tenant.EXPECTED.items()}
    assert out.rstrip().endswith("xtap: other Microsoft clouds allowed by the policy: none")
    assert "{" not in out  # no raw JSON any more
