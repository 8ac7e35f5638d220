"""Between Terraform state and a Graph object, for any kind of :mod:`constructs_xtap.wire.object_kinds`.

State keeps the configuration's spelling of a JSON setting whenever Graph holds the same meaning
(:func:`~constructs_xtap.wire.settings_equal`), so a read never shows a change that is not one; a value Graph
changed is stored in canonical form, spelled like the prior where it did not change
(:func:`~constructs_xtap.wire.aligned_setting`). A nullable Graph boolean that is ``false`` or ``null``
matches a configuration that left it out. Properties Graph returns that no attribute names are ignored.

``defaults`` (the default configuration's system default, the policy's documented default) make "left out"
mean "the documented value": Graph holding exactly that reads as ``null`` while the prior state is ``null``
(an optional and computed attribute reads as Graph holds it), and a body sends the documented value for an
attribute left out.

``fill`` (a kind's :data:`SettingFill` hook) gives a JSON setting's members their meaning before two values
are compared with :func:`~constructs_xtap.wire.settings_equal`: the default configuration fills a member left
out or ``null`` from the setting's system default; partners pass none ("absent = inherit").
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any

from tf.types import Unknown

from constructs_xtap.provider.terraform_json import JsonObject, JsonText
from constructs_xtap.wire import UNKNOWN_FUTURE_VALUE, aligned_setting, canonical_setting, settings_equal
from constructs_xtap.wire.graph_path import graph_value, put_graph_value
from constructs_xtap.wire.object_kinds import (
    BOOL,
    JSON,
    STRING_LIST,
    STRING_SET,
    KindAttribute,
    TerraformFace,
)

#: A kind's hook: a JSON setting's value as it is to be compared (members given their meaning).
SettingFill = Callable[[KindAttribute, Any], Any]
#: The attribute types carried as lists of strings.
STRING_COLLECTIONS = (STRING_LIST, STRING_SET)


def known(value: Any) -> Any:
    """``None`` for a tf ``Unknown``, the value otherwise."""
    return None if value is Unknown else value


def _sent(attribute: KindAttribute, value: Any, defaults: Mapping[str, Any] | None) -> Any:
    """What to send for a configured value: itself, or the documented default when left out."""
    if attribute.type == JSON:
        value = value if canonical_setting(value) is not None else None
    elif attribute.type in STRING_COLLECTIONS and value is not None:
        value = list(value)
    if value is None and defaults is not None and attribute.graph_name in defaults:
        documented = defaults[str(attribute.graph_name)]
        return list(documented) if isinstance(documented, (list, tuple)) else documented
    return value


def sent_attributes(face: TerraformFace) -> tuple[KindAttribute, ...]:
    """The attributes a write may send: settable, with a Graph name, not the key."""
    return tuple(a for a in face.attributes if a.settable and a.graph_name and not a.replace)


def desired_body(
    face: TerraformFace, planned: Mapping[str, Any], *, defaults: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """Every sendable attribute as Graph should hold it (the documented default where left out).

    Without ``defaults``, an attribute left out (a JSON setting meaning "inherit", a ``null`` scalar) is
    not in the body.
    """
    body: dict[str, Any] = {}
    for attribute in sent_attributes(face):
        value = _sent(attribute, known(planned.get(attribute.name)), defaults)
        if value is not None or (defaults is not None and attribute.graph_name in defaults):
            put_graph_value(body, str(attribute.graph_name), value)
    return body


def patch_body(
    face: TerraformFace,
    current: Mapping[str, Any],
    planned: Mapping[str, Any],
    *,
    defaults: Mapping[str, Any] | None = None,
    fill: SettingFill | None = None,
) -> dict[str, Any]:
    """The PATCH body: the complete desired value of each changed attribute.

    A removed JSON setting is ``null`` (inherit), or its documented default when the kind has one. Graph
    replaces each top-level property wholesale (arrays included), so a partial value would lose data.
    """
    body: dict[str, Any] = {}
    for attribute in sent_attributes(face):
        want, have = known(planned.get(attribute.name)), known(current.get(attribute.name))
        if not attribute_equal(attribute, want, have, fill=fill):
            put_graph_value(body, str(attribute.graph_name), _sent(attribute, want, defaults))
    return body


def attribute_equal(attribute: KindAttribute, a: Any, b: Any, *, fill: SettingFill | None = None) -> bool:
    """Whether two values of one attribute mean the same to Graph (JSON settings after ``fill``)."""
    if attribute.type == JSON:
        a, b = _decoded(a), _decoded(b)
        if fill is not None:
            a, b = fill(attribute, a), fill(attribute, b)
        return settings_equal(a, b)
    if attribute.type == BOOL:
        return bool(a) == bool(b)  # Graph's nullable booleans: null and false both mean "no"
    if attribute.type == STRING_LIST:
        return sorted(a or []) == sorted(b or [])
    if attribute.type == STRING_SET:
        return set(a or []) == set(b or [])
    return bool((a or None) == (b or None))


def _decoded(value: Any) -> Any:
    """A JSON setting as a value: a plan's kept prior text (:class:`JsonText`) decoded."""
    if isinstance(value, JsonText):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def differing_attributes(
    face: TerraformFace,
    graph_object: Mapping[str, Any],
    body: Mapping[str, Any],
    *,
    names: tuple[str, ...] | None = None,
    fill: SettingFill | None = None,
) -> list[str]:
    """Attribute names whose meaning differs between a Graph object and a body we sent (or would send)."""
    return [
        a.name
        for a in face.attributes
        if a.graph_name
        and a.settable
        and not a.replace
        and (names is None or a.name in names)
        and not attribute_equal(
            a, graph_value(graph_object, a.graph_name), graph_value(body, a.graph_name), fill=fill
        )
    ]


def state_from_graph(
    face: TerraformFace,
    graph_object: Mapping[str, Any],
    *,
    prior: Mapping[str, Any],
    fixed: Mapping[str, Any],
    defaults: Mapping[str, Any] | None = None,
    fill: SettingFill | None = None,
) -> dict[str, Any]:
    """Terraform state for a Graph object, keeping ``prior``'s spelling where it means the same.

    ``fixed`` gives the values that do not come from Graph's answer (``id``, the key). An attribute Graph
    never sees (``adopt_existing``) keeps its prior value.
    """
    state: dict[str, Any] = {}
    for attribute in face.attributes:
        prior_value = known(prior.get(attribute.name))
        if attribute.name in fixed:
            state[attribute.name] = fixed[attribute.name]
        elif attribute.graph_name is None:
            state[attribute.name] = prior_value
        else:
            state[attribute.name] = _state_value(
                attribute, graph_value(graph_object, attribute.graph_name), prior_value, defaults, fill
            )
    return state


def _state_value(
    attribute: KindAttribute,
    graph: Any,
    prior: Any,
    defaults: Mapping[str, Any] | None,
    fill: SettingFill | None,
) -> Any:
    documented = defaults.get(str(attribute.graph_name)) if defaults is not None else None
    left_out_reads_null = attribute.use == "optional"  # an optional and computed one shows what Graph holds
    if prior is None and left_out_reads_null and defaults is not None and attribute.graph_name in defaults:
        if attribute_equal(attribute, graph, documented, fill=fill):
            return None  # left out, and Graph holds the documented default: no difference
    if attribute.type == JSON:
        if fill is not None and attribute_equal(attribute, graph, prior, fill=fill):
            return prior  # means what the prior says once members left out have their meaning
        return aligned_setting(graph, prior)
    if not attribute.settable or (prior is None and not left_out_reads_null):
        return list(graph) if attribute.type in STRING_COLLECTIONS and graph is not None else graph
    if attribute_equal(attribute, graph, prior):
        return prior  # keep the configuration's spelling (null vs false, list order)
    if attribute.type == BOOL:
        return bool(graph) if graph is not None or prior is not None else None
    if attribute.type in STRING_COLLECTIONS:
        return list(graph) if graph is not None else None
    return graph


def keep_equal_settings(
    face: TerraformFace,
    prior: Mapping[str, Any],
    planned: dict[str, Any],
    *,
    fill: SettingFill | None = None,
) -> list[str]:
    """Plan no change for a configured JSON setting that means what the prior state holds; return them.

    Terraform accepts a planned value equal to either the configuration or the prior state, so the prior
    state's exact text is planned (toolchain-recipes.md §3.8): an import, or a configuration that writes
    the same targets in another order or case, plans "no changes".
    """
    kept: list[str] = []
    for attribute in face.json_attributes:
        have, want = prior.get(attribute.name), planned.get(attribute.name)
        if not isinstance(have, JsonObject) or want is None or want is Unknown:
            continue  # Terraform lets a plan keep the prior value only when neither side is null
        if getattr(want, "text", None) != have.text and attribute_equal(attribute, have, want, fill=fill):
            planned[attribute.name] = JsonText(have.text)
            kept.append(attribute.name)
    return kept


def unknown_enum_paths(face: TerraformFace, graph_object: Mapping[str, Any]) -> list[str]:
    """Where Graph answered ``unknownFutureValue`` (a value newer than the API version we speak)."""
    found: list[str] = []

    def walk(value: Any, path: str) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                walk(item, f"{path}.{key}")
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(item, f"{path}[{index}]")
        elif value == UNKNOWN_FUTURE_VALUE:
            found.append(path)

    for attribute in face.json_attributes:
        walk(graph_value(graph_object, str(attribute.graph_name)), attribute.name)
    return found
