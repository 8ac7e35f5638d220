"""SettingsConstruct: what every L2 construct holding Graph settings (a partner, the default configuration)
exposes, written once."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from constructs import Construct

from constructs_xtap.constructs.framework import path_of_new, place_under
from constructs_xtap.constructs.inherited_aspects import InheritedAspects
from constructs_xtap.constructs.kind_settings import setting_arguments

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from constructs_xtap.constructs.framework import Framework
    from constructs_xtap.constructs.validation_problem import ValidationProblem
    from constructs_xtap.constructs.xtap_provider import XtapProvider
    from constructs_xtap.wire import JsonSetting, ObjectKind


class SettingsConstruct(Construct):
    """The base of the L2s whose settings are Graph sub-objects (``B2BSetting``, ``InboundTrust``…).

    A subclass's constructor sets ``_graph_settings`` (the Graph sub-object of every setting that is set,
    by Terraform attribute name), ``_provider`` and ``_admin_center_warnings`` before it returns.
    """

    _graph_settings: Mapping[str, Mapping[str, Any]]
    _provider: XtapProvider
    _admin_center_warnings: tuple[ValidationProblem, ...]

    def _start(
        self, scope: Construct, id: str, kind: ObjectKind, arguments: Mapping[str, Any]
    ) -> tuple[Framework, str, dict[str, Any]]:
        """What every such constructor does first, after ``Construct.__init__``: place the construct in its
        framework's tree, ask its path once, let an App's Guardrails reach its stack, and pick the kind's
        settings out of ``arguments`` (the constructor's ``locals()``, taken before it makes any other).
        Returns the framework, the construct path and the settings by keyword."""
        framework = place_under(self, scope)
        path = path_of_new(self, scope, id)
        InheritedAspects.ensure(self)
        return framework, path, setting_arguments(kind, arguments)

    @property
    def admin_center_warnings(self) -> tuple[ValidationProblem, ...]:
        """The admin-center findings this construct was synthesized with, each also a cdktf warning.

        Empty when it satisfies the admin center too (with ``xtap:adminCenterRules`` set to ``"error"`` a
        finding raises instead, so this is always empty then).
        """
        return self._admin_center_warnings

    @property
    def provider(self) -> XtapProvider:
        """The provider block this construct's object is managed through."""
        return self._provider

    @property
    def graph_settings(self) -> dict[str, dict[str, Any]]:
        """The Graph sub-object of every setting that is set, keyed by Terraform attribute name."""
        return {k: dict(v) for k, v in self._graph_settings.items()}

    def _settings_body(self, json_settings: Iterable[JsonSetting]) -> dict[str, Any]:
        """``{Graph name: sub-object}`` of the settings that are set, in ``json_settings``' order."""
        return {
            s.graph_name: dict(self._graph_settings[s.attribute])
            for s in json_settings
            if s.attribute in self._graph_settings
        }
