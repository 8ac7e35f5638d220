"""main.py reports invalid partners as the list of problems and exit status 1, not as a traceback."""

from __future__ import annotations

import runpy
from pathlib import Path
from typing import Any

import pytest
from cdktf import TerraformStack

import stacks
from constructs_xtap import CrossTenantAccessPartner

MAIN = Path(__file__).resolve().parents[2] / "main.py"


# main.py is the cdktf app of this repository (``from cdktf import App``): these tests are of main.py, so they
# run under cdktf only; a cdktn app goes through the same constructs, tested under both in the other files.
def _stack_with_a_bad_partner(scope: Any, *args: Any, **kwargs: Any) -> TerraformStack:
    stack = TerraformStack(scope, "partners")
    CrossTenantAccessPartner(stack, "vendor", tenant_id="vendor.com")
    return stack


def test_main_exits_with_the_problem_list_when_a_partner_is_invalid(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)  # cdktf.out, if any, goes here
    monkeypatch.setattr(stacks, "PartnersStack", _stack_with_a_bad_partner)
    with pytest.raises(SystemExit) as exited:
        runpy.run_path(str(MAIN), run_name="__main__")
    message = exited.value.code
    assert isinstance(message, str)  # sys.exit(str) prints it to stderr and exits with status 1
    assert "partners/vendor: tenant_id = 'vendor.com'" in message
    assert "Fix:" in message


def test_main_lets_other_errors_through(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)

    def broken(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("a bug, not bad input")

    monkeypatch.setattr(stacks, "PartnersStack", broken)
    with pytest.raises(RuntimeError, match="a bug"):
        runpy.run_path(str(MAIN), run_name="__main__")
