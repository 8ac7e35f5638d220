"""Issue 4's fault matrix, end to end: real cdktf, Terraform and provider against the faulted local Graph."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.e2e.fault_matrix import SCENARIOS, Scenario, run_scenario

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.name for s in SCENARIOS])
def test_deploy_under_fault_loses_nothing_and_duplicates_nothing(
    local_graph: Any, tmp_path: Path, scenario: Scenario
) -> None:
    outcome = run_scenario(local_graph, tmp_path, scenario)
    assert outcome.passed, outcome.detail
