"""``xtap show``: a synthesized stack that is not one, and an output that cannot be written, are one line on
stderr naming the problem and exit 1, never a traceback; the cdk.tf.json file itself is accepted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from constructs_xtap.cli import main

FABRIKAM = "3d0f5dec-5d3d-455c-8016-e2af1ae4d31a"
STACK = {
    "resource": {
        "xtap_partner_configuration": {
            "fabrikam_67528000": {
                "//": {"metadata": {"path": "partners/fabrikam/Resource"}},
                "tenant_id": FABRIKAM,
                "b2b_collaboration_inbound": json.dumps(
                    {
                        "usersAndGroups": {
                            "accessType": "blocked",
                            "targets": [{"target": "AllUsers", "targetType": "user"}],
                        }
                    }
                ),
            }
        }
    }
}


def _stack_dir(tmp_path: Path, text: str) -> Path:
    (tmp_path / "cdk.tf.json").write_text(text, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{not json", "is not JSON"),
        ("[]", "is a JSON list, not a synthesized stack"),
        ('{"resource": []}', "'resource' is not an object of objects"),
        (
            json.dumps(
                {
                    "resource": {
                        "xtap_partner_configuration": {"p": {"tenant_id": FABRIKAM, "inbound_trust": "{x"}}
                    }
                }
            ),
            "xtap_partner_configuration.inbound_trust is not JSON",
        ),
    ],
)
def test_a_file_that_is_not_a_synthesized_stack_is_one_line_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, message: str
) -> None:
    stack_dir = _stack_dir(tmp_path, text)

    assert main(["show", "--synth", str(stack_dir)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("xtap show --synth: ") and message in err
    assert err.count("\n") == 1 and "cdktf synth" in err


def test_the_cdk_tf_json_file_itself_is_accepted_as_the_stack(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stack_dir = _stack_dir(tmp_path, json.dumps(STACK))

    assert main(["show", "--synth", str(stack_dir / "cdk.tf.json"), "--format", "json"]) == 0
    (row,) = json.loads(capsys.readouterr().out)["partners"]
    assert row["tenantId"] == FABRIKAM
    assert row["cells"]["b2bCollaborationInbound"]["summary"] == "blocked for all users"


def test_an_output_in_a_missing_directory_is_one_line_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stack_dir = _stack_dir(tmp_path, json.dumps(STACK))
    output = tmp_path / "missing" / "show.html"

    assert main(["show", "--synth", str(stack_dir), "--format", "html", "-o", str(output)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"cannot write {output}" in err and "create its directory first" in err
