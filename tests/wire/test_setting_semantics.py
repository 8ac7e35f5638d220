"""One definition of "the same setting": what may differ without meaning a change, and what may not."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from constructs_xtap.wire import aligned_setting, canonical_setting, settings_equal

GROUP_A = "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d"
GROUP_B = "1e0f9a8b-7c6d-4a3b-9c2d-5e4f9a8b7c6d"


def b2b(targets: list[dict[str, str]], access: str = "allowed") -> dict[str, Any]:
    return {
        "usersAndGroups": {"accessType": access, "targets": targets},
        "applications": {
            "accessType": "allowed",
            "targets": [{"target": "AllApplications", "targetType": "application"}],
        },
    }


def group(target: str) -> dict[str, str]:
    return {"target": target, "targetType": "group"}


def test_targets_in_another_order_are_the_same_setting() -> None:
    assert settings_equal(b2b([group(GROUP_A), group(GROUP_B)]), b2b([group(GROUP_B), group(GROUP_A)]))


def test_guid_letter_case_does_not_matter() -> None:
    assert settings_equal(b2b([group(GROUP_A.upper())]), b2b([group(GROUP_A)]))
    assert canonical_setting(b2b([group(GROUP_A.upper())]))["usersAndGroups"]["targets"] == [group(GROUP_A)]


def test_odata_annotations_and_null_or_empty_members_do_not_matter() -> None:
    annotated = {
        "@odata.type": "#microsoft.graph.crossTenantAccessPolicyB2BSetting",
        "usersAndGroups": {
            "accessType": "blocked",
            "targets@odata.type": "#Collection(microsoft.graph.crossTenantAccessPolicyTarget)",
            "targets": [{"target": "AllUsers", "targetType": "user"}],
        },
        "applications": None,
    }
    plain = {
        "usersAndGroups": {"accessType": "blocked", "targets": [{"target": "AllUsers", "targetType": "user"}]}
    }
    assert settings_equal(annotated, plain)
    assert settings_equal({"usersAndGroups": plain["usersAndGroups"], "applications": {}}, plain)
    assert canonical_setting({"inboundAllowed": None, "outboundAllowed": None}) is None


def test_keywords_and_enum_values_stay_case_sensitive() -> None:
    all_users = b2b([{"target": "AllUsers", "targetType": "user"}])
    assert not settings_equal(all_users, b2b([{"target": "allusers", "targetType": "user"}]))
    assert not settings_equal(all_users, b2b([{"target": "AllUsers", "targetType": "User"}]))
    assert not settings_equal(b2b([group(GROUP_A)]), b2b([group(GROUP_A)], access="Allowed"))


def test_a_real_change_is_still_a_change() -> None:
    both = b2b([group(GROUP_A), group(GROUP_B)])
    assert not settings_equal(both, b2b([group(GROUP_A)]))  # a target removed
    assert not settings_equal(both, b2b([group(GROUP_A), group(GROUP_B)], access="blocked"))  # flipped


def test_only_targets_lose_their_order() -> None:
    order = {"primaryIdentityProviderPrecedenceOrder": ["externalFederation", "azureActiveDirectory"]}
    swapped = {"primaryIdentityProviderPrecedenceOrder": ["azureActiveDirectory", "externalFederation"]}
    assert not settings_equal(order, swapped)


guids = st.uuids().map(str)
targets = st.lists(
    st.one_of(
        st.builds(group, guids),
        st.builds(lambda g: {"target": g, "targetType": "user"}, guids),
        st.just({"target": "AllUsers", "targetType": "user"}),
    ),
    max_size=6,
    unique_by=lambda t: t["target"],
)


@settings(max_examples=200, deadline=None)
@given(targets=targets, data=st.data())
def test_any_reordering_and_recasing_of_targets_is_equal_and_canonical_form_is_stable(
    targets: list[dict[str, str]], data: st.DataObject
) -> None:
    shuffled = data.draw(st.permutations(targets))
    recased = [
        {**t, "target": t["target"].upper()} if data.draw(st.booleans()) and t["target"] != "AllUsers" else t
        for t in shuffled
    ]
    assert settings_equal(b2b(targets), b2b(recased))
    once = canonical_setting(b2b(recased))
    assert canonical_setting(once) == once
    if targets:
        assert not settings_equal(b2b(targets), b2b(targets[1:]))


def test_a_changed_setting_keeps_the_unchanged_targets_in_the_prior_order_and_case() -> None:
    prior = b2b([group(GROUP_B.upper()), group(GROUP_A)])
    graph = b2b([group(GROUP_A), {"target": "AllUsers", "targetType": "user"}], access="blocked")
    graph["usersAndGroups"]["targets"].append(group(GROUP_B))

    aligned = aligned_setting(graph, prior)

    assert aligned["usersAndGroups"]["accessType"] == "blocked"
    assert aligned["usersAndGroups"]["targets"] == [
        group(GROUP_B.upper()),
        group(GROUP_A),
        {"target": "AllUsers", "targetType": "user"},
    ]
    assert aligned["applications"] is prior["applications"]  # unchanged: the prior value itself
    assert settings_equal(aligned, graph)


def test_aligning_an_equal_setting_gives_the_prior_value_itself() -> None:
    prior = {"inboundAllowed": True, "outboundAllowed": None}
    assert aligned_setting({"inboundAllowed": True}, prior) is prior
    assert aligned_setting(None, {"inboundAllowed": None}) == {"inboundAllowed": None}
    assert aligned_setting({"isMfaAccepted": True}, None) == {"isMfaAccepted": True}
