"""The shared wire format: Graph's exact names both ways, Terraform's jsonencode bytes, GUIDs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from constructs_xtap.wire import (
    GRAPH_TO_SNAKE,
    JSON_SETTINGS,
    SNAKE_TO_GRAPH,
    is_guid,
    normalize_setting,
    terraform_jsonencode,
    to_graph,
    to_snake,
)
from tests.vectors import documented_vector


def test_graph_names_keep_the_lower_case_b2b_that_peers_got_wrong() -> None:
    assert SNAKE_TO_GRAPH["b2b_collaboration_inbound"] == "b2bCollaborationInbound"
    assert SNAKE_TO_GRAPH["b2b_direct_connect_outbound"] == "b2bDirectConnectOutbound"
    assert "b2BCollaborationInbound" not in GRAPH_TO_SNAKE


def test_graph_names_keep_the_upper_case_ad_in_hybrid_joined() -> None:
    assert (
        SNAKE_TO_GRAPH["is_hybrid_azure_ad_joined_device_accepted"] == "isHybridAzureADJoinedDeviceAccepted"
    )


def test_mapping_round_trips_a_documented_body_both_ways() -> None:
    body = documented_vector("create_partner_v1")["requestBody"]
    assert to_graph(to_snake(body)) == body
    assert to_snake(body)["b2b_direct_connect_outbound"]["users_and_groups"]["access_type"] == "blocked"


def test_unknown_names_are_refused_not_guessed() -> None:
    with pytest.raises(KeyError, match="isMfaTrusted"):
        to_snake({"isMfaTrusted": True})
    with pytest.raises(KeyError, match="b2b_collab_inbound"):
        to_graph({"b2b_collab_inbound": {}})


def test_every_json_setting_attribute_maps_to_its_graph_name() -> None:
    assert {s.attribute: s.graph_name for s in JSON_SETTINGS} == {
        s.attribute: SNAKE_TO_GRAPH[s.attribute] for s in JSON_SETTINGS
    }


def test_jsonencode_matches_terraform_byte_for_byte(tmp_path: Path) -> None:
    # Checked against the embedded Terraform: `terraform console` evaluates jsonencode itself.
    value = {"b": "<a&b>", "a": [1, {"z": True, "y": None}], "c": "\u2028é"}
    expression = 'jsonencode({b="<a&b>",a=[1,{z=true,y=null}],c="\\u2028é"})'
    terraform = Path(sys.executable).parent / "terraform"
    result = subprocess.run(
        [str(terraform), "console"],
        input=expression,
        capture_output=True,
        text=True,
        check=True,
        env={"TF_CLI_CONFIG_FILE": "/dev/null", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    assert json.loads(result.stdout) == terraform_jsonencode(value)


def test_normalize_setting_treats_all_null_members_as_inherit() -> None:
    assert normalize_setting({"inboundAllowed": None, "outboundAllowed": None}) is None
    assert normalize_setting({"inboundAllowed": True, "outboundAllowed": None}) == {"inboundAllowed": True}
    assert normalize_setting({"isMfaAccepted": False}) == {"isMfaAccepted": False}


@pytest.mark.parametrize(
    "value",
    [
        "3d0f5dec-5d3d-455c-8016-e2af1ae4d31a\n",
        "{3d0f5dec-5d3d-455c-8016-e2af1ae4d31a}",
        "3d0f5dec5d3d455c8016e2af1ae4d31a",
        "contoso.onmicrosoft.com",
        "",
        None,
        42,
    ],
)
def test_is_guid_rejects_anything_but_one_bare_guid(value: object) -> None:
    assert not is_guid(value)


def test_is_guid_accepts_any_case() -> None:
    assert is_guid("3d0f5dec-5d3d-455c-8016-e2af1ae4d31a")
    assert is_guid("3D0F5DEC-5D3D-455C-8016-E2AF1AE4D31A")
