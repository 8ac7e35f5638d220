"""The exporter: read a tenant's cross-tenant access objects through the Graph client and write them as a
Python module of constructs, each marked for import. ``read_tenant`` is the one reader of a live tenant:
``xtap show --live`` and the deploy job read through it too."""

from constructs_xtap.export.construct_ids import RESERVED_IDS, construct_ids
from constructs_xtap.export.exported_module import ExportedModule
from constructs_xtap.export.expression import Expression
from constructs_xtap.export.read_tenant import read_tenant
from constructs_xtap.export.ruff_format import ruff_available, ruff_format
from constructs_xtap.export.setting_source import SETTING_KEYWORDS, is_inherited, setting_source
from constructs_xtap.export.stack_source import DEFAULT_CLASS_NAME, stack_source
from constructs_xtap.export.target_configuration_source import target_configuration_source, target_source
from constructs_xtap.export.unexpressible import Unexpressible

__all__ = [
    "DEFAULT_CLASS_NAME",
    "RESERVED_IDS",
    "SETTING_KEYWORDS",
    "ExportedModule",
    "Expression",
    "Unexpressible",
    "construct_ids",
    "is_inherited",
    "read_tenant",
    "ruff_available",
    "ruff_format",
    "setting_source",
    "stack_source",
    "target_configuration_source",
    "target_source",
]
